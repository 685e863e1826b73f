package io.eksnet.relate;

import io.eksnet.model.EksCluster;
import java.util.List;

/**
 * An EKS cluster whose Kubernetes service CIDR overlaps address space of its VPC: the VPC's CIDR
 * blocks and the subnets inside the overlap.
 */
public final class ServiceCidrOverlap {

  private final EksCluster cluster;
  private final List<String> overlapping;

  public ServiceCidrOverlap(EksCluster cluster, List<String> overlapping) {
    this.cluster = cluster;
    this.overlapping = List.copyOf(overlapping);
  }

  public EksCluster getCluster() {
    return cluster;
  }

  /** Descriptions of what overlaps: {@code VPC CIDR 10.0.0.0/16 (aws_vpc.main)}, subnets. */
  public List<String> getOverlapping() {
    return overlapping;
  }

  public String describeOverlapping() {
    return String.join(", ", overlapping);
  }
}
