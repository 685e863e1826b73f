package io.eksnet.relate.terraform;

import io.eksnet.aws.AddressingMode;
import io.eksnet.aws.CniSettings;
import io.eksnet.aws.InstanceType;
import io.eksnet.model.EksAddon;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import io.eksnet.model.Workload;
import java.util.List;

/**
 * What a node group needs from its subnets at desired and max size in the current addressing mode,
 * and what prefix delegation or custom networking would change. One per node group whose instance
 * types and max size are known; the subnet numbers only when its subnets are.
 */
public final class NodeGroupCapacity {

  private final NodeGroup nodeGroup;
  private final List<InstanceType> types;
  private final boolean defaultType;
  private final CniSettings cni;
  private final EksAddon addon;
  private final LaunchTemplate launchTemplate;
  private final Capacity.PerNode current;
  private final Capacity.PerNode prefixDelegation;
  private final Capacity.PerNode customNetworking;
  private final int desired;
  private final int max;
  private final List<SubnetShare> shares;
  private final boolean subnetsKnown;
  private final int thresholdPercent;
  private final int podMemoryMib;
  private final Workload awsNode;

  public NodeGroupCapacity(
      NodeGroup nodeGroup,
      List<InstanceType> types,
      boolean defaultType,
      CniSettings cni,
      EksAddon addon,
      LaunchTemplate launchTemplate,
      Capacity.PerNode current,
      Capacity.PerNode prefixDelegation,
      Capacity.PerNode customNetworking,
      int desired,
      int max,
      List<SubnetShare> shares,
      boolean subnetsKnown,
      int thresholdPercent,
      int podMemoryMib,
      Workload awsNode) {
    this.nodeGroup = nodeGroup;
    this.types = List.copyOf(types);
    this.defaultType = defaultType;
    this.cni = cni;
    this.addon = addon;
    this.launchTemplate = launchTemplate;
    this.current = current;
    this.prefixDelegation = prefixDelegation;
    this.customNetworking = customNetworking;
    this.desired = desired;
    this.max = max;
    this.shares = List.copyOf(shares);
    this.subnetsKnown = subnetsKnown;
    this.thresholdPercent = thresholdPercent;
    this.podMemoryMib = podMemoryMib;
    this.awsNode = awsNode;
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  /** True when one of the node group's instance types is an accelerated (GPU, ML, FPGA) one. */
  public boolean isAccelerated() {
    return types.stream().anyMatch(InstanceType::isAccelerated);
  }

  public List<InstanceType> getTypes() {
    return types;
  }

  public CniSettings getCni() {
    return cni;
  }

  /** The vpc-cni add-on of the cluster, or null (then the EKS defaults apply). */
  public EksAddon getAddon() {
    return addon;
  }

  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  public Capacity.PerNode getCurrent() {
    return current;
  }

  /** The numbers with prefix delegation on; null when a type is not Nitro. */
  public Capacity.PerNode getPrefixDelegation() {
    return prefixDelegation;
  }

  /** The numbers with custom networking on. */
  public Capacity.PerNode getCustomNetworking() {
    return customNetworking;
  }

  public int getDesired() {
    return desired;
  }

  public int getMax() {
    return max;
  }

  public List<SubnetShare> getShares() {
    return shares;
  }

  /** True when every subnet of the group is in the scan with a known CIDR. */
  public boolean isSubnetsKnown() {
    return subnetsKnown;
  }

  // ---- totals ----

  /** Usable addresses of the group's subnets together. */
  public long getTotalUsable() {
    return shares.stream().mapToLong(SubnetShare::usable).sum();
  }

  /** Addresses the group's full nodes hold at max size. */
  public long getDemandAtMax() {
    return (long) max * current.nodeSubnetIps();
  }

  public long getDemandAtDesired() {
    return (long) desired * current.nodeSubnetIps();
  }

  /**
   * The subnet filled most (all node groups together) at max size, of those whose use the node
   * count tells (see {@link SubnetShare#spreadByDiscovery()}); null without such subnets.
   */
  public SubnetShare getFullest() {
    SubnetShare best = null;
    for (SubnetShare s : shares) {
      if (s.known()
          && !s.spreadByDiscovery()
          && (best == null || s.utilizationPercent() > best.utilizationPercent())) {
        best = s;
      }
    }
    return best;
  }

  /** Utilisation of the fullest subnet at max size, in percent; 0 when unknown. */
  public int getFullestUtilizationPercent() {
    SubnetShare f = getFullest();
    return f == null ? 0 : f.utilizationPercent();
  }

  /**
   * True when, at max size, a subnet of the group cannot hold the addresses it must give (this
   * group's nodes and pods there, with every other node group in that subnet).
   */
  public boolean isSubnetOverfull() {
    return shares.stream().anyMatch(s -> s.over() && !s.spreadByDiscovery());
  }

  public int getThresholdPercent() {
    return thresholdPercent;
  }

  // ---- prefix delegation and custom networking ----

  public boolean isPrefixDelegationEnabled() {
    return cni.prefixDelegation();
  }

  public boolean isCustomNetworkingEnabled() {
    return cni.customNetworking();
  }

  /** Types that cannot use prefix delegation (not Nitro, not bare metal). */
  public List<String> getNonNitroTypes() {
    return types.stream()
        .filter(t -> !t.prefixDelegationSupported())
        .map(InstanceType::name)
        .toList();
  }

  public boolean hasNonNitroTypes() {
    return types.stream().anyMatch(t -> !t.prefixDelegationSupported());
  }

  /**
   * True when the ENIs' IP slots, not the EKS cap, limit pods per node, and prefix delegation would
   * allow more: secondary-IP mode, no max pods set by hand, all types Nitro.
   */
  public boolean isEniCapped() {
    return current.mode() == AddressingMode.SECONDARY_IP
        && !cni.prefixDelegation()
        && launchTemplateMaxPods() == null
        && prefixDelegation != null
        && !current.maxPodsDetail().isCapped()
        && prefixDelegation.maxPods() > current.maxPods();
  }

  /** Utilisation of the fullest subnet at max size with prefix delegation on; -1 when unknown. */
  public int getPrefixDelegationFullestPercent() {
    if (prefixDelegation == null || getFullest() == null) {
      return -1;
    }
    int worst = 0;
    for (SubnetShare s : shares) {
      if (!s.known()) {
        continue;
      }
      long others = s.totalDemandAtMax() - s.demandAtMax();
      long pd = others + (long) s.nodesAtMax() * prefixDelegation.nodeSubnetIps();
      worst = Math.max(worst, Capacity.utilizationPercent(pd, s.usable()));
    }
    return worst;
  }

  /**
   * Advise prefix delegation: ENI-capped pods, the subnets hold the prefixes (or are unknown), and
   * the memory left for pods pays for the larger max pods ({@link #isPrefixDelegationPaying}).
   */
  public boolean isPrefixDelegationAdvised() {
    return isEniCapped()
        && getPrefixDelegationFullestPercent() <= thresholdPercent
        && isPrefixDelegationPaying();
  }

  /**
   * Memory the EKS AMIs keep from pods on a node with this max pods: kube-reserved {@code 255 MiB +
   * 11 MiB x max pods} (nodeadm {@code getMemoryMebibytesToReserve}, as bootstrap.sh before it) and
   * the kubelet's hard eviction threshold of 100 MiB.
   */
  static long reservedMib(int maxPods) {
    return 255L + 11L * maxPods + 100L;
  }

  /**
   * Pods a node of this memory can hold when each takes {@code podMemoryMib}: the memory left after
   * {@link #reservedMib}, capped by max pods; never below 0.
   */
  static int usablePods(int memoryMib, int maxPods, int podMemoryMib) {
    long left = memoryMib - reservedMib(maxPods);
    return (int) Math.max(0, Math.min(maxPods, left / podMemoryMib));
  }

  /** The smallest memory among the group's types; null when one is unknown. */
  public Integer getSmallestMemoryMib() {
    Integer min = null;
    for (InstanceType t : types) {
      if (t.memoryMib() == null) {
        return null;
      }
      min = min == null ? t.memoryMib() : Math.min(min, t.memoryMib());
    }
    return min;
  }

  /**
   * True when prefix delegation lets the smallest node of the group hold more pods of {@code
   * prefixDelegationPodMemoryMib} each than today: the kubelet reserves 11 MiB for every pod of the
   * larger max pods, so on small nodes (2 GiB) it leaves less room for work than the ENI cap did.
   * False when a type's memory is unknown.
   */
  public boolean isPrefixDelegationPaying() {
    Integer m = getSmallestMemoryMib();
    return m != null
        && prefixDelegation != null
        && usablePods(m, prefixDelegation.maxPods(), podMemoryMib)
            > usablePods(m, current.maxPods(), podMemoryMib);
  }

  /**
   * {@code the kubelet then keeps 1565 MiB of the smallest node's 4096 MiB (...), which leaves room
   * for 39 pods of 64 MiB against 17 today}, for messages.
   */
  public String describePrefixDelegationMemory() {
    Integer m = getSmallestMemoryMib();
    if (m == null || prefixDelegation == null) {
      return "";
    }
    int pd = prefixDelegation.maxPods();
    return "the kubelet then keeps "
        + reservedMib(pd)
        + " MiB of the smallest node's "
        + m
        + " MiB (255 + 11 per pod, plus 100 for eviction), which leaves room for "
        + usablePods(m, pd, podMemoryMib)
        + " pods of "
        + podMemoryMib
        + " MiB against "
        + usablePods(m, current.maxPods(), podMemoryMib)
        + " today";
  }

  /**
   * Other subnets of the Terraform tagged {@code kubernetes.io/role/cni} in the VPC and zone of one
   * of its subnets. With the VPC CNI's subnet discovery (on by default from version 1.18, off with
   * {@code ENABLE_SUBNET_DISCOVERY=false}) secondary ENIs, and so pod addresses, may go to them,
   * whichever has the most free addresses; custom networking takes precedence over it (then the
   * list is empty).
   */
  public List<Subnet> getCniTaggedSubnetsBeside() {
    return shares.stream().flatMap(s -> s.cniTaggedBeside().stream()).distinct().toList();
  }

  /**
   * Advise custom networking: the subnets are the limit (over the threshold now, or with prefix
   * delegation where pods are ENI-capped) and it is not on yet.
   */
  public boolean isCustomNetworkingAdvised() {
    if (cni.customNetworking() || getFullest() == null) {
      return false;
    }
    return getFullestUtilizationPercent() > thresholdPercent
        || (isEniCapped() && getPrefixDelegationFullestPercent() > thresholdPercent);
  }

  /** Max pods set in the launch template's user data, or null. */
  public Integer launchTemplateMaxPods() {
    return launchTemplate == null ? null : launchTemplate.getMaxPods();
  }

  // ---- text for messages ----

  /** {@code m5.large} or {@code t3.medium (the default)} or {@code m5.large, c5.large}. */
  public String describeTypes() {
    String s = String.join(", ", types.stream().map(InstanceType::name).toList());
    return defaultType ? s + " (the default instance type)" : s;
  }

  /** {@code secondary IPs, WARM_ENI_TARGET=1} and the like. */
  public String describeMode() {
    return describeMode(current.mode(), cni);
  }

  static String describeMode(AddressingMode mode, CniSettings cni) {
    StringBuilder sb =
        new StringBuilder(
            mode == AddressingMode.PREFIX_DELEGATION ? "/28 prefixes" : "secondary IPs");
    if (cni.usesIpTargets()) {
      if (cni.warmIpTarget() > 0) {
        sb.append(", WARM_IP_TARGET=").append(cni.warmIpTarget());
      }
      if (cni.minimumIpTarget() > 0) {
        sb.append(", MINIMUM_IP_TARGET=").append(cni.minimumIpTarget());
      }
    } else if (mode == AddressingMode.PREFIX_DELEGATION) {
      sb.append(", WARM_PREFIX_TARGET=").append(cni.warmPrefixTarget());
    } else {
      sb.append(", WARM_ENI_TARGET=").append(cni.warmEniTarget());
    }
    if (cni.customNetworking()) {
      sb.append(", custom networking");
    }
    return sb.toString();
  }

  /** Where the CNI settings come from. */
  public String describeCniSource() {
    if (awsNode != null) {
      return addon == null
          ? awsNode.getDisplayName()
          : addon.getAddress() + " and " + awsNode.getDisplayName();
    }
    return addon == null
        ? "the default VPC CNI settings (no vpc-cni add-on in the scan)"
        : addon.getAddress();
  }

  /** The mode and where its settings come from, for messages. */
  public String describeModeAndSource() {
    if (awsNode != null) {
      return describeMode() + " (" + describeCniSource() + ")";
    }
    return describeMode()
        + (addon == null
            ? " (EKS defaults: no vpc-cni add-on in the scan)"
            : " (" + addon.getAddress() + ")");
  }

  /** The subnets that cannot hold their nodes, or the total shortfall. */
  public String describeShortage() {
    List<String> over =
        shares.stream()
            .filter(s -> s.over() && !s.spreadByDiscovery())
            .map(SubnetShare::describe)
            .toList();
    if (!over.isEmpty()) {
      return String.join("; ", over);
    }
    return "its "
        + shares.size()
        + " subnets have "
        + getTotalUsable()
        + " usable addresses in total";
  }

  /** {@code 10.0.1.0/24 and 10.0.2.0/24 (/24)}: the prefix lengths of the group's subnets. */
  public String describeSubnets() {
    return String.join(", ", shares.stream().map(s -> s.subnet().describe()).toList());
  }

  @Override
  public String toString() {
    return "NodeGroupCapacity["
        + nodeGroup.getAddress()
        + " max="
        + max
        + " perNode="
        + current.nodeSubnetIps()
        + " fullest="
        + getFullestUtilizationPercent()
        + "%]";
  }
}
