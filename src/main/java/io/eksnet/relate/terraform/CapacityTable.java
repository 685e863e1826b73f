package io.eksnet.relate.terraform;

import io.eksnet.aws.InstanceType;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IP capacity of the scanned subnets and node groups as plain rows, for the {@code capacity}
 * report: usable addresses, demand at desired and max size in the current mode, what prefix
 * delegation or custom networking would change, and the pods' demand on custom-networking pod
 * subnets.
 *
 * @param subnets one row per subnet with a known IPv4 CIDR
 * @param nodeGroups one row per node group whose instance types and max size are known
 * @param podSubnets one row per custom-networking pod subnet (an ENIConfig's subnet) whose node
 *     groups are known
 * @param thresholdPercent the utilisation that warns ({@code subnetUtilizationPercent})
 */
public record CapacityTable(
    List<SubnetRow> subnets,
    List<NodeGroupRow> nodeGroups,
    List<PodSubnetRow> podSubnets,
    int thresholdPercent) {

  public CapacityTable {
    subnets = List.copyOf(subnets);
    nodeGroups = List.copyOf(nodeGroups);
    podSubnets = List.copyOf(podSubnets);
  }

  /**
   * A custom-networking pod subnet: what the pods of the nodes that select its ENIConfigs hold
   * there.
   *
   * @param file the plan or state file of the subnet
   * @param address the subnet's resource address
   * @param cidr the CIDR
   * @param availabilityZone the AZ, or null
   * @param eniConfigs the names of the ENIConfigs that name it
   * @param usable addresses AWS lets it give out (size minus 5)
   * @param demandAtDesired addresses at desired size, nodes full
   * @param demandAtMax the same at max size
   * @param nodeGroups each node group's part: {@code aws_eks_node_group.a (eu-west-1a): 6 x 20}
   * @param nodeGroupKeys the keys (file and address) of those node groups
   */
  public record PodSubnetRow(
      String file,
      String address,
      String cidr,
      String availabilityZone,
      List<String> eniConfigs,
      long usable,
      long demandAtDesired,
      long demandAtMax,
      List<String> nodeGroups,
      List<String> nodeGroupKeys) {

    public PodSubnetRow {
      eniConfigs = List.copyOf(eniConfigs);
      nodeGroups = List.copyOf(nodeGroups);
      nodeGroupKeys = List.copyOf(nodeGroupKeys);
    }

    /** Utilisation at max size in percent, rounded up. */
    public int utilizationPercent() {
      return Capacity.utilizationPercent(demandAtMax, usable);
    }
  }

  /**
   * A subnet.
   *
   * @param file the plan or state file
   * @param address the resource address
   * @param cidr the CIDR
   * @param availabilityZone the AZ, or null
   * @param usable addresses AWS lets it give out (size minus 5)
   * @param freePrefixBlocks aligned /28 blocks of a fresh subnet
   * @param demandAtDesired addresses all node groups hold at desired size, nodes full
   * @param demandAtMax the same at max size
   * @param prefixDelegationDemandAtMax at max size with prefix delegation; -1 when a node group
   *     cannot use it (a type is not Nitro)
   * @param customNetworkingDemandAtMax at max size with custom networking (one address a node)
   * @param nodeGroups the node groups in the subnet
   */
  public record SubnetRow(
      String file,
      String address,
      String cidr,
      String availabilityZone,
      long usable,
      long freePrefixBlocks,
      long demandAtDesired,
      long demandAtMax,
      long prefixDelegationDemandAtMax,
      long customNetworkingDemandAtMax,
      List<String> nodeGroups) {

    public SubnetRow {
      nodeGroups = List.copyOf(nodeGroups);
    }

    /** Utilisation at max size in percent, rounded up. */
    public int utilizationPercent() {
      return Capacity.utilizationPercent(demandAtMax, usable);
    }
  }

  /**
   * One addressing setup of a node group.
   *
   * @param maxPods max pods per node
   * @param ipsPerNode addresses a full node holds in its node subnet
   * @param demandAtMax addresses the group holds in its subnets at max size
   */
  public record Mode(String name, int maxPods, int ipsPerNode, long demandAtMax) {}

  /**
   * A node group.
   *
   * @param file the plan or state file
   * @param address the resource address
   * @param name {@code node_group_name}, or null
   * @param instanceTypes the instance types (the default when not set)
   * @param cniSource the vpc-cni add-on, or a note that the defaults apply
   * @param desired desired size
   * @param max max size
   * @param current the current mode: {@code secondary IPs, WARM_ENI_TARGET=1} and the like
   * @param demandAtDesired addresses at desired size, nodes full
   * @param subnetUsable usable addresses of its subnets; -1 when they are not all known
   * @param fullestPercent utilisation of its fullest subnet at max size (all node groups); -1 when
   *     unknown
   * @param prefixDelegation the numbers with prefix delegation; null when a type is not Nitro
   * @param customNetworking the numbers with custom networking (node subnet only)
   * @param subnets the addresses of its subnets in the scan
   * @param podSubnetPercent utilisation at max size of the fullest custom-networking pod subnet its
   *     nodes take pod addresses from (all node groups); -1 when none is known
   */
  public record NodeGroupRow(
      String file,
      String address,
      String name,
      List<String> instanceTypes,
      String cniSource,
      int desired,
      int max,
      Mode current,
      long demandAtDesired,
      long subnetUsable,
      int fullestPercent,
      Mode prefixDelegation,
      Mode customNetworking,
      List<String> subnets,
      int podSubnetPercent) {

    public NodeGroupRow {
      instanceTypes = List.copyOf(instanceTypes);
      subnets = List.copyOf(subnets);
    }

    /**
     * {@code over}, {@code warn} (above the threshold) or {@code ok}, its node subnets and pod
     * subnets together; {@code unknown} without subnets.
     */
    public String status(int thresholdPercent) {
      if (fullestPercent < 0 && subnetUsable < 0 && podSubnetPercent < 0) {
        return "unknown";
      }
      if (fullestPercent > 100
          || podSubnetPercent > 100
          || (subnetUsable >= 0 && current.demandAtMax() > subnetUsable)) {
        return "over";
      }
      return Math.max(fullestPercent, podSubnetPercent) > thresholdPercent ? "warn" : "ok";
    }
  }

  /**
   * The table of these relation facts (those of {@link TerraformRelations#compute}) and these pod
   * subnets.
   */
  public static CapacityTable of(
      List<?> relations, List<PodSubnetRow> podSubnets, int thresholdPercent) {
    List<SubnetRow> subnets = new ArrayList<>();
    List<NodeGroupRow> groups = new ArrayList<>();
    Map<String, Integer> podPercent = new HashMap<>();
    for (PodSubnetRow p : podSubnets) {
      for (String k : p.nodeGroupKeys()) {
        podPercent.merge(k, p.utilizationPercent(), Math::max);
      }
    }
    for (Object o : relations) {
      if (o instanceof SubnetDemand d) {
        Subnet s = d.getSubnet();
        subnets.add(
            new SubnetRow(
                s.getFile(),
                s.getAddress(),
                s.getCidr().toString(),
                s.getAvailabilityZone(),
                d.getUsable(),
                d.getFreePrefixBlocks(),
                d.getDemandAtDesired(),
                d.getDemandAtMax(),
                d.getPrefixDelegationDemandAtMax(),
                d.getCustomNetworkingDemandAtMax(),
                d.getNodeGroups()));
      } else if (o instanceof NodeGroupCapacity c) {
        groups.add(row(c, podPercent.getOrDefault(c.getNodeGroup().getKey(), -1)));
      }
    }
    return new CapacityTable(subnets, groups, podSubnets, thresholdPercent);
  }

  private static NodeGroupRow row(NodeGroupCapacity c, int podSubnetPercent) {
    NodeGroup g = c.getNodeGroup();
    int max = c.getMax();
    Capacity.PerNode cur = c.getCurrent();
    Mode current =
        new Mode(
            c.describeMode(), cur.maxPods(), cur.nodeSubnetIps(), (long) max * cur.nodeSubnetIps());
    Capacity.PerNode pd = c.getPrefixDelegation();
    Mode pdMode =
        pd == null
            ? null
            : new Mode(
                "prefix delegation",
                pd.maxPods(),
                pd.nodeSubnetIps(),
                (long) max * pd.nodeSubnetIps());
    Capacity.PerNode cn = c.getCustomNetworking();
    Mode cnMode =
        new Mode(
            "custom networking", cn.maxPods(), cn.nodeSubnetIps(), (long) max * cn.nodeSubnetIps());
    List<String> types = c.getTypes().stream().map(InstanceType::name).toList();
    return new NodeGroupRow(
        g.getFile(),
        g.getAddress(),
        g.getNodeGroupName(),
        types,
        c.describeCniSource(),
        c.getDesired(),
        max,
        current,
        c.getDemandAtDesired(),
        c.isSubnetsKnown() ? c.getTotalUsable() : -1,
        c.getFullest() == null ? -1 : c.getFullestUtilizationPercent(),
        pdMode,
        cnMode,
        c.getShares().stream().map(s -> s.subnet().getAddress()).toList(),
        podSubnetPercent);
  }
}
