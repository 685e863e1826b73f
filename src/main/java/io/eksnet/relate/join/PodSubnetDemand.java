package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Subnet;
import io.eksnet.relate.terraform.Capacity;
import io.eksnet.relate.terraform.CapacityTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A custom-networking pod subnet: the Terraform subnet an ENIConfig names, with the addresses that
 * the pods of the node groups whose nodes select that ENIConfig in the subnet's zone hold there at
 * desired and max size (full nodes at max pods, the pod ENIs' primary addresses and the warm pool
 * included, as {@link io.eksnet.aws.NodeIpUsage} counts them), all such node groups together. When
 * the subnet is also a node subnet, the node addresses its node groups hold there count too.
 *
 * <p>One per subnet with a known IPv4 CIDR that an ENIConfig of the scan names, when custom
 * networking is on and the scan tells which ENIConfig at least one node group's nodes select and
 * that node group's instance types and max size. Node groups whose choice, types or size the scan
 * cannot tell are not counted: the demand is then a lower bound.
 */
@PublicFact(
    "A custom-networking pod subnet (the subnet an ENIConfig names) with the addresses the pods of the node groups that select it hold there at desired and max size, all such node groups together.")
public record PodSubnetDemand(
    @FactField("The pod subnet.") Subnet subnet,
    @FactField("The ENIConfigs of the scan that name it and that nodes select.")
        List<EniConfig> eniConfigs,
    @FactField("Addresses AWS lets it give out: its size minus the 5 AWS reserves.") long usable,
    @FactField("Addresses held at the node groups' desired size (nodes full).")
        long demandAtDesired,
    @FactField("Addresses held at the node groups' max size (nodes full).") long demandAtMax,
    @FactField(
            "Of `demandAtMax`, the node addresses of node groups that also use it as a node subnet (0 for a subnet of pods only).")
        long nodeSubnetDemandAtMax,
    @FactField(
            "Addresses held at max size if prefix delegation were on for the cluster (node groups with types that cannot use it stay on secondary IPs).")
        long prefixDelegationDemandAtMax,
    @FactField("Each node group's part, per zone.") List<Share> shares,
    @FactField("The utilisation threshold in percent (`subnetUtilizationPercent`, default 80).")
        int thresholdPercent) {

  /** Prefix lengths AWS accepts for a subnet. */
  static final int LARGEST = 16;

  static final int SMALLEST = 28;

  public PodSubnetDemand {
    eniConfigs = List.copyOf(eniConfigs);
    shares = List.copyOf(shares);
  }

  /** One node group's pods in one zone. */
  @PublicFact("One node group's part of a custom-networking pod subnet: its nodes in one zone.")
  public record Share(
      @FactField("The node group.") NodeGroup nodeGroup,
      @FactField("The availability zone of the nodes.") String zone,
      @FactField("The ENIConfig they select.") String eniConfig,
      @FactField("How they select it, for messages.") String how,
      @FactField("The most nodes of the group in the zone at max size.") int nodesAtMax,
      @FactField("The same at desired size.") int nodesAtDesired,
      @FactField("Max pods of a node.") int maxPods,
      @FactField(
              "Addresses a full node holds in the pod subnet: its pod ENIs' primary addresses, the pods' addresses and the warm pool.")
          int addressesPerNode,
      @FactField("The addressing mode and where its settings come from, for messages.")
          String mode) {

    @FactField("Addresses the group's nodes in the zone hold at max size.")
    public long demandAtMax() {
      return (long) nodesAtMax * addressesPerNode;
    }

    /**
     * {@code node group workers (aws_eks_node_group.workers): 6 nodes in eu-west-1a at max_size 12,
     * 20 addresses each (20 pods; secondary IPs, ...)}, for messages.
     */
    public String describe() {
      return nodeGroup.describe()
          + ": "
          + nodesAtMax
          + (nodesAtMax == 1 ? " node in " : " nodes in ")
          + zone
          + " at "
          + nodeGroup.describeMaxSize()
          + ", "
          + addressesPerNode
          + " addresses each ("
          + maxPods
          + " max pods; "
          + mode
          + ")";
    }
  }

  /** Utilisation at max size in percent, rounded up. */
  @FactField("Utilisation at max size in percent, rounded up.")
  public int getUtilizationPercent() {
    return Capacity.utilizationPercent(demandAtMax, usable);
  }

  /** Utilisation at max size with prefix delegation on, in percent, rounded up. */
  @FactField("Utilisation at max size if prefix delegation were on, in percent, rounded up.")
  public int getPrefixDelegationUtilizationPercent() {
    return Capacity.utilizationPercent(prefixDelegationDemandAtMax, usable);
  }

  /**
   * The longest prefix (the smallest subnet) AWS accepts whose usable addresses hold {@code
   * demandAtMax} within the threshold; -1 when not even a /16 does.
   */
  @FactField(
      "The longest prefix length (smallest subnet, /16 to /28) whose usable addresses hold `demandAtMax` within the threshold; -1 when not even a /16 does.")
  public int getPrefixLengthWithinThreshold() {
    for (int p = SMALLEST; p >= LARGEST; p--) {
      if (Capacity.utilizationPercent(demandAtMax, usableOf(p)) <= thresholdPercent) {
        return p;
      }
    }
    return -1;
  }

  static long usableOf(int prefixLength) {
    return (1L << (32 - prefixLength)) - 5;
  }

  /** The {@code spec.subnet} line of the first ENIConfig. */
  public Location eniConfigLocation() {
    return eniConfigs.get(0).at("spec", "subnet");
  }

  /** {@code ENIConfig eu-west-1a} or {@code ENIConfigs a, b}, for messages. */
  public String describeEniConfigs() {
    return (eniConfigs.size() == 1 ? "ENIConfig " : "ENIConfigs ")
        + String.join(", ", eniConfigs.stream().map(EniConfig::getName).toList());
  }

  /** Every share, {@code ; }-separated, then the node addresses when there are any. */
  public String describeShares() {
    String s = String.join("; ", shares.stream().map(Share::describe).toList());
    if (nodeSubnetDemandAtMax > 0) {
      s += "; and " + nodeSubnetDemandAtMax + " node addresses, as it is also a node subnet";
    }
    return s;
  }

  /** The size that would hold the demand within the threshold, for messages. */
  public String describeSizeWithinThreshold() {
    int p = getPrefixLengthWithinThreshold();
    if (p < 0) {
      return "Not even a /16, the largest subnet AWS allows, holds that within the "
          + thresholdPercent
          + "% threshold: spread the node groups over more zones, each with a pod subnet of its own, or lower max_size.";
    }
    long u = usableOf(p);
    return "A /"
        + p
        + " pod subnet ("
        + u
        + " usable addresses) would hold it at "
        + Capacity.utilizationPercent(demandAtMax, u)
        + "%, within the "
        + thresholdPercent
        + "% threshold.";
  }

  /** The row of the {@code eksnet capacity} report. */
  public CapacityTable.PodSubnetRow row() {
    List<String> parts = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Share sh : shares) {
      parts.add(
          sh.nodeGroup().getAddress()
              + " ("
              + sh.zone()
              + "): "
              + sh.nodesAtMax()
              + " x "
              + sh.addressesPerNode());
      keys.add(sh.nodeGroup().getKey());
    }
    return new CapacityTable.PodSubnetRow(
        subnet.getFile(),
        subnet.getAddress(),
        subnet.getCidr().toString(),
        subnet.getAvailabilityZone(),
        eniConfigs.stream().map(EniConfig::getName).toList(),
        usable,
        demandAtDesired,
        demandAtMax,
        parts,
        List.copyOf(keys));
  }

  @Override
  public String toString() {
    return "PodSubnetDemand[" + subnet.getAddress() + " " + demandAtMax + "/" + usable + "]";
  }
}
