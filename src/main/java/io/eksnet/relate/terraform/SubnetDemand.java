package io.eksnet.relate.terraform;

import io.eksnet.model.Subnet;
import java.util.List;

/**
 * What all node groups of the scan need from one subnet at desired and max size, in the current
 * mode and with prefix delegation or custom networking. One per subnet with a known CIDR.
 */
public final class SubnetDemand {

  private final Subnet subnet;
  private final long usable;
  private final long freePrefixBlocks;
  private final long demandAtDesired;
  private final long demandAtMax;
  private final long prefixDelegationDemandAtMax;
  private final long customNetworkingDemandAtMax;
  private final List<String> nodeGroups;

  public SubnetDemand(
      Subnet subnet,
      long usable,
      long freePrefixBlocks,
      long demandAtDesired,
      long demandAtMax,
      long prefixDelegationDemandAtMax,
      long customNetworkingDemandAtMax,
      List<String> nodeGroups) {
    this.subnet = subnet;
    this.usable = usable;
    this.freePrefixBlocks = freePrefixBlocks;
    this.demandAtDesired = demandAtDesired;
    this.demandAtMax = demandAtMax;
    this.prefixDelegationDemandAtMax = prefixDelegationDemandAtMax;
    this.customNetworkingDemandAtMax = customNetworkingDemandAtMax;
    this.nodeGroups = List.copyOf(nodeGroups);
  }

  public Subnet getSubnet() {
    return subnet;
  }

  public long getUsable() {
    return usable;
  }

  /** Aligned /28 blocks free in a fresh subnet (minus explicit CIDR reservations). */
  public long getFreePrefixBlocks() {
    return freePrefixBlocks;
  }

  public long getDemandAtDesired() {
    return demandAtDesired;
  }

  public long getDemandAtMax() {
    return demandAtMax;
  }

  /** Demand at max size if prefix delegation were on (-1 when a node group cannot use it). */
  public long getPrefixDelegationDemandAtMax() {
    return prefixDelegationDemandAtMax;
  }

  /** Demand at max size in this subnet if custom networking moved the pods out (one IP a node). */
  public long getCustomNetworkingDemandAtMax() {
    return customNetworkingDemandAtMax;
  }

  /** Addresses of the node groups that use the subnet. */
  public List<String> getNodeGroups() {
    return nodeGroups;
  }

  public int getUtilizationPercent() {
    return Capacity.utilizationPercent(demandAtMax, usable);
  }
}
