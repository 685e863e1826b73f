package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import io.eksnet.relate.RelationProvider;
import io.eksnet.relate.terraform.NodeGroupCapacity;
import io.eksnet.relate.terraform.SubnetDemand;
import io.eksnet.relate.terraform.SubnetShare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom networking capacity ({@link PodSubnetDemand}: EKS-IP-016, EKS-IP-017, the pod subnets of
 * {@code eksnet capacity}): each node group's nodes per zone at desired and max size ({@link
 * NodeGroupCapacity}), the ENIConfig they select there ({@link NodeGroupEniConfigs}), and the
 * subnet that ENIConfig names, summed per subnet over the node groups.
 */
final class PodSubnetRelations {

  /** The provider; it runs after the Terraform relations and the join. */
  static final RelationProvider PROVIDER =
      RelationProvider.of(
          "pod-subnets",
          Set.of(
              NodeGroupCapacity.class,
              SubnetDemand.class,
              NodeGroupEniConfigs.class,
              EniConfig.class,
              Subnet.class),
          Set.of(PodSubnetDemand.class),
          (in, out) ->
              out.addAll(
                  compute(
                      in.all(NodeGroupCapacity.class),
                      in.all(NodeGroupEniConfigs.class),
                      in.all(EniConfig.class),
                      in.all(Subnet.class),
                      in.all(SubnetDemand.class))));

  private PodSubnetRelations() {}

  /** A pod subnet being summed. */
  private static final class Sum {
    final Subnet subnet;
    final Set<EniConfig> eniConfigs = new LinkedHashSet<>();
    final Map<String, long[]> shares = new LinkedHashMap<>(); // group + zone -> max, desired
    final Map<String, PodSubnetDemand.Share> first = new HashMap<>();
    long atMax;
    long atDesired;
    long atMaxWithPrefixDelegation;

    Sum(Subnet subnet) {
      this.subnet = subnet;
    }
  }

  static List<PodSubnetDemand> compute(
      List<NodeGroupCapacity> capacities,
      List<NodeGroupEniConfigs> choices,
      List<EniConfig> eniConfigs,
      List<Subnet> subnets,
      List<SubnetDemand> nodeDemand) {
    List<PodSubnetDemand> out = new ArrayList<>();
    if (choices.isEmpty() || eniConfigs.isEmpty() || capacities.isEmpty()) {
      return out;
    }
    Map<String, EniConfig> byName = new HashMap<>();
    for (EniConfig e : eniConfigs) {
      byName.putIfAbsent(e.getName(), e);
    }
    Map<String, Subnet> byId = new HashMap<>();
    for (Subnet s : subnets) {
      if (s.getId() != null && !s.getId().isEmpty()) {
        byId.putIfAbsent(s.getId(), s);
      }
    }
    Map<NodeGroup, NodeGroupCapacity> capacityOf = new IdentityHashMap<>();
    for (NodeGroupCapacity c : capacities) {
      capacityOf.put(c.getNodeGroup(), c);
    }
    int threshold = capacities.get(0).getThresholdPercent();
    Map<String, Sum> sums = new LinkedHashMap<>();
    for (NodeGroupEniConfigs c : choices) {
      NodeGroupCapacity cap = capacityOf.get(c.getNodeGroup());
      if (cap == null || !cap.isCustomNetworkingEnabled() || cap.getCurrent().podSubnetIps() <= 0) {
        continue; // types or size unknown, or the capacity view of the CNI differs
      }
      Map<String, NodeGroupEniConfigs.Choice> byZone = new HashMap<>();
      for (NodeGroupEniConfigs.Choice x : c.getChoices()) {
        byZone.putIfAbsent(x.zone(), x);
      }
      int perNode = cap.getCurrent().podSubnetIps();
      // with prefix delegation on, types that cannot use it stay on secondary IPs
      int perNodePd =
          cap.getPrefixDelegation() == null ? perNode : cap.getPrefixDelegation().podSubnetIps();
      for (SubnetShare share : cap.getShares()) {
        String zone = share.subnet().getAvailabilityZone();
        NodeGroupEniConfigs.Choice choice = zone == null ? null : byZone.get(zone);
        EniConfig e = choice == null ? null : byName.get(choice.name());
        Subnet pod = e == null || e.getSubnet() == null ? null : byId.get(e.getSubnet().trim());
        if (pod == null
            || pod.getCidr() == null
            || !pod.getCidr().network().isIpv4()
            || !zone.equals(pod.getAvailabilityZone())) {
          // the ENIConfig or its subnet is not in the scan, its zone is unknown, or (EKS-IP-010)
          // the subnet is in another zone, where no ENI of these nodes can go
          continue;
        }
        Sum sum = sums.computeIfAbsent(pod.getKey(), k -> new Sum(pod));
        sum.eniConfigs.add(e);
        String key = c.getNodeGroup().getKey() + "\u0000" + zone;
        long[] n = sum.shares.computeIfAbsent(key, k -> new long[2]);
        n[0] += share.nodesAtMax();
        n[1] += share.nodesAtDesired();
        sum.first.putIfAbsent(
            key,
            new PodSubnetDemand.Share(
                c.getNodeGroup(),
                zone,
                choice.name(),
                choice.how(),
                0,
                0,
                cap.getCurrent().maxPods(),
                perNode,
                cap.describeModeAndSource()));
        sum.atMax += (long) share.nodesAtMax() * perNode;
        sum.atDesired += (long) share.nodesAtDesired() * perNode;
        sum.atMaxWithPrefixDelegation += (long) share.nodesAtMax() * perNodePd;
      }
    }
    Map<String, SubnetDemand> nodes = new HashMap<>();
    for (SubnetDemand d : nodeDemand) {
      nodes.put(d.getSubnet().getKey(), d);
    }
    for (Sum sum : sums.values()) {
      List<PodSubnetDemand.Share> shares = new ArrayList<>();
      for (Map.Entry<String, long[]> en : sum.shares.entrySet()) {
        PodSubnetDemand.Share f = sum.first.get(en.getKey());
        shares.add(
            new PodSubnetDemand.Share(
                f.nodeGroup(),
                f.zone(),
                f.eniConfig(),
                f.how(),
                (int) en.getValue()[0],
                (int) en.getValue()[1],
                f.maxPods(),
                f.addressesPerNode(),
                f.mode()));
      }
      SubnetDemand d = nodes.get(sum.subnet.getKey());
      long nodeAtMax = d == null ? 0 : d.getDemandAtMax();
      long nodeAtDesired = d == null ? 0 : d.getDemandAtDesired();
      long nodeAtMaxPd =
          d == null ? 0 : Math.max(d.getDemandAtMax(), d.getPrefixDelegationDemandAtMax());
      out.add(
          new PodSubnetDemand(
              sum.subnet,
              new ArrayList<>(sum.eniConfigs),
              sum.subnet.getCidr().usableAddresses(),
              sum.atDesired + nodeAtDesired,
              sum.atMax + nodeAtMax,
              nodeAtMax,
              sum.atMaxWithPrefixDelegation + nodeAtMaxPd,
              shares,
              threshold));
    }
    return out;
  }
}
