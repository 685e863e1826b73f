package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;

/**
 * Evidence that the cluster runs EKS Auto Mode: an {@code aws_eks_cluster} with {@code
 * compute_config { enabled = true }} (or an eksctl {@code autoModeConfig.enabled: true}), a
 * NodePool whose {@code nodeClassRef} names an {@code eks.amazonaws.com} NodeClass, such a
 * NodeClass, an IngressClass of controller {@code eks.amazonaws.com/alb}, an {@code
 * eks.amazonaws.com} IngressClassParams or a Service of {@code loadBalancerClass:
 * eks.amazonaws.com/nlb}. One per piece of evidence. In such a cluster the VPC CNI add-on's
 * settings do not apply to the Auto Mode nodes, and a LoadBalancer Service without a class gets
 * Auto Mode's NLB.
 */
@PublicFact(
    "Evidence that the cluster runs EKS Auto Mode (Terraform compute_config, eksctl autoModeConfig, Auto Mode NodePools, NodeClasses, IngressClasses, IngressClassParams or NLB Services), with the object that shows it.")
public record EksAutoMode(
    @FactField("The object that shows it, for messages (`aws_eks_cluster.main`).") String evidence,
    @FactField("Where that object is.") Location location) {}
