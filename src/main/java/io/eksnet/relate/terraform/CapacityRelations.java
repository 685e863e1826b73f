package io.eksnet.relate.terraform;

import io.eksnet.aws.AddressingMode;
import io.eksnet.aws.CniSettings;
import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.aws.MaxPods;
import io.eksnet.aws.MaxPodsCap;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.NodePoolNodes;
import io.eksnet.model.Subnet;
import io.eksnet.model.SubnetCidrReservation;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.net.CidrSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IP capacity: each node group's addresses per node (instance types, vpc-cni settings, launch
 * template max pods) spread over its subnets, against the subnets' sizes and what every node group
 * in a subnet holds ({@link NodeGroupCapacity}: EKS-IP-001 to EKS-IP-004; {@link SubnetDemand}: the
 * {@code eksnet capacity} table), the /28 prefix blocks prefix delegation needs ({@link
 * SubnetPrefixBlocks}: EKS-IP-005), and a launch template's or managed node group's max pods and
 * what the ENIs hold ({@link NodeMaxPods}: EKS-IP-007). Node groups of IPv6 clusters and with
 * instance types that cannot be told are left out.
 */
final class CapacityRelations {

  /** A node group with the numbers needed before subnet totals are known. */
  private record Plan(
      NodeGroup group,
      List<InstanceType> types,
      boolean defaultType,
      CniSettings cni,
      EksAddon addon,
      Workload awsNode,
      LaunchTemplate lt,
      Capacity.PerNode current,
      Capacity.PerNode pd,
      Capacity.PerNode cn,
      int desired,
      int max,
      List<Subnet> subnets,
      List<Integer> nodesAtMax,
      List<Integer> nodesAtDesired,
      boolean subnetsKnown) {}

  private CapacityRelations() {}

  /** The tag that opts a subnet into the VPC CNI's subnet discovery. */
  static final String CNI_SUBNET_TAG = "kubernetes.io/role/cni";

  /**
   * Subnets tagged for the VPC CNI's subnet discovery ({@code kubernetes.io/role/cni}, any value
   * but {@code 0}), by VPC key and zone ({@code vpcKey + " " + zone}): built once per computation.
   */
  private static Map<String, List<Subnet>> cniTaggedByPlace(TerraformIndex t) {
    Map<String, List<Subnet>> out = new HashMap<>();
    for (Subnet s : t.subnets) {
      String tag = s.getTags().get(CNI_SUBNET_TAG);
      String place = place(s);
      if (tag != null && !tag.trim().equals("0") && place != null) {
        out.computeIfAbsent(place, k -> new ArrayList<>()).add(s);
      }
    }
    return out;
  }

  /** {@code vpcKey + " " + zone}, or null when either is unknown. */
  private static String place(Subnet s) {
    return s.getVpcAddress() == null || s.getAvailabilityZone() == null
        ? null
        : TerraformResource.key(s.getFile(), s.getVpcAddress()) + " " + s.getAvailabilityZone();
  }

  /** The tagged subnets in the VPC and zone of {@code subnet}, other than the group's own. */
  private static List<Subnet> cniTaggedBeside(
      Map<String, List<Subnet>> tagged, List<Subnet> own, Subnet subnet) {
    String place = place(subnet);
    List<Subnet> there = place == null ? List.of() : tagged.getOrDefault(place, List.of());
    return there.stream()
        .filter(s -> own.stream().noneMatch(o -> o.getKey().equals(s.getKey())))
        .toList();
  }

  static void compute(TerraformIndex t, List<?> facts, List<Object> out) {
    List<Plan> plans = new ArrayList<>();
    Workload awsNode = awsNodeOfOneCluster(t, facts);
    for (NodeGroup g : t.nodeGroups) {
      Plan p = plan(t, g, awsNode);
      if (p == null) {
        continue;
      }
      plans.add(p);
      maxPods(p, out);
    }
    Map<String, List<Subnet>> tagged = cniTaggedByPlace(t);
    // what every node group holds in every subnet
    Map<String, long[]> demand = new LinkedHashMap<>(); // desired, max, pd max, cn max
    Map<String, List<String>> groupsIn = new HashMap<>();
    for (Plan p : plans) {
      for (int i = 0; i < p.subnets.size(); i++) {
        String k = p.subnets.get(i).getKey();
        long[] d = demand.computeIfAbsent(k, x -> new long[4]);
        d[0] += (long) p.nodesAtDesired.get(i) * p.current.nodeSubnetIps();
        d[1] += (long) p.nodesAtMax.get(i) * p.current.nodeSubnetIps();
        d[2] =
            d[2] < 0 || p.pd == null
                ? -1
                : d[2] + (long) p.nodesAtMax.get(i) * p.pd.nodeSubnetIps();
        d[3] += (long) p.nodesAtMax.get(i) * p.cn.nodeSubnetIps();
        groupsIn.computeIfAbsent(k, x -> new ArrayList<>()).add(p.group.getAddress());
      }
    }
    for (Plan p : plans) {
      List<SubnetShare> shares = new ArrayList<>();
      for (int i = 0; i < p.subnets.size(); i++) {
        Subnet s = p.subnets.get(i);
        long[] d = demand.get(s.getKey());
        List<String> others = new ArrayList<>(groupsIn.get(s.getKey()));
        others.remove(p.group.getAddress());
        shares.add(
            new SubnetShare(
                s,
                s.getCidr() == null ? 0 : s.getCidr().usableAddresses(),
                p.nodesAtMax.get(i),
                p.nodesAtDesired.get(i),
                (long) p.nodesAtMax.get(i) * p.current.nodeSubnetIps(),
                d[1],
                d[0],
                others,
                p.cni.customNetworking() || !p.cni.subnetDiscovery()
                    ? List.of()
                    : cniTaggedBeside(tagged, p.subnets, s)));
      }
      out.add(
          new NodeGroupCapacity(
              p.group,
              p.types,
              p.defaultType,
              p.cni,
              p.addon,
              p.lt,
              p.current,
              p.pd,
              p.cn,
              p.desired,
              p.max,
              shares,
              p.subnetsKnown,
              t.threshold,
              t.podMemoryMib,
              p.awsNode));
    }
    Map<String, List<Cidr>> explicitReservations = new HashMap<>();
    Set<String> prefixReserved = new HashSet<>();
    for (Object f : facts) {
      if (f instanceof SubnetCidrReservation r
          && r.getSubnet().single() != null
          && r.getCidr() != null) {
        String k = TerraformResource.key(r.getFile(), r.getSubnet().single());
        if (r.isPrefix()) {
          prefixReserved.add(k);
        } else {
          explicitReservations.computeIfAbsent(k, x -> new ArrayList<>()).add(r.getCidr());
        }
      }
    }
    for (Subnet s : t.subnets) {
      if (s.getCidr() == null || !s.getCidr().network().isIpv4()) {
        continue;
      }
      long[] d = demand.getOrDefault(s.getKey(), new long[4]);
      long free =
          s.getCidr()
              .freePrefixBlocks(
                  CidrSet.of(explicitReservations.getOrDefault(s.getKey(), List.of())));
      out.add(
          new SubnetDemand(
              s,
              s.getCidr().usableAddresses(),
              free,
              d[0],
              d[1],
              d[2],
              d[3],
              groupsIn.getOrDefault(s.getKey(), List.of())));
    }
    prefixBlocks(plans, explicitReservations, prefixReserved, out);
  }

  /**
   * The aws-node DaemonSet (kube-system) of the scan, when the Terraform describes at most one
   * cluster, so that its env is that cluster's VPC CNI configuration; null otherwise.
   */
  private static Workload awsNodeOfOneCluster(TerraformIndex t, List<?> facts) {
    Set<String> names = new HashSet<>(t.clustersByName.keySet());
    t.nodeGroups.stream().map(NodeGroup::getClusterName).filter(n -> n != null).forEach(names::add);
    names.remove(null);
    if (names.size() > 1) {
      return null;
    }
    for (Object f : facts) {
      if (f instanceof Workload w && w.isAwsNode()) {
        return w;
      }
    }
    return null;
  }

  private static Plan plan(TerraformIndex t, NodeGroup g, Workload awsNode) {
    Integer max = g.getMaxSize();
    if (max == null || max < 0) {
      return null;
    }
    if (g instanceof NodePoolNodes && !g.isInstanceTypesKnown()) {
      return null; // a Karpenter NodePool whose instance types are open-ended
    }
    if (g.getAmiType() != null && g.getAmiType().startsWith("WINDOWS_")) {
      // Windows nodes give pods the secondary IPs of one ENI, and their prefix delegation is a
      // setting of the amazon-vpc-cni ConfigMap: the Linux arithmetic does not apply
      return null;
    }
    EksCluster cluster = t.cluster(g, g.getClusterName());
    if (cluster != null && cluster.isIpv6()) {
      return null; // IPv6 pods take /80 prefixes: no shortage of addresses
    }
    LaunchTemplate lt = t.get(g, g.getLaunchTemplate().single(), LaunchTemplate.class);
    List<String> names = g.getCapacityInstanceTypes();
    boolean defaultType = false;
    if (names.isEmpty()) {
      if (lt != null && lt.getInstanceType() != null) {
        names = List.of(lt.getInstanceType());
      } else if (g.hasLaunchTemplate() && lt == null) {
        return null; // the type may come from a launch template outside the scan
      } else {
        names = List.of(NodeGroup.DEFAULT_INSTANCE_TYPE);
        defaultType = true;
      }
    }
    List<InstanceType> types = new ArrayList<>();
    for (String n : names) {
      Optional<InstanceType> it = InstanceTypes.builtIn().find(n);
      if (it.isEmpty()) {
        return null;
      }
      types.add(it.get());
    }
    EksAddon addon = t.addon(g, g.getClusterName());
    // one view of the VPC CNI: the add-on's configuration_values and the aws-node DaemonSet's env,
    // with the precedence of CniConfig (a DaemonSet can turn prefix delegation on by itself)
    CniSettings cni =
        awsNode != null
            ? new CniConfig(addon, awsNode).cniSettings()
            : addon == null ? CniSettings.eksDefaults() : addon.cniSettings();
    Integer configured = lt == null ? g.getKubeletMaxPods() : lt.getMaxPods();
    boolean karpenterDefault = configured == null && g instanceof NodePoolNodes;
    if (karpenterDefault) {
      // Karpenter sets max pods from the ENI limits (secondary IPs on every ENI) whatever the VPC
      // CNI's mode, unless the kubelet settings say otherwise
      configured = MaxPods.forNodeGroup(types, CniSettings.eksDefaults(), MaxPodsCap.NONE).value();
    }
    Capacity.PerNode current = Capacity.perNode(types, cni, configured);
    boolean pdOk = types.stream().allMatch(InstanceType::prefixDelegationSupported);
    Capacity.PerNode pd =
        pdOk ? Capacity.perNode(types, cni.withPrefixDelegation(true), configured) : null;
    // with custom networking the max pods to set is the ENIs' without the primary one (Karpenter's
    // own default would still count it)
    Capacity.PerNode cn =
        Capacity.perNode(
            types, cni.withCustomNetworking(true), karpenterDefault ? null : configured);
    int desired =
        g.getDesiredSize() != null
            ? g.getDesiredSize()
            : g.getMinSize() != null ? g.getMinSize() : max;
    List<Subnet> subs = t.subnetsOf(g);
    if (g.getSubnets().unresolved()) {
      subs = List.of(); // how many subnets share the nodes is unknown
    }
    // subnets outside the scan still take their share of the nodes (each as an AZ of its own)
    List<String> azs = new ArrayList<>(subs.stream().map(Subnet::getAvailabilityZone).toList());
    for (int i = 0; i < g.getSubnets().external().size(); i++) {
      azs.add(null);
    }
    boolean known =
        !subs.isEmpty()
            && g.getSubnets().complete()
            && subs.size() == g.getSubnets().addresses().size()
            && subs.stream().allMatch(s -> s.getCidr() != null);
    int n = subs.size();
    return new Plan(
        g,
        types,
        defaultType,
        cni,
        addon,
        awsNode,
        lt,
        current,
        pd,
        cn,
        Math.min(desired, max),
        max,
        subs,
        Capacity.spread(max, azs).subList(0, n),
        Capacity.spread(Math.min(desired, max), azs).subList(0, n),
        known);
  }

  private static void maxPods(Plan p, List<Object> out) {
    // every type a Karpenter NodePool allows may be launched with its max pods, not only the one
    // its address demand is counted with: judge them all (the limiting one is named)
    List<InstanceType> judged = p.types;
    if (p.group instanceof NodePoolNodes np && np.isInstanceTypesKnown()) {
      List<InstanceType> all = new ArrayList<>();
      for (String n : np.getInstanceTypes()) {
        InstanceTypes.builtIn().find(n).ifPresent(all::add);
      }
      if (all.size() == np.getInstanceTypes().size() && !all.isEmpty()) {
        judged = all;
      }
    }
    MaxPods limit = MaxPods.forNodeGroup(judged, p.cni, MaxPodsCap.NONE);
    String mode =
        NodeGroupCapacity.describeMode(limit.mode(), p.cni)
            + " ("
            + (p.addon == null && p.awsNode == null
                ? "EKS defaults: no vpc-cni add-on in the scan"
                : p.addon == null
                    ? p.awsNode.getDisplayName()
                    : p.awsNode == null
                        ? p.addon.getAddress()
                        : p.addon.getAddress() + " and " + p.awsNode.getDisplayName())
            + ")";
    int withPrefixDelegation =
        judged.stream().allMatch(InstanceType::prefixDelegationSupported)
            ? MaxPods.forNodeGroup(judged, p.cni.withPrefixDelegation(true), MaxPodsCap.NONE)
                .value()
            : -1;
    Integer set = null; // max pods set by hand, and where
    String source = null;
    boolean amiDefault = false;
    if (p.lt != null && p.lt.getMaxPods() != null) {
      set = p.lt.getMaxPods();
      source = p.lt.getMaxPodsSource();
    } else if (p.lt == null && p.group.getKubeletMaxPods() != null) {
      // set by the group itself (a Karpenter NodePool's kubelet settings)
      set = p.group.getKubeletMaxPods();
      source = p.group.describeKubeletMaxPods();
    } else if (p.cni.customNetworking() && p.lt != null && p.lt.isAmiDefaultMaxPods()) {
      // A launch template with an AMI makes a custom-AMI node group: EKS neither adds its
      // bootstrap nor computes max pods, so the AMI's default applies (bootstrap.sh reads
      // eni-max-pods.txt, nodeadm the same formula, uncapped), which counts the primary ENI.
      // Without an AMI in the launch template (or without a launch template), EKS computes max
      // pods from the VPC CNI's configuration, custom networking included: nothing to report.
      set =
          MaxPods.forNodeGroup(judged, p.cni.withCustomNetworking(false), MaxPodsCap.NONE).value();
      source = "the AMI's default from the eni-max-pods table";
      amiDefault = true;
    }
    if (set != null) {
      out.add(
          new NodeMaxPods(
              p.group,
              p.lt,
              set,
              source,
              limit.value(),
              limit.instanceType(),
              mode,
              amiDefault,
              p.addon != null,
              withPrefixDelegation));
    }
  }

  private static void prefixBlocks(
      List<Plan> plans,
      Map<String, List<Cidr>> explicit,
      Set<String> prefixReserved,
      List<Object> out) {
    Map<String, long[]> bySubnet = new LinkedHashMap<>(); // needed, singles
    Map<String, Subnet> subnet = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Set<String> pdSubnets = new HashSet<>();
    for (Plan p : plans) {
      boolean pd = p.current.mode() == AddressingMode.PREFIX_DELEGATION;
      for (int i = 0; i < p.subnets.size(); i++) {
        Subnet s = p.subnets.get(i);
        if (s.getCidr() == null || !s.getCidr().network().isIpv4()) {
          continue;
        }
        long nodes = p.nodesAtMax.get(i);
        long[] d = bySubnet.computeIfAbsent(s.getKey(), k -> new long[2]);
        subnet.put(s.getKey(), s);
        if (pd && !p.cni.customNetworking()) {
          d[0] += nodes * p.current.prefixes();
          d[1] += nodes * p.current.enis();
          pdSubnets.add(s.getKey());
          groups.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(p.group.getAddress());
        } else {
          d[1] += nodes * p.current.nodeSubnetIps();
        }
      }
    }
    for (String k : pdSubnets) {
      Subnet s = subnet.get(k);
      long[] d = bySubnet.get(k);
      long free = s.getCidr().freePrefixBlocks(CidrSet.of(explicit.getOrDefault(k, List.of())));
      out.add(
          new SubnetPrefixBlocks(s, d[0], free, d[1], prefixReserved.contains(k), groups.get(k)));
    }
  }
}
