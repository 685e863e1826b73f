package io.eksnet.relate;

import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.DbInstance;
import io.eksnet.model.DbSubnetGroup;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.EniConfig;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.K8sObject;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcCidrAssociation;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relation facts that join the manifests with the Terraform: ENIConfigs against subnets and
 * security groups, the VPC CNI settings of both sides, SecurityGroupPolicies against node groups,
 * load balancer subnets and security groups, pods against RDS security groups, and custom
 * networking against routes. Every lookup goes through a map (subnets and VPCs by id, security
 * groups and their rules by group, routing by subnet), never a pairwise loop over two large sets.
 *
 * <p>Manifests name no cluster, so they are joined with the Terraform only when the Terraform of
 * the scan describes one EKS cluster (one cluster name among clusters, node groups and vpc-cni
 * add-ons). Nothing is produced when either side is missing from the scan.
 */
public final class JoinRelations {

  static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
  static final Pattern SG_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
  static final Pattern AZ_NAME = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+[a-z]");
  static final Pattern RDS_HOST =
      Pattern.compile("(?<![a-z0-9-])([a-z][a-z0-9-]{0,62})\\.[a-z0-9]+\\.[a-z0-9-]+\\.rds\\.amazonaws\\.com");

  static final String ELB_TAG = "kubernetes.io/role/elb";
  static final String INTERNAL_ELB_TAG = "kubernetes.io/role/internal-elb";
  static final String NLB_PREFIX = "service.beta.kubernetes.io/aws-load-balancer-";
  static final int NODE_PORT_MIN = 30000;
  static final int NODE_PORT_MAX = 32767;

  // ---- the manifests ----
  private final List<EniConfig> eniConfigs = new ArrayList<>();
  private final List<SecurityGroupPolicy> policies = new ArrayList<>();
  private final Map<String, List<SecurityGroupPolicy>> policiesByNs = new HashMap<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final List<ConfigMap> configMaps = new ArrayList<>();
  private final Map<String, IngressClass> ingressClasses = new HashMap<>();
  private Workload awsNode;
  private boolean k8s;

  // ---- the Terraform ----
  private final Map<String, TerraformResource> byKey = new HashMap<>();
  private final List<Subnet> subnets = new ArrayList<>();
  private final Map<String, Subnet> subnetById = new HashMap<>();
  private final Map<String, List<Subnet>> subnetsByName = new HashMap<>();
  private final Map<String, Vpc> vpcByCanonical = new HashMap<>();
  private final Map<String, List<Cidr>> secondaryByVpc = new HashMap<>();
  private final List<EksCluster> clusters = new ArrayList<>();
  private final List<NodeGroup> nodeGroups = new ArrayList<>();
  private final List<EksAddon> cniAddons = new ArrayList<>();
  private final List<DbInstance> databases = new ArrayList<>();
  private final Map<String, SubnetRouting> routing = new HashMap<>();
  private final SgIndex sgs;

  // ---- derived ----
  private final List<AlbIngress> albs = new ArrayList<>();
  private final List<BackendRef> backendRefs = new ArrayList<>();
  private final Map<Service, ServiceBackends> backends = new IdentityHashMap<>();
  private String clusterName;
  private EksCluster cluster;
  private String vpcKey;
  private CniConfig cni;
  private final Map<EniConfig, Subnet> eniSubnets = new LinkedHashMap<>(); // identity keys, insertion (file) order: messages list them deterministically

  private JoinRelations(List<?> facts, List<Object> derived) {
    for (Object f : facts) {
      if (f instanceof K8sObject o) {
        k8s = true;
        if (o instanceof EniConfig e) {
          eniConfigs.add(e);
        } else if (o instanceof SecurityGroupPolicy p) {
          policies.add(p);
          policiesByNs.computeIfAbsent(p.getNamespace(), k -> new ArrayList<>()).add(p);
        } else if (o instanceof Service s) {
          services.add(s);
        } else if (o instanceof ConfigMap c) {
          configMaps.add(c);
        } else if (o instanceof IngressClass c) {
          ingressClasses.putIfAbsent(c.getName(), c);
        } else if (o instanceof Workload w) {
          workloads.add(w);
          if (awsNode == null && w.isDaemonSet() && "aws-node".equals(w.getName())
              && "kube-system".equals(w.getNamespace())) {
            awsNode = w;
          }
        }
      } else if (f instanceof TerraformResource r) {
        byKey.put(r.getKey(), r);
        if (r instanceof Subnet s) {
          subnets.add(s);
          if (s.getId() != null && !s.getId().isEmpty()) {
            subnetById.putIfAbsent(s.getId(), s);
          }
          if (s.getTagName() != null) {
            subnetsByName.computeIfAbsent(s.getTagName(), k -> new ArrayList<>()).add(s);
          }
        } else if (r instanceof Vpc v) {
          vpcByCanonical.putIfAbsent(canonical(v), v);
        } else if (r instanceof EksCluster c) {
          clusters.add(c);
        } else if (r instanceof NodeGroup g) {
          nodeGroups.add(g);
        } else if (r instanceof EksAddon a && a.isVpcCni()) {
          cniAddons.add(a);
        } else if (r instanceof DbInstance d) {
          databases.add(d);
        }
      }
    }
    for (Object f : facts) {
      if (f instanceof VpcCidrAssociation a && a.getCidr() != null) {
        String k = vpcKeyOf(a, a.getVpc());
        if (k != null) {
          secondaryByVpc.computeIfAbsent(k, x -> new ArrayList<>()).add(a.getCidr());
        }
      }
    }
    for (Object d : derived) {
      if (d instanceof SubnetRouting r) {
        routing.put(r.getSubnet().getKey(), r);
      } else if (d instanceof AlbIngress a) {
        albs.add(a);
      } else if (d instanceof BackendRef b) {
        backendRefs.add(b);
      } else if (d instanceof ServiceBackends b) {
        backends.put(b.getService(), b);
      }
    }
    this.sgs = new SgIndex(facts);
  }

  /** The join facts; empty unless the scan holds both manifests and Terraform resources. */
  static List<Object> compute(List<?> facts, List<Object> derived) {
    JoinRelations j = new JoinRelations(facts, derived);
    List<Object> out = new ArrayList<>();
    if (!j.k8s || j.byKey.isEmpty()) {
      return out;
    }
    boolean scoped = j.scope();
    for (EniConfig e : j.eniConfigs) {
      Subnet s = e.getSubnet() == null ? null : j.subnetById.get(e.getSubnet().trim());
      if (s != null) {
        j.eniSubnets.put(e, s);
      }
    }
    j.eniConfigSubnets(out);
    j.eniConfigGroups(out);
    if (!scoped) {
      return out;
    }
    if (j.cni != null) {
      out.add(j.cni);
      j.cniConflicts(out);
      j.coverage(out);
      j.egressRoutes(out);
    }
    j.securityGroupPolicies(out);
    j.loadBalancerSubnets(out);
    j.loadBalancerGroups(out);
    j.databases(out);
    return out;
  }

  // ---- scope ----

  /** Finds the one cluster the Terraform describes; false when there are several or none. */
  private boolean scope() {
    Set<String> names = new TreeSet<>();
    clusters.stream().map(EksCluster::getClusterName).filter(n -> n != null).forEach(names::add);
    nodeGroups.stream().map(NodeGroup::getClusterName).filter(n -> n != null).forEach(names::add);
    cniAddons.stream().map(EksAddon::getClusterName).filter(n -> n != null).forEach(names::add);
    if (names.size() > 1 || (names.isEmpty() && clusters.size() > 1)) {
      return false;
    }
    if (clusters.isEmpty() && nodeGroups.isEmpty() && cniAddons.isEmpty()) {
      return false;
    }
    clusterName = names.isEmpty() ? null : names.iterator().next();
    cluster = clusters.isEmpty() ? null : clusters.get(0);
    EksAddon addon = null;
    for (EksAddon a : cniAddons) {
      if (addon == null || (cluster != null && a.getFile().equals(cluster.getFile()))) {
        addon = a;
      }
    }
    if (addon != null || awsNode != null) {
      cni = new CniConfig(addon, awsNode);
    }
    if (cluster != null) {
      vpcKey = vpcKeyOf(cluster, cluster.getVpc());
    }
    if (vpcKey == null) {
      Set<String> vpcs = new LinkedHashSet<>();
      for (NodeGroup g : nodeGroups) {
        for (Subnet s : subnetsOf(g)) {
          String k = vpcKeyOf(s, s.getVpc());
          if (k != null) {
            vpcs.add(k);
          }
        }
      }
      vpcKey = vpcs.size() == 1 ? vpcs.iterator().next() : null;
    }
    return true;
  }

  /** A VPC's identity across files: {@code id:<id>} when known, else its key. */
  private static String canonical(Vpc v) {
    return v.getId() != null && !v.getId().isEmpty() ? "id:" + v.getId() : v.getKey();
  }

  /** The canonical VPC a reference names (see {@link #canonical}), or null. */
  private String vpcKeyOf(TerraformResource from, TfRefs refs) {
    if (refs == null) {
      return null;
    }
    if (refs.single() != null) {
      String k = TerraformResource.key(from.getFile(), refs.single());
      return byKey.get(k) instanceof Vpc v ? canonical(v) : k;
    }
    if (refs.addresses().isEmpty() && refs.external().size() == 1) {
      return "id:" + refs.external().get(0);
    }
    return null;
  }

  /**
   * True only when two canonical VPC keys certainly differ: two ids, or two addresses in one
   * file. An address with an unknown id may be the VPC another file names by id.
   */
  static boolean differentVpc(String a, String b) {
    if (a == null || b == null || a.equals(b)) {
      return false;
    }
    boolean ia = a.startsWith("id:");
    boolean ib = b.startsWith("id:");
    if (ia && ib) {
      return true;
    }
    if (!ia && !ib) {
      return a.substring(0, a.indexOf('\u0000')).equals(b.substring(0, b.indexOf('\u0000')));
    }
    return false;
  }

  private String describeVpc(String key) {
    Vpc v = vpcByCanonical.get(key);
    if (v == null && byKey.get(key) instanceof Vpc x) {
      v = x;
    }
    if (v != null) {
      return v.getAddress() + (v.getCidrText() == null ? "" : " (" + v.getCidrText() + ")");
    }
    return key.startsWith("id:") ? key.substring(3) : key.substring(key.indexOf('\u0000') + 1);
  }

  private Vpc vpc(String key) {
    if (key == null) {
      return null;
    }
    Vpc v = vpcByCanonical.get(key);
    return v != null ? v : byKey.get(key) instanceof Vpc x ? x : null;
  }

  private List<Subnet> subnetsOf(NodeGroup g) {
    List<Subnet> out = new ArrayList<>();
    for (String a : g.getSubnets().addresses()) {
      if (byKey.get(TerraformResource.key(g.getFile(), a)) instanceof Subnet s) {
        out.add(s);
      }
    }
    for (String id : g.getSubnets().external()) {
      Subnet s = subnetById.get(id);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The node group's subnets when all are in the scan, else null. */
  private List<Subnet> allSubnetsOf(NodeGroup g) {
    List<Subnet> s = subnetsOf(g);
    TfRefs refs = g.getSubnets();
    return refs.unresolved() || s.isEmpty() || s.size() != refs.addresses().size() + refs.external().size() ? null : s;
  }

  // ---- ENIConfigs ----

  private void eniConfigSubnets(List<Object> out) {
    if (eniConfigs.isEmpty() || subnets.isEmpty()) {
      return;
    }
    Map<String, List<String>> groupsBySubnet = new HashMap<>();
    for (NodeGroup g : nodeGroups) {
      for (Subnet s : subnetsOf(g)) {
        groupsBySubnet.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(g.describe());
      }
    }
    List<String> known = new ArrayList<>();
    for (Subnet s : new LinkedHashSet<>(eniSubnets.values())) {
      known.add(s.getId() + " (" + s.getAddress() + ")");
    }
    for (EniConfig e : eniConfigs) {
      Subnet s = eniSubnets.get(e);
      if (s == null) {
        String id = e.getSubnet() == null ? "" : e.getSubnet().trim();
        if (SUBNET_ID.matcher(id).matches() && !known.isEmpty()) {
          TerraformResource related = vpc(vpcKey);
          if (related == null) {
            related = eniSubnets.values().iterator().next();
          }
          out.add(new EniConfigSubnet(e, null, related, true, null, vpcKey == null ? null : describeVpc(vpcKey), null,
              null, null, String.join(", ", known)));
        }
        continue;
      }
      String subnetVpc = vpcKeyOf(s, s.getVpc());
      String other = differentVpc(subnetVpc, vpcKey) ? describeVpc(subnetVpc) : null;
      Vpc v = vpc(subnetVpc);
      String primary = v != null && v.getCidr() != null && s.getCidr() != null && v.getCidr().contains(s.getCidr())
          ? v.getCidrText() : null;
      List<String> groups = groupsBySubnet.get(s.getKey());
      String az = s.getAvailabilityZone();
      String named = AZ_NAME.matcher(e.getName()).matches() && az != null && AZ_NAME.matcher(az).matches()
          && !az.equals(e.getName()) ? e.getName() : null;
      if (other != null || primary != null || named != null) {
        out.add(new EniConfigSubnet(e, s, null, false, other, vpcKey == null ? null : describeVpc(vpcKey), primary,
            groups == null ? null : String.join(", ", groups), named, String.join(", ", known)));
      }
    }
  }

  private void eniConfigGroups(List<Object> out) {
    if (eniConfigs.isEmpty()) {
      return;
    }
    Map<String, TerraformResource> found = new LinkedHashMap<>();
    for (EniConfig e : eniConfigs) {
      for (String id : e.getSecurityGroups()) {
        TerraformResource r = groupResource(id.trim());
        if (r != null) {
          found.putIfAbsent(id.trim(), r);
        }
      }
    }
    if (found.isEmpty()) {
      return;
    }
    for (EniConfig e : eniConfigs) {
      Subnet s = eniSubnets.get(e);
      String subnetVpc = s == null ? null : vpcKeyOf(s, s.getVpc());
      for (int i = 0; i < e.getSecurityGroups().size(); i++) {
        String id = e.getSecurityGroups().get(i).trim();
        TerraformResource r = found.get(id);
        if (r instanceof SecurityGroup g) {
          String groupVpc = vpcKeyOf(g, g.getVpc());
          if (differentVpc(groupVpc, subnetVpc)) {
            out.add(new EniConfigSecurityGroup(e, i, id, g, describeVpc(groupVpc), describeVpc(subnetVpc)));
          }
        } else if (r == null && s != null && SG_ID.matcher(id).matches()) {
          Map.Entry<String, TerraformResource> f = found.entrySet().iterator().next();
          String example = f.getKey() + (f.getValue() instanceof EksCluster c
              ? ", the cluster security group of " + c.getAddress() : " (" + f.getValue().getAddress() + ")");
          out.add(new EniConfigSecurityGroup(e, i, id, f.getValue(), null, example));
        }
      }
    }
  }

  /** The scan's security group with this id, or the cluster whose EKS security group it is. */
  private TerraformResource groupResource(String id) {
    SecurityGroup g = sgs.group(sgs.keyOfId(id));
    if (g != null) {
      return g;
    }
    for (EksCluster c : clusters) {
      if (id.equals(c.getClusterSecurityGroupId())) {
        return c;
      }
    }
    return null;
  }

  private void coverage(List<Object> out) {
    if (!cni.isKnown() || !cni.isCustomNetworking() || eniConfigs.isEmpty() || nodeGroups.isEmpty()) {
      return;
    }
    Set<String> covered = new TreeSet<>();
    for (EniConfig e : eniConfigs) {
      boolean named = AZ_NAME.matcher(e.getName()).matches();
      if (named) {
        covered.add(e.getName());
      }
      Subnet s = eniSubnets.get(e);
      String az = s == null ? null : s.getAvailabilityZone();
      if (az != null && AZ_NAME.matcher(az).matches()) {
        covered.add(az);
      } else if (!named) {
        return; // an ENIConfig whose AZ cannot be told: coverage unknown
      }
    }
    for (NodeGroup g : nodeGroups) {
      List<Subnet> subs = allSubnetsOf(g);
      if (subs == null) {
        continue;
      }
      Set<String> missing = new TreeSet<>();
      boolean known = true;
      for (Subnet s : subs) {
        String az = s.getAvailabilityZone();
        if (az == null || !AZ_NAME.matcher(az).matches()) {
          known = false;
        } else if (!covered.contains(az)) {
          missing.add(az);
        }
      }
      if (known && !missing.isEmpty()) {
        out.add(new EniConfigCoverageGap(g, new ArrayList<>(missing), new ArrayList<>(covered), cni));
      }
    }
  }

  // ---- VPC CNI settings ----

  private void cniConflicts(List<Object> out) {
    if (!cni.isBothSides() || !cni.isKnown()) {
      return;
    }
    EksAddon a = cni.getAddon();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(a.getEnv()).entrySet()) {
      String ds = awsNode.env(e.getKey());
      if (ds != null && !sameSetting(ds, e.getValue())) {
        out.add(new CniSettingConflict(a, awsNode, e.getKey(), e.getValue().trim(), ds.trim()));
      }
    }
  }

  /** Env values compare trimmed, booleans without case. */
  static boolean sameSetting(String a, String b) {
    String x = a.trim();
    String y = b.trim();
    boolean bools = (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"))
        && (y.equalsIgnoreCase("true") || y.equalsIgnoreCase("false"));
    return bools ? x.equalsIgnoreCase(y) : x.equals(y);
  }

  // ---- custom networking egress ----

  private static final Set<RouteEntry.Target> PUBLIC_ONLY =
      EnumSet.of(RouteEntry.Target.INTERNET_GATEWAY, RouteEntry.Target.EGRESS_ONLY);

  private void egressRoutes(List<Object> out) {
    if (!cni.isKnown() || !cni.isCustomNetworking() || eniSubnets.isEmpty()) {
      return;
    }
    if (cni.isExternalSnat()) {
      Set<String> seen = new HashSet<>();
      for (EniConfig e : eniConfigs) {
        Subnet s = eniSubnets.get(e);
        SubnetRouting r = s == null ? null : routing.get(s.getKey());
        if (r == null || !r.isKnown() || r.isPrivateEndpoints() || !seen.add(e.getName())) {
          continue;
        }
        Set<RouteEntry.Target> nat = EnumSet.noneOf(RouteEntry.Target.class);
        nat.addAll(r.getDefaultTargets());
        nat.removeAll(PUBLIC_ONLY);
        if (nat.isEmpty()) {
          String detail = r.describeRouteTable() + (r.isPublicRoute()
              ? " sends 0.0.0.0/0 only to an internet gateway, which does not translate the pods' private addresses"
              : " has no default route (0.0.0.0/0)");
          out.add(new PodEgressRouteGap(e, s, true, r.describeRouteTable(), detail, cni));
        }
      }
      return;
    }
    EniConfig natPod = null;
    SubnetRouting natRouting = null;
    for (EniConfig e : eniConfigs) {
      Subnet s = eniSubnets.get(e);
      SubnetRouting r = s == null ? null : routing.get(s.getKey());
      if (r != null && r.getDefaultTargets().contains(RouteEntry.Target.NAT_GATEWAY)) {
        natPod = e;
        natRouting = r;
        break;
      }
    }
    if (natPod == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (NodeGroup g : nodeGroups) {
      for (Subnet s : subnetsOf(g)) {
        SubnetRouting r = routing.get(s.getKey());
        if (r != null && r.isKnown() && !r.isDefaultRoute() && !r.isPrivateEndpoints() && seen.add(s.getKey())) {
          out.add(new PodEgressRouteGap(natPod, s, false, r.describeRouteTable(),
              "the pod subnet " + natRouting.getSubnet().describe() + " of ENIConfig " + natPod.getName()
                  + " has the NAT route (" + natRouting.describeRouteTable() + ")", cni));
        }
      }
    }
  }

  // ---- security groups for pods ----

  private void securityGroupPolicies(List<Object> out) {
    if (policies.isEmpty()) {
      return;
    }
    if (cni != null && cni.getAddon() != null && cni.isKnown() && !cni.isTrue("ENABLE_POD_ENI")) {
      for (SecurityGroupPolicy p : policies) {
        out.add(new SgpNodeProblem(p, false, cni.describeSetting("ENABLE_POD_ENI"),
            cni.settingLocation("ENABLE_POD_ENI")));
      }
      return;
    }
    if (nodeGroups.isEmpty()) {
      return;
    }
    List<String> groups = new ArrayList<>();
    for (NodeGroup g : nodeGroups) {
      List<String> types = instanceTypes(g);
      if (types == null) {
        return;
      }
      for (String t : types) {
        Optional<InstanceType> it = InstanceTypes.builtIn().find(t);
        if (it.isEmpty() || it.get().trunkingCompatible() == null) {
          return;
        }
        if (it.get().trunkingCompatible()) {
          return; // pods can run on this node group
        }
      }
      groups.add(g.describe() + ": " + String.join(", ", types));
    }
    for (SecurityGroupPolicy p : policies) {
      out.add(new SgpNodeProblem(p, true, String.join("; ", groups), nodeGroups.get(0).getLocation()));
    }
  }

  /** The instance types of a node group; null when unknown. */
  private List<String> instanceTypes(NodeGroup g) {
    if (!g.isInstanceTypesKnown()) {
      return null;
    }
    if (!g.getInstanceTypes().isEmpty()) {
      return g.getInstanceTypes();
    }
    LaunchTemplate lt = launchTemplate(g);
    if (lt != null && lt.getInstanceType() != null) {
      return List.of(lt.getInstanceType());
    }
    return g.hasLaunchTemplate() ? null : List.of(NodeGroup.DEFAULT_INSTANCE_TYPE);
  }

  private LaunchTemplate launchTemplate(NodeGroup g) {
    String a = g.getLaunchTemplate().single();
    return a != null && byKey.get(TerraformResource.key(g.getFile(), a)) instanceof LaunchTemplate lt ? lt : null;
  }

  // ---- load balancer subnets ----

  private void loadBalancerSubnets(List<Object> out) {
    Vpc v = vpc(vpcKey);
    List<Subnet> inVpc = new ArrayList<>();
    if (vpcKey != null) {
      for (Subnet s : subnets) {
        if (vpcKey.equals(vpcKeyOf(s, s.getVpc()))) {
          inVpc.add(s);
        }
      }
    }
    Set<String> groupsWithSubnets = new HashSet<>();
    for (AlbIngress a : albs) {
      String group = a.getIngress().albAnnotation("group.name");
      if (group != null && a.getIngress().albAnnotation("subnets") != null) {
        groupsWithSubnets.add(group.trim());
      }
    }
    Set<Ingress> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (AlbIngress a : albs) {
      Ingress i = a.getIngress();
      if (!seen.add(i)) {
        continue;
      }
      String scheme = scheme(i.albAnnotation("scheme"));
      String key = Ingress.ALB_PREFIX + "subnets";
      if (i.annotation(key) != null) {
        subnetAnnotation(i, key, scheme, true, out);
        continue;
      }
      String group = i.albAnnotation("group.name");
      if (v == null || inVpc.isEmpty() || hasClassParameters(i) || (group != null && groupsWithSubnets.contains(group.trim()))) {
        continue;
      }
      Location loc = i.albAnnotation("scheme") != null ? i.annotationLocation(Ingress.ALB_PREFIX + "scheme")
          : i.classLocation();
      discover(i, "ALB", scheme, 2, loc, v, inVpc, out);
    }
    for (Service s : services) {
      if (!s.isLbcNlb()) {
        continue;
      }
      String scheme = scheme(s.annotation(NLB_PREFIX + "scheme"));
      if (s.annotation(NLB_PREFIX + "subnets") != null) {
        subnetAnnotation(s, NLB_PREFIX + "subnets", scheme, false, out);
        continue;
      }
      if (v == null || inVpc.isEmpty()
          || (s.annotation(NLB_PREFIX + "scheme") == null && s.annotation(NLB_PREFIX + "internal") != null)) {
        continue;
      }
      Location loc = s.annotation(NLB_PREFIX + "scheme") != null ? s.annotationLocation(NLB_PREFIX + "scheme")
          : s.getLoadBalancerClass() != null ? s.at("spec", "loadBalancerClass")
          : s.annotationLocation(Service.LB_TYPE);
      discover(s, "NLB", scheme, 1, loc, v, inVpc, out);
    }
  }

  private static String scheme(String annotation) {
    return annotation == null ? "internal" : annotation.trim().toLowerCase(Locale.ROOT);
  }

  /** True when the Ingress's class takes parameters (IngressClassParams can set scheme and subnets). */
  private boolean hasClassParameters(Ingress i) {
    String name = i.getIngressClassName() != null ? i.getIngressClassName() : i.getClassAnnotation();
    IngressClass c = name == null ? null : ingressClasses.get(name);
    if (name == null) {
      c = ingressClasses.values().stream().filter(IngressClass::isDefaultClass).findFirst().orElse(null);
    }
    return c != null && Tree.path(c.getRoot(), "spec", "parameters") != null;
  }

  /** True when the subnet is tagged for another cluster and not for this one. */
  private boolean otherCluster(Subnet s) {
    if (clusterName == null) {
      return false;
    }
    boolean tagged = false;
    for (String k : s.getTags().keySet()) {
      if (k.startsWith("kubernetes.io/cluster/")) {
        tagged = true;
        if (k.equals("kubernetes.io/cluster/" + clusterName)) {
          return false;
        }
      }
    }
    return tagged;
  }

  static boolean hasRoleTag(Subnet s, String tag) {
    String v = s.getTags().get(tag);
    return v != null && (v.isEmpty() || v.equals("1"));
  }

  /** What discovery finds per scheme and required zones; "" when enough. Same for every object. */
  private final Map<String, String> discovered = new HashMap<>();

  private void discover(
      K8sObject o, String kind, String scheme, int required, Location loc, Vpc v, List<Subnet> inVpc, List<Object> out) {
    if (!scheme.equals("internal") && !scheme.equals("internet-facing")) {
      return;
    }
    String found = discovered.computeIfAbsent(scheme + "/" + required, k -> shortfall(scheme, required, inVpc));
    if (!found.isEmpty()) {
      out.add(new LbSubnetDiscovery(o, kind, scheme, loc, v, tag(scheme), found, required));
    }
  }

  private static String tag(String scheme) {
    return scheme.equals("internet-facing") ? ELB_TAG : INTERNAL_ELB_TAG;
  }

  /** What discovery finds when it is too little, else "" (enough, or not known from the scan). */
  private String shortfall(String scheme, int required, List<Subnet> inVpc) {
    boolean internet = scheme.equals("internet-facing");
    String tag = internet ? ELB_TAG : INTERNAL_ELB_TAG;
    List<Subnet> tagged = new ArrayList<>();
    for (Subnet s : inVpc) {
      if (hasRoleTag(s, tag) && !otherCluster(s)) {
        tagged.add(s);
      }
    }
    String found;
    if (!tagged.isEmpty()) {
      Set<String> azs = azs(tagged);
      if (azs == null || azs.size() >= required) {
        return "";
      }
      found = "only " + describe(tagged) + ", in " + azs.size() + (azs.size() == 1 ? " availability zone" : " zones");
    } else {
      // no subnet carries the tag: controller 2.12.1+ falls back on the route to an internet gateway
      List<Subnet> byRoute = new ArrayList<>();
      for (Subnet s : inVpc) {
        SubnetRouting r = routing.get(s.getKey());
        if (r == null || !r.isKnown()) {
          return "";
        }
        if (!otherCluster(s) && r.isPublicRoute() == internet) {
          byRoute.add(s);
        }
      }
      Set<String> azs = azs(byRoute);
      if (azs == null || azs.size() >= required) {
        return "";
      }
      found = "no subnet is tagged " + tag + ", and the controllers that fall back on routes (2.12.1 and later) find "
          + (byRoute.isEmpty() ? "no " + (internet ? "public" : "private") + " subnet either"
              : "only " + describe(byRoute) + " by " + (internet ? "its route to an internet gateway" : "its routes"));
    }
    return found;
  }

  /** The distinct AZs, or null when one is unknown. */
  private static Set<String> azs(List<Subnet> subs) {
    Set<String> azs = new TreeSet<>();
    for (Subnet s : subs) {
      if (s.getAvailabilityZone() == null) {
        return null;
      }
      azs.add(s.getAvailabilityZone());
    }
    return azs;
  }

  private static String describe(List<Subnet> subs) {
    List<String> d = new ArrayList<>();
    for (Subnet s : subs) {
      d.add(s.describe());
    }
    return String.join(", ", d);
  }

  private void subnetAnnotation(K8sObject o, String key, String scheme, boolean alb, List<Object> out) {
    List<String> entries = new ArrayList<>();
    for (String e : o.annotation(key).split(",")) {
      if (!e.isBlank()) {
        entries.add(e.trim());
      }
    }
    Map<String, Subnet> resolved = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String e : entries) {
      Subnet s = subnetById.get(e);
      if (s == null) {
        List<Subnet> named = subnetsByName.getOrDefault(e, List.of());
        s = named.size() == 1 ? named.get(0) : null;
        if (named.size() > 1) {
          ambiguous.add(e); // several subnets carry the name: which one is meant cannot be told
        }
      }
      if (s != null) {
        resolved.put(e, s);
      }
    }
    if (resolved.isEmpty()) {
      return;
    }
    Subnet first = resolved.values().iterator().next();
    for (String e : entries) {
      Subnet s = resolved.get(e);
      if (s == null && ambiguous.contains(e)) {
        continue;
      }
      if (s == null) {
        out.add(new LbSubnetAnnotation(o, "unknown", key, e,
            "the other entries are (" + describe(new ArrayList<>(resolved.values())) + ")", first));
        continue;
      }
      String subnetVpc = vpcKeyOf(s, s.getVpc());
      if (differentVpc(subnetVpc, vpcKey)) {
        out.add(new LbSubnetAnnotation(o, "otherVpc", key, e,
            s.describe() + " belongs to " + describeVpc(subnetVpc) + ", not to the cluster's VPC " + describeVpc(vpcKey), s));
        continue;
      }
      SubnetRouting r = routing.get(s.getKey());
      if (scheme.equals("internet-facing") && r != null && r.isKnown() && !r.isPublicRoute()) {
        out.add(new LbSubnetAnnotation(o, "private", key, e, s.describe() + " has no route to an internet gateway in "
            + r.describeRouteTable(), s));
      }
    }
    if (alb && resolved.size() == entries.size()) {
      Map<String, List<Subnet>> byAz = new LinkedHashMap<>();
      for (Subnet s : resolved.values()) {
        if (s.getAvailabilityZone() == null) {
          return;
        }
        byAz.computeIfAbsent(s.getAvailabilityZone(), k -> new ArrayList<>()).add(s);
      }
      for (List<Subnet> same : byAz.values()) {
        if (same.size() > 1) {
          out.add(new LbSubnetAnnotation(o, "az", key, String.join(",", entries),
              describe(same) + " are in the same availability zone, and an ALB takes one subnet per zone", same.get(1)));
          return;
        }
      }
      if (byAz.size() < 2) {
        out.add(new LbSubnetAnnotation(o, "az", key, String.join(",", entries),
            "they are all in " + byAz.keySet().iterator().next() + ", and an ALB needs subnets in at least two"
                + " availability zones", first));
      }
    }
  }

  // ---- pods, nodes and their security groups ----

  /** Where pod or node traffic comes from: a description, security groups and address ranges. */
  private record Identity(String description, Set<String> groups, boolean complete, List<Cidr> cidrs, boolean nodes) {
    SgIndex.Source source() {
      return new SgIndex.Source(groups, complete, cidrs);
    }
  }

  private List<Identity> nodeIdentities;

  /** One identity per node group: its launch template's groups, else the cluster group. */
  private List<Identity> nodeIdentities() {
    if (nodeIdentities != null) {
      return nodeIdentities;
    }
    List<Identity> out = new ArrayList<>();
    for (NodeGroup g : nodeGroups) {
      Set<String> groups = new LinkedHashSet<>();
      boolean complete = true;
      LaunchTemplate lt = launchTemplate(g);
      if (lt != null && !lt.getSecurityGroups().isEmpty()) {
        groups.addAll(sgs.keys(lt, lt.getSecurityGroups()));
        complete = !lt.getSecurityGroups().unresolved();
      } else if (g.hasLaunchTemplate() && lt == null) {
        complete = false; // the launch template is not in the scan
      } else if (cluster != null && cluster.getClusterSecurityGroupId() != null) {
        groups.add(sgs.keyOfId(cluster.getClusterSecurityGroupId()));
      } else {
        complete = false; // the cluster security group, id unknown until apply
      }
      List<Subnet> subs = allSubnetsOf(g);
      List<Cidr> cidrs = new ArrayList<>();
      if (subs != null && subs.stream().allMatch(s -> s.getCidr() != null)) {
        subs.forEach(s -> cidrs.add(s.getCidr()));
      }
      String d = g.describe() + ": security groups " + describeGroups(groups, complete)
          + (cidrs.isEmpty() ? "" : " and subnets " + describeCidrs(cidrs));
      out.add(new Identity(d, groups, complete, cidrs, true));
    }
    nodeIdentities = out;
    return out;
  }

  private String describeGroups(Set<String> groups, boolean complete) {
    List<String> d = new ArrayList<>();
    groups.forEach(k -> d.add(sgs.describe(k)));
    if (!complete) {
      d.add(groups.isEmpty() ? "not known from the scan" : "others not known from the scan");
    }
    return String.join(", ", d);
  }

  private static String describeCidrs(List<Cidr> cidrs) {
    List<String> d = new ArrayList<>();
    cidrs.forEach(c -> d.add(c.toString()));
    return String.join(", ", d);
  }

  private List<Identity> eniIdentities;

  /** One identity per ENIConfig: its groups (else the nodes') and its subnet's range. */
  private List<Identity> eniIdentities() {
    if (eniIdentities != null) {
      return eniIdentities;
    }
    List<Identity> out = new ArrayList<>();
    for (EniConfig e : eniConfigs) {
      Set<String> groups = new LinkedHashSet<>();
      boolean complete = true;
      if (e.getSecurityGroups().isEmpty()) {
        for (Identity n : nodeIdentities()) { // CNI 1.8+: the primary ENI's groups
          groups.addAll(n.groups());
          complete &= n.complete();
        }
      } else {
        for (String id : e.getSecurityGroups()) {
          groups.add(sgs.keyOfId(id.trim()));
          complete &= SG_ID.matcher(id.trim()).matches();
        }
      }
      Subnet s = eniSubnets.get(e);
      List<Cidr> cidrs = s == null || s.getCidr() == null ? List.of() : List.of(s.getCidr());
      String d = "ENIConfig " + e.getName() + ": security groups " + describeGroups(groups, complete)
          + (cidrs.isEmpty() ? "" : " and subnet " + describeCidrs(cidrs));
      out.add(new Identity(d, groups, complete, cidrs, false));
    }
    eniIdentities = out;
    return out;
  }

  /** The pod subnets' ranges: ENIConfig subnets with custom networking, else node subnets. */
  private List<Cidr> podRanges() {
    List<Cidr> out = new ArrayList<>();
    List<Identity> from = cni != null && cni.isCustomNetworking() ? eniIdentities() : nodeIdentities();
    for (Identity i : from) {
      if (i.cidrs().isEmpty()) {
        return List.of();
      }
      out.addAll(i.cidrs());
    }
    return out;
  }

  /**
   * The identities pods of this workload may have: a SecurityGroupPolicy's groups, else the
   * ENIConfigs' (custom networking), else the nodes'. Null when a policy that selects by service
   * account may apply (its pods cannot be told).
   */
  private List<Identity> podIdentities(Workload w, String ns) {
    if (cni != null && !cni.isKnown()) {
      return null; // custom networking may be on in configuration values unknown until apply
    }
    for (SecurityGroupPolicy p : policiesByNs.getOrDefault(ns, List.of())) {
      if (w == null || p.hasServiceAccountSelector()) {
        return null;
      }
      if (!p.getPodSelector().isNone() && p.getPodSelector().matches(w.getPodLabels())) {
        Set<String> groups = new LinkedHashSet<>();
        boolean complete = true;
        for (String id : p.getGroupIds()) {
          groups.add(sgs.keyOfId(id.trim()));
          complete &= SG_ID.matcher(id.trim()).matches();
        }
        if (groups.isEmpty()) {
          return null;
        }
        List<Cidr> cidrs = podRanges();
        return List.of(new Identity(p.getDisplayName() + ": security groups " + describeGroups(groups, complete)
            + (cidrs.isEmpty() ? "" : " and pod subnets " + describeCidrs(cidrs)), groups, complete, cidrs, false));
      }
    }
    return cni != null && cni.isCustomNetworking() ? eniIdentities() : nodeIdentities();
  }

  /** NO when every identity is refused, UNKNOWN when one may be admitted, YES when one is. */
  private SgIndex.Verdict admitsAll(List<String> targets, List<Identity> ids, int from, int to) {
    if (ids == null || ids.isEmpty()) {
      return SgIndex.Verdict.UNKNOWN;
    }
    SgIndex.Verdict result = SgIndex.Verdict.NO;
    for (Identity i : ids) {
      SgIndex.Verdict v = sgs.admitsAny(targets, i.source(), from, to);
      if (v == SgIndex.Verdict.YES) {
        return v;
      }
      if (v == SgIndex.Verdict.UNKNOWN) {
        result = v;
      }
    }
    return result;
  }

  // ---- load balancer security groups ----

  private void loadBalancerGroups(List<Object> out) {
    if (nodeGroups.isEmpty()) {
      return;
    }
    Map<AlbIngress, List<BackendRef>> byAlb = new LinkedHashMap<>();
    for (BackendRef b : backendRefs) {
      if (b.getAlb() != null && b.getService() != null && b.getPort() != null) {
        byAlb.computeIfAbsent(b.getAlb(), k -> new ArrayList<>()).add(b);
      }
    }
    for (Map.Entry<AlbIngress, List<BackendRef>> e : byAlb.entrySet()) {
      Ingress i = e.getKey().getIngress();
      String key = Ingress.ALB_PREFIX + "security-groups";
      if (i.annotation(key) == null || "true".equalsIgnoreCase(trim(i.albAnnotation("manage-backend-security-group-rules")))) {
        continue;
      }
      for (BackendRef b : e.getValue()) {
        if (backendGap(i, key, b.getTargetType(), b.getService(), b.getPort(), out)) {
          break;
        }
      }
    }
    for (Service s : services) {
      String key = NLB_PREFIX + "security-groups";
      if (!s.isLbcNlb() || s.annotation(key) == null
          || !"false".equalsIgnoreCase(trim(s.annotation(NLB_PREFIX + "manage-backend-security-group-rules")))) {
        continue;
      }
      for (Service.Port p : s.getPorts()) {
        if (backendGap(s, key, s.getLoadBalancerTargetType(), s, p, out)) {
          break;
        }
      }
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /** Adds a gap when no target identity admits the load balancer's groups; true when added. */
  private boolean backendGap(K8sObject lb, String key, String targetType, Service svc, Service.Port port, List<Object> out) {
    Set<String> lbGroups = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    boolean inScan = false;
    for (String e : lb.annotation(key).split(",")) {
      String v = e.trim();
      if (v.isEmpty()) {
        continue;
      }
      SecurityGroup g = sgs.byIdOrName(v);
      if (g != null) {
        lbGroups.add(SgIndex.key(g, g.getAddress()));
        names.add(g.getAddress());
        inScan = true;
      } else if (SG_ID.matcher(v).matches()) {
        lbGroups.add(sgs.keyOfId(v));
        names.add(v);
      } else {
        return false; // a group name the scan does not hold: its id is unknown
      }
    }
    if (!inScan) {
      return false;
    }
    List<Cidr> vpcRanges = new ArrayList<>();
    Vpc v = vpc(vpcKey);
    if (v != null && v.getCidr() != null) {
      vpcRanges.add(v.getCidr());
      vpcRanges.addAll(secondaryByVpc.getOrDefault(vpcKey, List.of()));
    }
    SgIndex.Source source = new SgIndex.Source(lbGroups, true, vpcRanges);
    List<Identity> targets;
    int from;
    int to;
    String ports;
    String what;
    if ("ip".equals(targetType)) {
      ServiceBackends b = backends.get(svc);
      if (b == null || b.getWorkloads().isEmpty()) {
        return false;
      }
      Workload w = b.getWorkloads().get(0);
      int n = containerPort(w, port);
      if (n <= 0) {
        return false;
      }
      targets = podIdentities(w, w.getNamespace());
      from = n;
      to = n;
      ports = "TCP " + n;
      what = "ip targets (the pods of " + w.getDisplayName() + ")";
    } else if ("instance".equals(targetType)) {
      targets = nodeIdentities();
      if (port.nodePort() != null) {
        from = port.nodePort();
        to = from;
        ports = "TCP " + from + " (the Service's nodePort)";
      } else {
        from = NODE_PORT_MIN;
        to = NODE_PORT_MAX;
        ports = "TCP " + from + "-" + to + " (the NodePort range)";
      }
      what = "instance targets (the nodes)";
    } else {
      return false;
    }
    if (targets == null || targets.isEmpty()) {
      return false;
    }
    for (Identity t : targets) {
      if (!t.complete() || sgs.admitsAny(new ArrayList<>(t.groups()), source, from, to) != SgIndex.Verdict.NO) {
        return false;
      }
    }
    Location related = null;
    List<String> described = new ArrayList<>();
    for (Identity t : targets) {
      described.add(t.description());
      for (String g : t.groups()) {
        SecurityGroup sg = sgs.group(g);
        if (related == null && sg != null) {
          related = sg.getLocation();
        }
      }
    }
    if (related == null && !nodeGroups.isEmpty()) {
      related = nodeGroups.get(0).getLocation();
    }
    out.add(new LbBackendAccessGap(lb, key, String.join(", ", names), what, ports, String.join("; ", described), related));
    return true;
  }

  /** The container port a Service port sends to on this workload; -1 when it cannot be told. */
  static int containerPort(Workload w, Service.Port p) {
    if (!p.isNamedTarget()) {
      return p.targetPortNumber();
    }
    for (io.eksnet.model.Container c : w.getContainers()) {
      for (io.eksnet.model.Container.Port cp : c.ports()) {
        if (p.targetPort().equals(cp.name())) {
          return cp.number();
        }
      }
    }
    return -1;
  }

  // ---- databases ----

  /** Where the manifests name a database host: the object, the line, and the workload if known. */
  private record DbUse(K8sObject object, Location location, Workload workload, String what) {}

  private void databases(List<Object> out) {
    if (databases.isEmpty() || nodeGroups.isEmpty()) {
      return;
    }
    Map<String, List<DbUse>> uses = new HashMap<>();
    for (Workload w : workloads) {
      for (io.eksnet.model.Container c : w.getContainers()) {
        for (Map.Entry<String, String> e : c.env().entrySet()) {
          for (String id : rdsIdentifiers(e.getValue())) {
            uses.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new DbUse(w, w.envAt(e.getKey()), w, w.getDisplayName() + " (env " + e.getKey() + ")"));
          }
        }
      }
    }
    for (ConfigMap cm : configMaps) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(cm.getData()).entrySet()) {
        for (String id : rdsIdentifiers(e.getValue())) {
          uses.computeIfAbsent(id, k -> new ArrayList<>())
              .add(new DbUse(cm, cm.at("data", e.getKey()), null, cm.getDisplayName() + " (" + e.getKey() + ")"));
        }
      }
    }
    for (Service s : services) {
      String ext = Tree.text(Tree.path(s.getRoot(), "spec", "externalName"));
      if ("ExternalName".equals(s.getType()) && ext != null) {
        for (String id : rdsIdentifiers(ext)) {
          uses.computeIfAbsent(id, k -> new ArrayList<>())
              .add(new DbUse(s, s.at("spec", "externalName"), null, s.getDisplayName() + " (externalName)"));
        }
      }
    }
    if (uses.isEmpty()) {
      return;
    }
    for (DbInstance db : databases) {
      List<DbUse> u = db.getIdentifier() == null ? null : uses.get(db.getIdentifier().toLowerCase(Locale.ROOT));
      Integer port = db.getPort() != null ? db.getPort() : defaultPort(db.getEngine());
      TfRefs groups = db.getSecurityGroups();
      if (u == null || port == null || groups.isEmpty() || groups.unresolved() || differentVpc(dbVpc(db), vpcKey)) {
        continue;
      }
      List<String> targets = sgs.keys(db, groups);
      Map<String, List<DbUse>> bySources = new LinkedHashMap<>();
      Map<String, String> hints = new HashMap<>();
      for (DbUse use : u) {
        // a ConfigMap or ExternalName Service in a namespace with policies: which pods connect is unknown
        List<Identity> ids = podIdentities(use.workload(), use.object().getNamespace());
        if (admitsAll(targets, ids, port, port) != SgIndex.Verdict.NO) {
          continue;
        }
        List<String> d = new ArrayList<>();
        ids.forEach(i -> d.add(i.description()));
        String sources = String.join("; ", d);
        bySources.computeIfAbsent(sources, k -> new ArrayList<>()).add(use);
        if (!ids.get(0).nodes() && admitsAll(targets, nodeIdentities(), port, port) == SgIndex.Verdict.YES) {
          hints.put(sources, " They admit the node security groups or subnets, but "
              + (ids.get(0).description().startsWith("ENIConfig")
                  ? "with custom networking pods connect from their ENIConfig subnets and security groups."
                  : "pods with a SecurityGroupPolicy connect with the policy's security groups on a branch ENI."));
        }
      }
      List<String> dbGroups = new ArrayList<>();
      targets.forEach(t -> dbGroups.add(sgs.describe(t)));
      TerraformResource first = sgs.group(targets.get(0));
      for (Map.Entry<String, List<DbUse>> e : bySources.entrySet()) {
        List<String> clients = new ArrayList<>();
        for (DbUse use : e.getValue()) {
          if (clients.size() == 3) {
            clients.add("and " + (e.getValue().size() - 3) + " more");
            break;
          }
          clients.add(use.what());
        }
        out.add(new DbAccessGap(db, first, String.join(", ", dbGroups), port, String.join(", ", clients),
            e.getValue().get(0).location(), e.getKey(), hints.getOrDefault(e.getKey(), "")));
      }
    }
  }

  /** The identifiers of RDS endpoint host names in a value ({@code mydb.abc123.eu-west-1.rds...}). */
  static List<String> rdsIdentifiers(String value) {
    if (value == null || !value.contains(".rds.amazonaws.com")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = RDS_HOST.matcher(value.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** The engine's default port; null for engines without a known one. */
  static Integer defaultPort(String engine) {
    if (engine == null) {
      return null;
    }
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.startsWith("postgres") || e.equals("aurora-postgresql")) {
      return 5432;
    }
    if (e.equals("mysql") || e.equals("mariadb") || e.equals("aurora") || e.equals("aurora-mysql")) {
      return 3306;
    }
    if (e.startsWith("oracle")) {
      return 1521;
    }
    if (e.startsWith("sqlserver")) {
      return 1433;
    }
    if (e.startsWith("db2")) {
      return 50000;
    }
    return null;
  }

  /** The VPC of a database's subnet group, or null. */
  private String dbVpc(DbInstance db) {
    String a = db.getSubnetGroup().single();
    if (a == null || !(byKey.get(TerraformResource.key(db.getFile(), a)) instanceof DbSubnetGroup g)) {
      return null;
    }
    for (String s : g.getSubnets().addresses()) {
      if (byKey.get(TerraformResource.key(g.getFile(), s)) instanceof Subnet sub) {
        return vpcKeyOf(sub, sub.getVpc());
      }
    }
    return null;
  }
}
