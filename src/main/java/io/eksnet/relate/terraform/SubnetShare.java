package io.eksnet.relate.terraform;

import io.eksnet.model.Subnet;
import java.util.List;

/**
 * One node group's part of one subnet.
 *
 * @param subnet the subnet
 * @param usable addresses AWS lets the subnet give out (size minus 5); 0 when the CIDR is unknown
 * @param nodesAtMax the most nodes of the group the subnet may hold at max size
 * @param nodesAtDesired the same at desired size
 * @param demandAtMax addresses those nodes hold when full
 * @param totalDemandAtMax addresses all node groups in the scan hold in the subnet at max size
 * @param totalDemandAtDesired the same at desired size
 * @param others the other node groups in the subnet (addresses)
 */
public record SubnetShare(
    Subnet subnet,
    long usable,
    int nodesAtMax,
    int nodesAtDesired,
    long demandAtMax,
    long totalDemandAtMax,
    long totalDemandAtDesired,
    List<String> others,
    List<Subnet> cniTaggedBeside) {

  public SubnetShare {
    others = List.copyOf(others);
    cniTaggedBeside = List.copyOf(cniTaggedBeside);
  }

  /**
   * True when the VPC CNI's subnet discovery may put pod addresses of these nodes in other subnets
   * of the zone (tagged {@code kubernetes.io/role/cni}), so how full this subnet gets cannot be
   * told from the node count.
   */
  public boolean spreadByDiscovery() {
    return !cniTaggedBeside.isEmpty();
  }

  /** Utilisation at max size, all node groups together, in percent (rounded up). */
  public int utilizationPercent() {
    return Capacity.utilizationPercent(totalDemandAtMax, usable);
  }

  /** True when the CIDR is known. */
  public boolean known() {
    return subnet.getCidr() != null;
  }

  /** True when the subnet cannot hold the demand at max size. */
  public boolean over() {
    return known() && totalDemandAtMax > usable;
  }

  /** {@code aws_subnet.a (10.0.1.0/24, eu-west-1a): 7 nodes need 126 of 251 usable}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(subnet.describe()).append(": ");
    sb.append(nodesAtMax)
        .append(nodesAtMax == 1 ? " node needs " : " nodes need ")
        .append(demandAtMax);
    if (totalDemandAtMax != demandAtMax) {
      sb.append(" (")
          .append(totalDemandAtMax)
          .append(" with ")
          .append(String.join(", ", others))
          .append(')');
    }
    return sb.append(" of ").append(usable).append(" usable").toString();
  }
}
