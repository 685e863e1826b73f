package io.eksnet.relate.cluster;

import io.eksnet.model.AutoModeNodeClass;
import io.eksnet.model.ChartInstall;
import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ClusterEndpointAccess;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.HelmRelease;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.KarpenterNodePool;
import io.eksnet.model.Location;
import io.eksnet.model.NetworkPluginObject;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import io.eksnet.model.Workload;
import io.eksnet.relate.RelationProvider;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.terraform.CniConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cluster-wide facts: which network policy engines the scan shows ({@link PolicyEngine}), whether
 * the VPC CNI enforces network policies ({@link VpcCniNetworkPolicy}), and the NetworkPolicies of
 * each namespace ({@link NamespacePolicies}).
 */
public final class ClusterFacts {

  private ClusterFacts() {}

  /** The container of the VPC CNI's network policy agent in the aws-node DaemonSet. */
  static final String NODE_AGENT = "aws-eks-nodeagent";

  public static final List<RelationProvider> PROVIDERS =
      List.of(
          RelationProvider.of(
              "eks-auto-mode",
              Set.of(
                  EksCluster.class,
                  NodeGroup.class,
                  EksAddon.class,
                  KarpenterNodePool.class,
                  AutoModeNodeClass.class,
                  IngressClass.class,
                  IngressClassParams.class,
                  Service.class),
              Set.of(EksAutoMode.class),
              (in, out) ->
                  autoMode(
                      in.all(EksCluster.class),
                      clusterNames(
                          in.all(EksCluster.class),
                          in.all(NodeGroup.class),
                          in.all(EksAddon.class)),
                      in.all(KarpenterNodePool.class),
                      in.all(AutoModeNodeClass.class),
                      in.all(IngressClass.class),
                      in.all(IngressClassParams.class),
                      in.all(Service.class),
                      out)),
          RelationProvider.of(
              "policy-engines",
              Set.of(
                  Workload.class,
                  CiliumPolicy.class,
                  NetworkPluginObject.class,
                  HelmRelease.class,
                  ChartInstall.class),
              Set.of(PolicyEngine.class),
              (in, out) ->
                  policyEngines(
                      in.all(Workload.class),
                      in.all(CiliumPolicy.class),
                      in.all(NetworkPluginObject.class),
                      in.all(HelmRelease.class),
                      in.all(ChartInstall.class),
                      out)),
          RelationProvider.of(
              "namespace-policies",
              Set.of(NetworkPolicy.class),
              Set.of(NamespacePolicies.class),
              (in, out) -> namespacePolicies(in.all(NetworkPolicy.class), out)),
          RelationProvider.of(
              "cluster-vpcs",
              Set.of(ClusterEndpointAccess.class, Vpc.class),
              Set.of(ClusterVpc.class),
              (in, out) ->
                  clusterVpcs(in.all(ClusterEndpointAccess.class), in.all(Vpc.class), out)),
          RelationProvider.of(
              "cluster-subnets",
              Set.of(EksCluster.class, Subnet.class),
              Set.of(ClusterSubnets.class),
              (in, out) -> clusterSubnets(in.all(EksCluster.class), in.all(Subnet.class), out)),
          RelationProvider.of(
              "lb-schemes",
              Set.of(AlbIngress.class, Service.class, EksAutoMode.class),
              Set.of(LbScheme.class),
              (in, out) ->
                  lbSchemes(
                      in.all(AlbIngress.class),
                      in.all(Service.class),
                      !in.all(EksAutoMode.class).isEmpty(),
                      out)),
          RelationProvider.of(
              "security-group-policy-pods",
              Set.of(SecurityGroupPolicy.class, Workload.class),
              Set.of(SecurityGroupPolicyPods.class),
              (in, out) -> sgpPods(in.all(SecurityGroupPolicy.class), in.all(Workload.class), out)),
          RelationProvider.of(
              "vpc-cni-network-policy",
              Set.of(
                  CniConfig.class,
                  ConfigMap.class,
                  EksCluster.class,
                  NodeGroup.class,
                  EksAddon.class,
                  EksAutoMode.class),
              Set.of(VpcCniNetworkPolicy.class),
              (in, out) -> {
                List<EksAutoMode> auto = in.all(EksAutoMode.class);
                VpcCniNetworkPolicy p =
                    auto.isEmpty()
                        ? vpcCniNetworkPolicy(
                            in.one(CniConfig.class),
                            in.all(ConfigMap.class),
                            clusterNames(
                                in.all(EksCluster.class),
                                in.all(NodeGroup.class),
                                in.all(EksAddon.class)))
                        : autoModeNetworkPolicy(in.all(ConfigMap.class), auto.get(0));
                if (p != null) {
                  out.add(p);
                }
              }));

  /** The evidence of EKS Auto Mode, in a fixed order (Terraform first, then the manifests). */
  static void autoMode(
      List<EksCluster> clusters,
      Set<String> clusterNames,
      List<KarpenterNodePool> nodePools,
      List<AutoModeNodeClass> nodeClasses,
      List<IngressClass> ingressClasses,
      List<IngressClassParams> params,
      List<Service> services,
      List<Object> out) {
    if (clusterNames.size() <= 1) { // one cluster's Terraform: the manifests' cluster
      for (EksCluster c : clusters) {
        if (c.isAutoMode()) {
          out.add(
              new EksAutoMode(
                  c.getAddress() + " sets compute_config enabled", c.at("compute_config")));
        }
      }
    }
    for (KarpenterNodePool p : nodePools) {
      if (p.isAutoModeNodeClassRef()) {
        out.add(
            new EksAutoMode(
                "NodePool " + p.getName() + " names an eks.amazonaws.com NodeClass",
                p.at("spec", "template", "spec", "nodeClassRef")));
      }
    }
    for (AutoModeNodeClass c : nodeClasses) {
      out.add(
          new EksAutoMode(
              "NodeClass " + c.getName() + " is eks.amazonaws.com/v1", c.getLocation()));
    }
    for (IngressClass c : ingressClasses) {
      if (c.isAutoMode()) {
        out.add(
            new EksAutoMode(
                c.getDisplayName() + " has controller eks.amazonaws.com/alb",
                c.at("spec", "controller")));
      }
    }
    for (IngressClassParams p : params) {
      if (p.isAutoMode()) {
        out.add(new EksAutoMode(p.getDisplayName() + " is eks.amazonaws.com/v1", p.getLocation()));
      }
    }
    for (Service s : services) {
      if (s.isAutoModeNlb()) {
        out.add(
            new EksAutoMode(
                s.getDisplayName() + " has loadBalancerClass eks.amazonaws.com/nlb",
                s.at("spec", "loadBalancerClass")));
      }
    }
  }

  /**
   * Whether EKS Auto Mode enforces NetworkPolicies: its network policy controller runs when the
   * {@code amazon-vpc-cni} ConfigMap of {@code kube-system} sets {@code
   * enable-network-policy-controller: "true"}; a NodeClass's {@code networkPolicy} only chooses
   * what pods no policy selects get. The VPC CNI add-on's and the aws-node DaemonSet's settings do
   * not apply to Auto Mode nodes. No fact without that ConfigMap in the scan (it may be applied
   * from elsewhere).
   */
  static VpcCniNetworkPolicy autoModeNetworkPolicy(List<ConfigMap> configMaps, EksAutoMode auto) {
    for (ConfigMap m : configMaps) {
      if ("amazon-vpc-cni".equals(m.getName()) && "kube-system".equals(m.getNamespace())) {
        String v = m.getData().get("enable-network-policy-controller");
        String setting =
            (v == null
                    ? "enable-network-policy-controller unset in " + m.getDisplayName()
                    : "enable-network-policy-controller: \""
                        + v.trim()
                        + "\" in "
                        + m.getDisplayName())
                + "; EKS Auto Mode, as "
                + auto.evidence();
        return new VpcCniNetworkPolicy(
            isTrue(v),
            setting,
            v == null ? m.at("data") : m.at("data", "enable-network-policy-controller"),
            true);
      }
    }
    return null;
  }

  /** The VPC of each cluster whose endpoint access and VPC the scan holds. */
  static void clusterVpcs(List<ClusterEndpointAccess> access, List<Vpc> vpcs, List<Object> out) {
    Map<String, Vpc> byKey = new HashMap<>();
    Map<String, Vpc> byId = new HashMap<>();
    for (Vpc v : vpcs) {
      byKey.put(v.getKey(), v);
      if (v.getId() != null) {
        byId.putIfAbsent(v.getId(), v);
      }
    }
    for (ClusterEndpointAccess a : access) {
      TfRefs refs = a.cluster().getVpc();
      Vpc vpc = null;
      if (refs.addresses().size() == 1 && refs.external().isEmpty()) {
        vpc = byKey.get(TerraformResource.key(a.cluster().getFile(), refs.addresses().get(0)));
      } else if (refs.addresses().isEmpty() && refs.external().size() == 1) {
        vpc = byId.get(refs.external().get(0));
      }
      if (vpc != null) {
        out.add(
            new ClusterVpc(
                a,
                vpc,
                bool(vpc.getValues(), "enable_dns_support"),
                bool(vpc.getValues(), "enable_dns_hostnames")));
      }
    }
  }

  /** The subnets of each cluster, resolved by address (in its file) or by id. */
  static void clusterSubnets(List<EksCluster> clusters, List<Subnet> subnets, List<Object> out) {
    Map<String, Subnet> byKey = new HashMap<>();
    Map<String, Subnet> byId = new HashMap<>();
    for (Subnet s : subnets) {
      byKey.put(s.getKey(), s);
      if (s.getId() != null) {
        byId.putIfAbsent(s.getId(), s);
      }
    }
    for (EksCluster c : clusters) {
      TfRefs refs = c.getSubnets();
      if (refs.isEmpty()) {
        continue;
      }
      List<Subnet> found = new ArrayList<>();
      boolean complete = !refs.unresolved();
      for (String a : refs.addresses()) {
        Subnet s = byKey.get(TerraformResource.key(c.getFile(), a));
        if (s == null) {
          complete = false;
        } else if (!found.contains(s)) {
          found.add(s);
        }
      }
      for (String id : refs.external()) {
        Subnet s = byId.get(id);
        if (s == null) {
          complete = false;
        } else if (!found.contains(s)) {
          found.add(s);
        }
      }
      for (Subnet s : found) {
        if (s.getAvailabilityZone() == null) {
          complete = false;
        }
      }
      out.add(new ClusterSubnets(c, found, complete));
    }
  }

  /** The workloads each SecurityGroupPolicy selects (policies are few: one pass each). */
  static void sgpPods(
      List<SecurityGroupPolicy> policies, List<Workload> workloads, List<Object> out) {
    Map<String, List<Workload>> byNs = new HashMap<>();
    for (Workload w : workloads) {
      byNs.computeIfAbsent(w.getNamespace(), k -> new ArrayList<>()).add(w);
    }
    for (SecurityGroupPolicy p : policies) {
      List<Workload> selected = new ArrayList<>();
      if (!p.getPodSelector().isNone()) {
        for (Workload w : byNs.getOrDefault(p.getNamespace(), List.of())) {
          if (p.getPodSelector().matches(w.getPodLabels())) {
            selected.add(w);
          }
        }
      }
      out.add(new SecurityGroupPolicyPods(p, selected));
    }
  }

  private static final String NLB_ANNOTATION = "service.beta.kubernetes.io/";

  /** The scheme and source ranges of the ALBs and NLBs the AWS Load Balancer Controller makes. */
  static void lbSchemes(
      List<AlbIngress> albs, List<Service> services, boolean autoMode, List<Object> out) {
    for (AlbIngress a : albs) {
      if (a.isClassParamsUnresolved() || a.isAutoMode()) {
        // params the scan lacks may set the scheme; EKS Auto Mode's default is not documented
        continue;
      }
      Ingress i = a.getIngress();
      IngressClassParams params = a.getParams();
      String scheme = params != null && params.getScheme() != null ? params.getScheme() : null;
      if (scheme == null) {
        scheme = i.albAnnotation("scheme");
      }
      boolean grouped =
          i.albAnnotation("group.name") != null
              || (params != null && params.getGroupName() != null);
      List<String> ranges = List.of();
      String field = null;
      Location where = null;
      List<String> fromParams =
          params == null ? List.of() : strings(Tree.path(params.getRoot(), "spec", "inboundCIDRs"));
      if (!fromParams.isEmpty()) {
        ranges = fromParams;
        field = "spec.inboundCIDRs of " + params.getDisplayName();
        where = params.at("spec", "inboundCIDRs");
      } else if (i.albAnnotation("inbound-cidrs") != null) {
        ranges = csv(i.albAnnotation("inbound-cidrs"));
        field = "alb.ingress.kubernetes.io/inbound-cidrs";
        where = i.annotationLocation("alb.ingress.kubernetes.io/inbound-cidrs");
      }
      out.add(new LbScheme(i, "ALB", trimmed(scheme), grouped, ranges, field, where));
    }
    for (Service s : services) {
      if (!s.isLoadBalancer() || !s.isLbcNlb()) {
        continue;
      }
      if (autoMode && s.getLoadBalancerClass() == null) {
        continue; // in EKS Auto Mode a Service without a class gets Auto Mode's NLB
      }
      String scheme = s.annotation(NLB_ANNOTATION + "aws-load-balancer-scheme");
      String internal = s.annotation(NLB_ANNOTATION + "aws-load-balancer-internal");
      if (scheme == null && internal != null) {
        scheme = internal.trim().equalsIgnoreCase("true") ? "internal" : "internet-facing";
      }
      List<String> ranges = strings(Tree.path(s.getRoot(), "spec", "loadBalancerSourceRanges"));
      String field = "spec.loadBalancerSourceRanges";
      Location where = s.at("spec", "loadBalancerSourceRanges");
      if (ranges.isEmpty()
          && s.annotation(NLB_ANNOTATION + "load-balancer-source-ranges") != null) {
        ranges = csv(s.annotation(NLB_ANNOTATION + "load-balancer-source-ranges"));
        field = NLB_ANNOTATION + "load-balancer-source-ranges";
        where = s.annotationLocation(field);
      }
      out.add(
          new LbScheme(
              s, "NLB", trimmed(scheme), false, ranges, ranges.isEmpty() ? null : field, where));
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> csv(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private static List<String> strings(Tree t) {
    List<String> out = new ArrayList<>();
    for (Tree item : Tree.asList(t)) {
      String v = Tree.text(item);
      if (v != null && !v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }

  private static Boolean bool(Tree values, String name) {
    String s = Tree.text(TerraformResource.navigate(values, name));
    if (s == null) {
      return null;
    }
    s = s.trim().toLowerCase(Locale.ROOT);
    return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null;
  }

  // ---- engines ----

  /** Image path fragments and workload names of the engines, lower case. */
  private static final Map<String, List<String>> ENGINE_IMAGES =
      Map.of(
          "Calico", List.of("calico/node", "calico/kube-controllers", "tigera/operator"),
          "Cilium", List.of("cilium/cilium", "cilium/operator"),
          "Antrea", List.of("antrea/antrea"),
          "kube-router", List.of("kube-router"),
          "Weave Net", List.of("weaveworks/weave-kube", "weaveworks/weave-npc"),
          "Kube-OVN", List.of("kube-ovn"));

  private static final Map<String, List<String>> ENGINE_NAMES =
      Map.of(
          "Calico", List.of("calico-node", "tigera-operator", "calico-kube-controllers"),
          "Cilium", List.of("cilium", "cilium-agent", "cilium-operator"),
          "Antrea", List.of("antrea-agent", "antrea-controller"),
          "kube-router", List.of("kube-router"),
          "Weave Net", List.of("weave-net"),
          "Kube-OVN", List.of("kube-ovn-cni", "kube-ovn-controller"));

  /** Helm chart (or release) names of the engines. */
  private static final Map<String, List<String>> ENGINE_CHARTS =
      Map.of(
          "Calico", List.of("tigera-operator", "calico"),
          "Cilium", List.of("cilium"),
          "Antrea", List.of("antrea"),
          "kube-router", List.of("kube-router"),
          "Kube-OVN", List.of("kube-ovn"));

  static void policyEngines(
      List<Workload> workloads,
      List<CiliumPolicy> cilium,
      List<NetworkPluginObject> objects,
      List<HelmRelease> releases,
      List<ChartInstall> gitops,
      List<Object> out) {
    for (Workload w : workloads) {
      String engine = engineOfWorkload(w);
      if (engine != null) {
        out.add(new PolicyEngine(engine, w.getDisplayName(), w.getLocation()));
      }
    }
    for (CiliumPolicy p : cilium) {
      out.add(new PolicyEngine("Cilium", p.getDisplayName(), p.getLocation()));
    }
    for (NetworkPluginObject o : objects) {
      out.add(new PolicyEngine(o.getPlugin(), o.getKind() + " " + o.getName(), o.getLocation()));
    }
    for (HelmRelease r : releases) {
      String engine = engineOfChart(r.getChart());
      if (engine == null) {
        engine = engineOfChart(r.getReleaseName());
      }
      if (engine != null) {
        out.add(new PolicyEngine(engine, "helm_release " + r.getAddress(), r.getLocation()));
      }
    }
    for (ChartInstall c : gitops) {
      for (String chart : c.getCharts()) {
        String engine = engineOfChart(chart);
        if (engine != null) {
          out.add(new PolicyEngine(engine, c.getDisplayName(), c.getLocation()));
          break;
        }
      }
    }
  }

  static String engineOfWorkload(Workload w) {
    String name = w.getName().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : new TreeMap<>(ENGINE_NAMES).entrySet()) {
      if (e.getValue().contains(name)) {
        return e.getKey();
      }
    }
    for (Container c : w.getContainers()) {
      String image = c.image() == null ? "" : c.image().toLowerCase(Locale.ROOT);
      for (Map.Entry<String, List<String>> e : new TreeMap<>(ENGINE_IMAGES).entrySet()) {
        for (String frag : e.getValue()) {
          if (image.contains(frag)) {
            return e.getKey();
          }
        }
      }
    }
    return null;
  }

  /** The engine of a chart reference (a name, {@code repo/name}, a path or a URL), or null. */
  static String engineOfChart(String chart) {
    if (chart == null || chart.isBlank()) {
      return null;
    }
    String c = chart.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    String last = c.substring(c.lastIndexOf('/') + 1).replaceAll("\\.tgz$", "");
    for (Map.Entry<String, List<String>> e : new TreeMap<>(ENGINE_CHARTS).entrySet()) {
      for (String n : e.getValue()) {
        if (last.equals(n) || last.startsWith(n + "-")) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  // ---- policies by namespace ----

  static void namespacePolicies(List<NetworkPolicy> policies, List<Object> out) {
    Map<String, List<NetworkPolicy>> byNs = new TreeMap<>();
    for (NetworkPolicy p : policies) {
      byNs.computeIfAbsent(p.getNamespace(), k -> new ArrayList<>()).add(p);
    }
    Comparator<NetworkPolicy> order =
        Comparator.comparing((NetworkPolicy p) -> p.getFile())
            .thenComparingInt(p -> p.getLocation().line());
    for (Map.Entry<String, List<NetworkPolicy>> e : byNs.entrySet()) {
      List<NetworkPolicy> sorted = new ArrayList<>(e.getValue());
      sorted.sort(order);
      out.add(new NamespacePolicies(e.getKey(), sorted));
    }
  }

  // ---- the VPC CNI's network policy setting ----

  /** The EKS cluster names the Terraform of the scan names. */
  static Set<String> clusterNames(
      List<EksCluster> clusters, List<NodeGroup> groups, List<EksAddon> addons) {
    Set<String> names = new TreeSet<>();
    clusters.stream().map(EksCluster::getClusterName).filter(n -> n != null).forEach(names::add);
    groups.stream().map(NodeGroup::getClusterName).filter(n -> n != null).forEach(names::add);
    addons.stream().map(EksAddon::getClusterName).filter(n -> n != null).forEach(names::add);
    if (names.isEmpty() && clusters.size() > 1) {
      names.add("?1");
      names.add("?2");
    }
    return names;
  }

  private static boolean isTrue(String v) {
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  static VpcCniNetworkPolicy vpcCniNetworkPolicy(
      CniConfig cni, List<ConfigMap> configMaps, Set<String> clusterNames) {
    if (cni == null) {
      return null;
    }
    EksAddon addon = cni.getAddon();
    if (addon != null && clusterNames.size() > 1) {
      return null; // the add-on of one of several clusters: not known to be this one's
    }
    for (ConfigMap m : configMaps) {
      if ("amazon-vpc-cni".equals(m.getName())
          && "kube-system".equals(m.getNamespace())
          && isTrue(m.getData().get("enable-network-policy-controller"))) {
        return new VpcCniNetworkPolicy(
            true,
            "enable-network-policy-controller: \"true\" in " + m.getDisplayName(),
            m.at("data", "enable-network-policy-controller"),
            false);
      }
    }
    Workload ds = cni.getDaemonSet();
    Container agent = ds == null ? null : nodeAgent(ds);
    String flag = agent == null ? null : agentFlag(ds, agent);
    if (agent != null && isTrue(flag)) {
      return new VpcCniNetworkPolicy(
          true,
          "--enable-network-policy=true on the "
              + NODE_AGENT
              + " container of "
              + ds.getDisplayName(),
          flagLocation(ds, agent),
          false);
    }
    if (addon != null) {
      if (!addon.isConfigurationKnown()) {
        return null;
      }
      String v = addon.getEnableNetworkPolicy();
      Location where =
          addon.getConfigurationValues() != null
              ? addon.at("configuration_values")
              : addon.getLocation();
      String setting =
          v == null
              ? "enableNetworkPolicy unset in the vpc-cni add-on "
                  + addon.getAddress()
                  + ", where it defaults to false"
              : "enableNetworkPolicy=" + v.trim() + " in the vpc-cni add-on " + addon.getAddress();
      return new VpcCniNetworkPolicy(isTrue(v), setting, where, false);
    }
    if (agent != null) {
      String setting =
          flag == null
              ? "the "
                  + NODE_AGENT
                  + " container of "
                  + ds.getDisplayName()
                  + " runs without --enable-network-policy, which defaults to false"
              : "--enable-network-policy="
                  + flag.trim()
                  + " on the "
                  + NODE_AGENT
                  + " container of "
                  + ds.getDisplayName();
      return new VpcCniNetworkPolicy(false, setting, flagLocation(ds, agent), false);
    }
    return null;
  }

  /** The network policy agent's container of the aws-node DaemonSet, or null. */
  static Container nodeAgent(Workload ds) {
    for (Container c : ds.getContainers()) {
      String image = c.image() == null ? "" : c.image();
      if (NODE_AGENT.equals(c.name()) || image.contains("aws-network-policy-agent")) {
        return c;
      }
    }
    return null;
  }

  private static List<Tree> args(Workload ds, Container c) {
    List<String> path = new ArrayList<>(ds.getPodSpecPath());
    path.add("containers");
    path.add(Integer.toString(c.index()));
    path.add("args");
    return Tree.asList(Tree.path(ds.getRoot(), path.toArray(String[]::new)));
  }

  /** The value of {@code --enable-network-policy} on the agent, or null when not given. */
  static String agentFlag(Workload ds, Container c) {
    String value = null;
    for (Tree t : args(ds, c)) {
      String a = Tree.text(t);
      if (a == null) {
        continue;
      }
      a = a.trim();
      if (a.equals("--enable-network-policy")) {
        value = "true";
      } else if (a.startsWith("--enable-network-policy=")) {
        value = a.substring("--enable-network-policy=".length());
      }
    }
    return value;
  }

  private static Location flagLocation(Workload ds, Container c) {
    List<Tree> args = args(ds, c);
    for (int i = 0; i < args.size(); i++) {
      String a = Tree.text(args.get(i));
      if (a != null && a.trim().startsWith("--enable-network-policy")) {
        return ds.containerAt(c, "args", Integer.toString(i));
      }
    }
    return args.isEmpty() ? ds.containerAt(c) : ds.containerAt(c, "args");
  }
}
