package io.eksnet.relate;

import io.eksnet.aws.CniSettings;
import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.aws.MaxPods;
import io.eksnet.aws.MaxPodsCap;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NatGateway;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Route;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.RouteTable;
import io.eksnet.model.RouteTableAssociation;
import io.eksnet.model.Subnet;
import io.eksnet.model.SubnetCidrReservation;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcCidrAssociation;
import io.eksnet.model.VpcEndpoint;
import io.eksnet.net.Cidr;
import io.eksnet.net.CidrSet;
import io.eksnet.net.Overlaps;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Relation facts over Terraform resources, computed with maps keyed by file and address (never a
 * pairwise loop over two large sets): subnet routing, NAT placement, node group subnets, node
 * group and subnet IP capacity, prefix blocks, max pods, subnet overlaps (a sorted sweep per VPC),
 * service CIDR overlaps, and the network of each vpc-cni add-on.
 */
public final class TerraformRelations {

  private final Map<String, TerraformResource> byKey = new HashMap<>();
  private final List<Subnet> subnets = new ArrayList<>();
  private final List<NodeGroup> nodeGroups = new ArrayList<>();
  private final Map<String, List<EksCluster>> clustersByName = new HashMap<>();
  private final Map<String, List<EksAddon>> cniByCluster = new HashMap<>();
  private final List<EksAddon> cniAddons = new ArrayList<>();
  private final int threshold;

  private TerraformRelations(List<?> facts) {
    long t = Thresholds.DEFAULTS.get("subnetUtilizationPercent");
    for (Object f : facts) {
      if (f instanceof Thresholds th) {
        t = th.get("subnetUtilizationPercent");
      }
      if (!(f instanceof TerraformResource r)) {
        continue;
      }
      byKey.put(r.getKey(), r);
      if (r instanceof Subnet s) {
        subnets.add(s);
      } else if (r instanceof NodeGroup g) {
        nodeGroups.add(g);
      } else if (r instanceof EksCluster c && c.getClusterName() != null) {
        clustersByName.computeIfAbsent(c.getClusterName(), k -> new ArrayList<>()).add(c);
      } else if (r instanceof EksAddon a && a.isVpcCni()) {
        cniAddons.add(a);
        if (a.getClusterName() != null) {
          cniByCluster.computeIfAbsent(a.getClusterName(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    this.threshold = (int) t;
  }

  /** The relation facts of the Terraform resources among {@code facts}. */
  public static List<Object> compute(List<?> facts) {
    TerraformRelations r = new TerraformRelations(facts);
    List<Object> out = new ArrayList<>();
    if (r.byKey.isEmpty()) {
      return out;
    }
    Map<String, SubnetRouting> routing = r.routing(facts);
    out.addAll(routing.values());
    r.natPlacements(facts, routing, out);
    for (NodeGroup g : r.nodeGroups) {
      out.add(new NodeGroupSubnets(g, r.subnetsOf(g)));
    }
    r.capacity(facts, out);
    r.overlaps(out);
    r.serviceCidrs(facts, out);
    r.clusterNetworks(facts, out);
    return out;
  }

  private <T> T get(TerraformResource from, String address, Class<T> type) {
    if (address == null) {
      return null;
    }
    TerraformResource r = byKey.get(TerraformResource.key(from.getFile(), address));
    return type.isInstance(r) ? type.cast(r) : null;
  }

  private List<Subnet> subnetsOf(NodeGroup g) {
    List<Subnet> out = new ArrayList<>();
    for (String a : g.getSubnets().addresses()) {
      Subnet s = get(g, a, Subnet.class);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  // ---- routing ----

  private Map<String, SubnetRouting> routing(List<?> facts) {
    Map<String, List<RouteEntry>> routes = new HashMap<>();
    Map<String, RouteTable> tables = new HashMap<>();
    Set<String> uncertainFiles = new HashSet<>();
    Map<String, List<String>> explicit = new HashMap<>();
    Map<String, String> mainByVpc = new HashMap<>();
    Map<String, Boolean> ecrByVpc = new HashMap<>();
    for (Object f : facts) {
      if (f instanceof RouteTable t) {
        tables.put(t.getKey(), t);
        routes.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).addAll(t.getRoutes());
        if (t.isDefaultTable() && t.getVpcAddress() != null) {
          mainByVpc.put(TerraformResource.key(t.getFile(), t.getVpcAddress()), t.getKey());
        }
      } else if (f instanceof Route r) {
        if (r.getRouteTable().addresses().isEmpty() && r.getRouteTable().unresolved()) {
          uncertainFiles.add(r.getFile());
        }
        for (String a : r.getRouteTable().addresses()) {
          routes.computeIfAbsent(TerraformResource.key(r.getFile(), a), k -> new ArrayList<>()).add(r.getEntry());
        }
      } else if (f instanceof RouteTableAssociation a) {
        if (a.isMain()) {
          if (a.getVpc().single() != null && a.getRouteTable().single() != null) {
            mainByVpc.put(TerraformResource.key(a.getFile(), a.getVpc().single()),
                TerraformResource.key(a.getFile(), a.getRouteTable().single()));
          } else {
            uncertainFiles.add(a.getFile());
          }
          continue;
        }
        if (a.getSubnet().addresses().isEmpty()) {
          if (a.getSubnet().unresolved()) {
            uncertainFiles.add(a.getFile());
          }
          continue;
        }
        for (String s : a.getSubnet().addresses()) {
          List<String> ts = explicit.computeIfAbsent(TerraformResource.key(a.getFile(), s), k -> new ArrayList<>());
          if (a.getRouteTable().addresses().isEmpty()) {
            ts.add(null); // associated with a table not in the scan, or unknown
          }
          for (String t : a.getRouteTable().addresses()) {
            ts.add(TerraformResource.key(a.getFile(), t));
          }
        }
      } else if (f instanceof VpcEndpoint e && e.isEcrImages() && e.getVpc().single() != null) {
        ecrByVpc.put(TerraformResource.key(e.getFile(), e.getVpc().single()), true);
      }
    }
    Map<String, List<String>> groupsBySubnet = new HashMap<>();
    for (NodeGroup g : nodeGroups) {
      for (String a : g.getSubnets().addresses()) {
        groupsBySubnet.computeIfAbsent(TerraformResource.key(g.getFile(), a), k -> new ArrayList<>()).add(g.getAddress());
      }
    }
    Map<String, SubnetRouting> out = new LinkedHashMap<>();
    for (Subnet s : subnets) {
      List<String> ts = explicit.get(s.getKey());
      boolean main = ts == null;
      boolean known = !uncertainFiles.contains(s.getFile());
      List<String> effective = new ArrayList<>();
      String vpcKey = s.getVpcAddress() == null ? null : TerraformResource.key(s.getFile(), s.getVpcAddress());
      if (main) {
        if (vpcKey == null || !(byKey.get(vpcKey) instanceof Vpc)) {
          known = false; // the VPC (and its main table) is not in the scan
        } else if (mainByVpc.containsKey(vpcKey)) {
          effective.add(mainByVpc.get(vpcKey));
        }
        // else: the main table AWS created, which holds only the local route
      } else {
        effective.addAll(ts);
      }
      Set<RouteEntry.Target> targets = EnumSet.noneOf(RouteEntry.Target.class);
      for (String t : effective) {
        RouteTable table = t == null ? null : tables.get(t);
        if (table == null || !table.isRoutesKnown()) {
          known = false;
          continue;
        }
        for (RouteEntry e : routes.getOrDefault(t, List.of())) {
          if (e.isIpv4Default()) {
            targets.add(e.target());
          } else if (e.destination() == null) {
            known = false; // a route whose destination is unknown may be the default
          }
        }
      }
      List<String> tableAddresses = new ArrayList<>();
      for (String t : effective) {
        if (t != null && tables.get(t) != null) {
          tableAddresses.add(tables.get(t).getAddress());
        }
      }
      out.put(s.getKey(), new SubnetRouting(s, tableAddresses, main, known, targets,
          groupsBySubnet.getOrDefault(s.getKey(), List.of()), vpcKey != null && ecrByVpc.containsKey(vpcKey)));
    }
    return out;
  }

  private void natPlacements(List<?> facts, Map<String, SubnetRouting> routing, List<Object> out) {
    for (Object f : facts) {
      if (f instanceof NatGateway n && n.getSubnet().single() != null) {
        SubnetRouting r = routing.get(TerraformResource.key(n.getFile(), n.getSubnet().single()));
        if (r != null) {
          out.add(new NatPlacement(n, r));
        }
      }
    }
  }

  // ---- capacity ----

  /** A node group with the numbers needed before subnet totals are known. */
  private record Plan(
      NodeGroup group,
      List<InstanceType> types,
      boolean defaultType,
      CniSettings cni,
      EksAddon addon,
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

  private void capacity(List<?> facts, List<Object> out) {
    List<Plan> plans = new ArrayList<>();
    for (NodeGroup g : nodeGroups) {
      Plan p = plan(g);
      if (p == null) {
        continue;
      }
      plans.add(p);
      maxPodsCheck(p, out);
    }
    // what every node group holds in every subnet
    Map<String, long[]> demand = new LinkedHashMap<>(); // desired, max, pd max, cn max
    Map<String, List<String>> groupsIn = new HashMap<>();
    for (Plan p : plans) {
      for (int i = 0; i < p.subnets.size(); i++) {
        String k = p.subnets.get(i).getKey();
        long[] d = demand.computeIfAbsent(k, x -> new long[4]);
        d[0] += (long) p.nodesAtDesired.get(i) * p.current.nodeSubnetIps();
        d[1] += (long) p.nodesAtMax.get(i) * p.current.nodeSubnetIps();
        d[2] = d[2] < 0 || p.pd == null ? -1 : d[2] + (long) p.nodesAtMax.get(i) * p.pd.nodeSubnetIps();
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
        shares.add(new SubnetShare(s, s.getCidr() == null ? 0 : s.getCidr().usableAddresses(), p.nodesAtMax.get(i),
            p.nodesAtDesired.get(i), (long) p.nodesAtMax.get(i) * p.current.nodeSubnetIps(), d[1], d[0], others));
      }
      out.add(new NodeGroupCapacity(p.group, p.types, p.defaultType, p.cni, p.addon, p.lt, p.current, p.pd, p.cn,
          p.desired, p.max, shares, p.subnetsKnown, threshold));
    }
    Map<String, List<Cidr>> explicitReservations = new HashMap<>();
    Set<String> prefixReserved = new HashSet<>();
    for (Object f : facts) {
      if (f instanceof SubnetCidrReservation r && r.getSubnet().single() != null && r.getCidr() != null) {
        String k = TerraformResource.key(r.getFile(), r.getSubnet().single());
        if (r.isPrefix()) {
          prefixReserved.add(k);
        } else {
          explicitReservations.computeIfAbsent(k, x -> new ArrayList<>()).add(r.getCidr());
        }
      }
    }
    for (Subnet s : subnets) {
      if (s.getCidr() == null || !s.getCidr().network().isIpv4()) {
        continue;
      }
      long[] d = demand.getOrDefault(s.getKey(), new long[4]);
      long free = s.getCidr().freePrefixBlocks(CidrSet.of(explicitReservations.getOrDefault(s.getKey(), List.of())));
      out.add(new SubnetDemand(s, s.getCidr().usableAddresses(), free, d[0], d[1], d[2], d[3],
          groupsIn.getOrDefault(s.getKey(), List.of())));
    }
    prefixBlocks(plans, explicitReservations, prefixReserved, out);
  }

  private Plan plan(NodeGroup g) {
    Integer max = g.getMaxSize();
    if (max == null || max < 0) {
      return null;
    }
    EksCluster cluster = cluster(g, g.getClusterName());
    if (cluster != null && cluster.isIpv6()) {
      return null; // IPv6 pods take /80 prefixes: no shortage of addresses
    }
    LaunchTemplate lt = get(g, g.getLaunchTemplate().single(), LaunchTemplate.class);
    List<String> names = g.getInstanceTypes();
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
      Optional<InstanceType> t = InstanceTypes.builtIn().find(n);
      if (t.isEmpty()) {
        return null;
      }
      types.add(t.get());
    }
    EksAddon addon = addon(g, g.getClusterName());
    CniSettings cni = addon == null ? CniSettings.eksDefaults() : addon.cniSettings();
    Integer configured = lt == null ? null : lt.getMaxPods();
    Capacity.PerNode current = Capacity.perNode(types, cni, configured);
    boolean pdOk = types.stream().allMatch(InstanceType::prefixDelegationSupported);
    Capacity.PerNode pd = pdOk ? Capacity.perNode(types, cni.withPrefixDelegation(true), configured) : null;
    Capacity.PerNode cn = Capacity.perNode(types, cni.withCustomNetworking(true), configured);
    int desired = g.getDesiredSize() != null ? g.getDesiredSize() : g.getMinSize() != null ? g.getMinSize() : max;
    List<Subnet> subs = subnetsOf(g);
    if (g.getSubnets().unresolved()) {
      subs = List.of(); // how many subnets share the nodes is unknown
    }
    // subnets outside the scan still take their share of the nodes (each as an AZ of its own)
    List<String> azs = new ArrayList<>(subs.stream().map(Subnet::getAvailabilityZone).toList());
    for (int i = 0; i < g.getSubnets().external().size(); i++) {
      azs.add(null);
    }
    boolean known = !subs.isEmpty() && g.getSubnets().complete() && subs.size() == g.getSubnets().addresses().size()
        && subs.stream().allMatch(s -> s.getCidr() != null);
    int n = subs.size();
    return new Plan(g, types, defaultType, cni, addon, lt, current, pd, cn, Math.min(desired, max), max, subs,
        Capacity.spread(max, azs).subList(0, n), Capacity.spread(Math.min(desired, max), azs).subList(0, n), known);
  }

  /** The cluster of that name, preferring the same file. */
  private EksCluster cluster(TerraformResource from, String name) {
    return sameFileFirst(from, name == null ? List.of() : clustersByName.getOrDefault(name, List.of()));
  }

  /**
   * The vpc-cni add-on of the named cluster: from the file of the cluster when the cluster is in
   * the scan (a cluster without one runs the defaults), else by cluster name from any file (an
   * add-on managed in another state).
   */
  private EksAddon addon(TerraformResource from, String clusterName) {
    if (clusterName == null) {
      // a single vpc-cni add-on in the same file is the cluster's
      List<EksAddon> same = cniAddons.stream().filter(a -> a.getFile().equals(from.getFile())).toList();
      return same.size() == 1 ? same.get(0) : null;
    }
    List<EksAddon> candidates = cniByCluster.getOrDefault(clusterName, List.of());
    EksCluster cluster = cluster(from, clusterName);
    if (cluster != null) {
      return candidates.stream().filter(a -> a.getFile().equals(cluster.getFile())).findFirst().orElse(null);
    }
    return sameFileFirst(from, candidates);
  }

  private static <T extends TerraformResource> T sameFileFirst(TerraformResource from, List<T> candidates) {
    for (T c : candidates) {
      if (c.getFile().equals(from.getFile())) {
        return c;
      }
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  private void maxPodsCheck(Plan p, List<Object> out) {
    MaxPods limit = MaxPods.forNodeGroup(p.types, p.cni, MaxPodsCap.NONE);
    String mode = NodeGroupCapacity.describeMode(limit.mode(), p.cni)
        + (p.addon == null ? " (EKS defaults: no vpc-cni add-on in the scan)" : " (" + p.addon.getAddress() + ")");
    if (p.lt != null && p.lt.getMaxPods() != null) {
      if (p.addon == null && p.types.stream().allMatch(InstanceType::prefixDelegationSupported)
          && p.lt.getMaxPods() <= MaxPods.forNodeGroup(p.types, p.cni.withPrefixDelegation(true), MaxPodsCap.NONE)
              .value()) {
        return; // a value that only prefix delegation explains: the CNI is likely configured outside the scan
      }
      out.add(new MaxPodsCheck(p.group, p.lt, p.lt.getMaxPods(), p.lt.getMaxPodsSource(), limit.value(),
          limit.instanceType(), mode));
    } else if (p.cni.customNetworking()) {
      // managed node groups compute max pods without knowing about custom networking
      int dflt = MaxPods.forNodeGroup(p.types, p.cni.withCustomNetworking(false), MaxPodsCap.EKS_RECOMMENDED).value();
      out.add(new MaxPodsCheck(p.group, null, dflt, "the managed node group default", limit.value(),
          limit.instanceType(), mode));
    }
  }

  private void prefixBlocks(
      List<Plan> plans, Map<String, List<Cidr>> explicit, Set<String> prefixReserved, List<Object> out) {
    Map<String, long[]> bySubnet = new LinkedHashMap<>(); // needed, singles
    Map<String, Subnet> subnet = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Set<String> pdSubnets = new HashSet<>();
    for (Plan p : plans) {
      boolean pd = p.current.mode() == io.eksnet.aws.AddressingMode.PREFIX_DELEGATION;
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
      out.add(new SubnetPrefixBlocks(s, d[0], free, d[1], prefixReserved.contains(k), groups.get(k)));
    }
  }

  // ---- overlaps ----

  private void overlaps(List<Object> out) {
    Map<String, List<Subnet>> byVpc = new LinkedHashMap<>();
    for (Subnet s : subnets) {
      if (s.getCidr() == null) {
        continue;
      }
      String vpc;
      if (s.getVpcAddress() != null) {
        vpc = TerraformResource.key(s.getFile(), s.getVpcAddress());
      } else if (s.getVpc().external().size() == 1) {
        vpc = s.getVpc().external().get(0); // an existing VPC, by id
      } else {
        continue;
      }
      byVpc.computeIfAbsent(vpc, k -> new ArrayList<>()).add(s);
    }
    for (List<Subnet> group : byVpc.values()) {
      for (Overlaps.Pair<Subnet> p : Overlaps.find(group, Subnet::getCidr)) {
        String a = p.first().getId();
        if (a != null && a.equals(p.second().getId())) {
          continue;
        }
        out.add(new SubnetOverlap(p.first(), p.second()));
      }
    }
  }

  private List<Cidr> vpcCidrs(Vpc v, List<?> facts) {
    List<Cidr> out = new ArrayList<>();
    if (v.getCidr() != null) {
      out.add(v.getCidr());
    }
    out.addAll(secondaryCidrs(v, facts));
    return out;
  }

  private Map<String, List<Cidr>> secondaryByVpc;

  private List<Cidr> secondaryCidrs(Vpc v, List<?> facts) {
    if (secondaryByVpc == null) {
      secondaryByVpc = new HashMap<>();
      for (Object f : facts) {
        if (f instanceof VpcCidrAssociation a && a.getVpcAddress() != null && a.getCidr() != null) {
          secondaryByVpc.computeIfAbsent(TerraformResource.key(a.getFile(), a.getVpcAddress()), k -> new ArrayList<>())
              .add(a.getCidr());
        }
      }
    }
    return secondaryByVpc.getOrDefault(v.getKey(), List.of());
  }

  private void serviceCidrs(List<?> facts, List<Object> out) {
    for (Object f : facts) {
      if (!(f instanceof EksCluster c) || c.getServiceIpv4Cidr() == null) {
        continue;
      }
      Cidr svc = c.getServiceIpv4Cidr();
      List<String> overlapping = new ArrayList<>();
      Vpc vpc = get(c, c.getVpcAddress(), Vpc.class);
      if (vpc != null) {
        for (Cidr v : vpcCidrs(vpc, facts)) {
          if (v.overlaps(svc)) {
            overlapping.add("VPC CIDR " + v + " of " + vpc.getAddress());
          }
        }
      }
      for (String a : c.getSubnets().addresses()) {
        Subnet s = get(c, a, Subnet.class);
        if (s != null && s.getCidr() != null && s.getCidr().overlaps(svc)) {
          overlapping.add("subnet " + s.describe());
        }
      }
      if (!overlapping.isEmpty()) {
        out.add(new ServiceCidrOverlap(c, overlapping));
      }
    }
  }

  private void clusterNetworks(List<?> facts, List<Object> out) {
    for (EksAddon a : cniAddons) {
      EksCluster c = cluster(a, a.getClusterName());
      if (c == null) {
        List<EksCluster> same = new ArrayList<>();
        for (List<EksCluster> cs : clustersByName.values()) {
          cs.stream().filter(x -> x.getFile().equals(a.getFile())).forEach(same::add);
        }
        c = a.getClusterName() == null && same.size() == 1 ? same.get(0) : null;
      }
      Vpc vpc = c == null ? null : get(c, c.getVpcAddress(), Vpc.class);
      if (vpc == null) {
        continue;
      }
      List<Cidr> secondary = new ArrayList<>(secondaryCidrs(vpc, facts));
      for (Subnet s : subnets) {
        if (s.getCidr() != null && vpc.getAddress().equals(s.getVpcAddress()) && s.getFile().equals(vpc.getFile())
            && vpc.getCidr() != null && !vpc.getCidr().contains(s.getCidr()) && !secondary.contains(s.getCidr())) {
          secondary.add(s.getCidr());
        }
      }
      out.add(new ClusterNetwork(a, vpc, secondary));
    }
  }
}
