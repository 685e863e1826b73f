package io.eksnet.relate.terraform;

import io.eksnet.aws.AddressingMode;
import io.eksnet.aws.CniSettings;
import io.eksnet.aws.InstanceType;
import io.eksnet.aws.MaxPods;
import io.eksnet.aws.MaxPodsCap;
import io.eksnet.aws.NodeIpUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of node group IP capacity: how many pods a node of the group runs, how many subnet
 * addresses it holds when full (its own and its ENIs' primary addresses, the pods' and the warm
 * pool's), and how a group's nodes spread over its subnets.
 */
public final class Capacity {

  private Capacity() {}

  /**
   * Per-node numbers of a node group in one addressing setup.
   *
   * @param maxPods max pods of the node (the smallest of the group's types, or the kubelet value
   *     set in the launch template)
   * @param maxPodsDetail the max-pods result of the type that gives the smallest value
   * @param mode the addressing mode in effect (secondary IPs on non-Nitro types even with prefix
   *     delegation enabled)
   * @param nodeSubnetIps addresses one full node holds in its node subnet (the most among the
   *     group's types)
   * @param podSubnetIps addresses one full node holds in the custom-networking pod subnet
   * @param prefixes /28 prefixes one full node holds (prefix mode)
   * @param enis ENIs one full node attaches
   */
  public record PerNode(
      int maxPods,
      MaxPods maxPodsDetail,
      AddressingMode mode,
      int nodeSubnetIps,
      int podSubnetIps,
      int prefixes,
      int enis) {}

  /**
   * Per-node numbers for the given types and CNI settings.
   *
   * @param configuredMaxPods the kubelet max pods set in the launch template, or null for the
   *     managed node group default (the ENI formula with the EKS 110/250 cap)
   */
  public static PerNode perNode(
      List<InstanceType> types, CniSettings cni, Integer configuredMaxPods) {
    MaxPods detail = MaxPods.forNodeGroup(types, cni, MaxPodsCap.EKS_RECOMMENDED);
    int maxPods = configuredMaxPods != null ? configuredMaxPods : detail.value();
    int node = 0;
    int pod = 0;
    int prefixes = 0;
    int enis = 0;
    AddressingMode mode = AddressingMode.SECONDARY_IP;
    for (InstanceType t : types) {
      NodeIpUsage u = NodeIpUsage.atMaxPods(t, cni, maxPods);
      if (u.nodeSubnetIps() + u.podSubnetIps() >= node + pod) {
        node = u.nodeSubnetIps();
        pod = u.podSubnetIps();
        prefixes = u.prefixes();
        enis = u.enis();
        mode = u.mode();
      }
    }
    return new PerNode(maxPods, detail, mode, node, pod, prefixes, enis);
  }

  /**
   * The most nodes each subnet may hold when {@code nodes} spread over the subnets: the Auto
   * Scaling group balances nodes over availability zones, so an AZ gets at most {@code ceil(nodes /
   * AZs)}, shared by the group's subnets in that AZ. A subnet of unknown AZ counts as an AZ of its
   * own.
   *
   * @param azs the AZ of each subnet (null when unknown), in subnet order
   * @return the node count of each subnet, in the same order
   */
  public static List<Integer> spread(int nodes, List<String> azs) {
    Map<String, Integer> perAz = new LinkedHashMap<>();
    for (int i = 0; i < azs.size(); i++) {
      perAz.merge(azKey(azs, i), 1, Integer::sum);
    }
    List<Integer> out = new ArrayList<>();
    if (azs.isEmpty()) {
      return out;
    }
    int inAz = ceilDiv(Math.max(0, nodes), perAz.size());
    for (int i = 0; i < azs.size(); i++) {
      out.add(ceilDiv(inAz, perAz.get(azKey(azs, i))));
    }
    return out;
  }

  /** Number of distinct AZs (a subnet of unknown AZ counts as its own). */
  public static int azCount(List<String> azs) {
    java.util.Set<String> s = new java.util.HashSet<>();
    for (int i = 0; i < azs.size(); i++) {
      s.add(azKey(azs, i));
    }
    return s.size();
  }

  private static String azKey(List<String> azs, int i) {
    return azs.get(i) == null ? "\u0000" + i : azs.get(i);
  }

  /** {@code ceil(100 * used / total)}; 0 when nothing is used, a large value for no capacity. */
  public static int utilizationPercent(long used, long total) {
    if (used <= 0) {
      return 0;
    }
    if (total <= 0) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, (100 * used + total - 1) / total);
  }

  static int ceilDiv(int a, int b) {
    return b <= 0 ? 0 : Math.floorDiv(a + b - 1, b);
  }
}
