/**
 * EKS capacity arithmetic: instance-type network limits ({@link io.eksnet.aws.InstanceTypes}, built
 * in or from {@code describe-instance-types} JSON), max pods per node ({@link
 * io.eksnet.aws.MaxPods}: secondary IPs, prefix delegation, custom networking, the 110/250 cap,
 * node groups of several types) and the subnet addresses a node holds under the VPC CNI warm-pool
 * settings ({@link io.eksnet.aws.NodeIpUsage}). Formulas and sources: DOMAIN.md sections 1 and 2.
 */
package io.eksnet.aws;
