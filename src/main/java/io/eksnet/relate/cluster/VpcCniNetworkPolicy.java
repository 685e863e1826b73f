package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;

/**
 * Whether the cluster's VPC CNI enforces Kubernetes NetworkPolicies, as the scan's VPC CNI
 * configuration states it. On when any place turns it on: {@code enableNetworkPolicy} in the {@code
 * vpc-cni} add-on's {@code configuration_values}, {@code --enable-network-policy=true} on the
 * {@code aws-eks-nodeagent} container of the {@code aws-node} DaemonSet, or {@code
 * enable-network-policy-controller: "true"} in the {@code amazon-vpc-cni} ConfigMap. Off when the
 * add-on's known configuration leaves it unset or false (the add-on's default), or, without an
 * add-on, when the DaemonSet's network policy agent runs without the flag or with it false. No fact
 * when the scan cannot tell (no VPC CNI configuration, configuration values unknown until apply, a
 * DaemonSet without the agent container, an add-on of one of several clusters). In an EKS Auto Mode
 * cluster ({@link EksAutoMode}) only the {@code amazon-vpc-cni} ConfigMap decides, and {@link
 * #autoMode()} is true.
 */
@PublicFact(
    "Whether the cluster's VPC CNI enforces NetworkPolicies, as the scan's VPC CNI configuration (vpc-cni add-on, aws-node DaemonSet, amazon-vpc-cni ConfigMap) states it.")
public record VpcCniNetworkPolicy(
    @FactField("True when the network policy agent is on.") boolean enabled,
    @FactField(
            "The setting and where it is, for messages (`enableNetworkPolicy unset (default false) in the vpc-cni add-on aws_eks_addon.vpc_cni`).")
        String setting,
    @FactField("Where the setting is written, or the resource or container that would hold it.")
        Location location,
    @FactField(
            "True in an EKS Auto Mode cluster, where the amazon-vpc-cni ConfigMap's enable-network-policy-controller decides.")
        boolean autoMode) {}
