package io.eksnet.source;

import io.eksnet.model.Tree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an eksctl {@code ClusterConfig} ({@code eksctl.io/v1alpha5}) as the {@code terraform show
 * -json} output of the resources it declares, so the Terraform facts and rules apply: the VPC's
 * subnets ({@code vpc.subnets.private} and {@code public}, keyed by AZ or by name with {@code az}),
 * the cluster, managed node groups (instance types, {@code desiredCapacity}, {@code minSize},
 * {@code maxSize}, {@code subnets}, {@code availabilityZones}, {@code privateNetworking}; {@code
 * maxPodsPerNode} as the kubelet setting of a launch template) and the {@code vpc-cni} add-on's
 * {@code configurationValues}. Self-managed {@code nodeGroups} (max pods from eksctl's bootstrap),
 * managed node groups with a {@code launchTemplate}, a custom {@code ami} or an {@code
 * instanceSelector}, and Windows node groups are left out. The trees keep the YAML's positions: a
 * finding points at the node group, subnet or setting in the eksctl file. Subnets eksctl would
 * create itself (no {@code vpc.subnets}) are not known: node groups then have unknown subnets. The
 * VPC, its route tables and NAT gateways are not read (eksctl creates them, or they exist already):
 * the subnets' routing is unknown.
 */
final class EksctlConfig {
  /**
   * An availability zone name ({@code us-west-2a}, {@code us-west-2-lax-1a}), not a subnet name.
   */
  private static final java.util.regex.Pattern AVAILABILITY_ZONE =
      java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+[a-z](-[a-z]+-[0-9]+[a-z])?");

  /** eksctl's default instance type. */
  static final String DEFAULT_INSTANCE_TYPE = "m5.large";

  private EksctlConfig() {}

  static boolean isClusterConfig(Tree.TMap doc) {
    String api = Tree.text(doc.get("apiVersion"));
    return "ClusterConfig".equals(Tree.text(doc.get("kind")))
        && api != null
        && api.startsWith("eksctl.io/");
  }

  /** A subnet of the config: its address, id (real or made up) and tree. */
  private record SubnetRef(String address, String id, String name, String az, boolean priv) {}

  static Tree.TMap asShowJson(Tree.TMap cfg) {
    List<Tree> resources = new ArrayList<>();
    String cluster = Tree.text(Tree.path(cfg, "metadata", "name"));
    Tree vpcNode = cfg.get("vpc");
    String vpcId = Tree.text(Tree.path(vpcNode, "id"));
    String vpcCidr = Tree.text(Tree.path(vpcNode, "cidr"));
    // no aws_vpc: its route tables and NAT gateways are not in a ClusterConfig (eksctl makes them,
    // or the VPC exists already), so the subnets' routing stays unknown
    List<SubnetRef> subnets = new ArrayList<>();
    for (String kind : List.of("private", "public")) {
      Tree group = Tree.path(vpcNode, "subnets", kind);
      if (!(group instanceof Tree.TMap gm)) {
        continue;
      }
      for (Tree.Entry e : gm.entries().values()) {
        if (!(e.value() instanceof Tree.TMap sm)) {
          continue;
        }
        String az = Tree.text(sm.get("az"));
        if (az == null && AVAILABILITY_ZONE.matcher(e.key()).matches()) {
          az = e.key(); // keyed by availability zone
        } // else a subnet name: eksctl looks its zone up, which the scan cannot

        String id = Tree.text(sm.get("id"));
        String address = "vpc.subnets." + kind + "." + e.key();
        String madeId = id != null ? id : "eksctl-subnet-" + kind + "-" + e.key();
        subnets.add(new SubnetRef(address, madeId, e.key(), az, kind.equals("private")));
        Map<String, Tree> v = new LinkedHashMap<>();
        v.put("id", s(sm, madeId));
        v.put("vpc_id", s(sm, vpcId == null ? "eksctl-vpc" : vpcId));
        String cidr = Tree.text(sm.get("cidr"));
        if (cidr != null) {
          v.put("cidr_block", at(sm.get("cidr"), cidr));
        }
        if (az != null) {
          v.put("availability_zone", s(sm, az));
        }
        v.put(
            "map_public_ip_on_launch",
            new Tree.TScalar(
                sm.line(),
                sm.column(),
                kind.equals("public") ? "true" : "false",
                Tree.ScalarType.BOOL));
        Tree.TMap obj = new Tree.TMap(e.line(), e.column(), List.of());
        resources.add(resource(obj, address, "aws_subnet", kind + "." + e.key(), map(sm, v)));
      }
    }
    // the cluster: its subnets and service CIDR
    {
      Map<String, Tree> v = new LinkedHashMap<>();
      v.put("id", s(cfg, cluster == null ? "eksctl" : cluster));
      v.put("name", s(cfg, cluster == null ? "eksctl" : cluster));
      Map<String, Tree> vc = new LinkedHashMap<>();
      vc.put("subnet_ids", list(cfg, subnets.stream().map(r -> (Tree) s(cfg, r.id())).toList()));
      if (vpcId != null || vpcCidr != null) {
        vc.put("vpc_id", s(cfg, vpcId == null ? "eksctl-vpc" : vpcId));
      }
      v.put("vpc_config", list(cfg, List.of(map(cfg, vc))));
      Tree knc = cfg.get("kubernetesNetworkConfig");
      Map<String, Tree> kn = new LinkedHashMap<>();
      String svc = Tree.text(Tree.path(knc, "serviceIPv4CIDR"));
      String family = Tree.text(Tree.path(knc, "ipFamily"));
      kn.put(
          "ip_family", s(cfg, family == null ? "ipv4" : family.toLowerCase(java.util.Locale.ROOT)));
      if (svc != null) {
        kn.put("service_ipv4_cidr", s(cfg, svc));
      }
      v.put("kubernetes_network_config", list(cfg, List.of(map(cfg, kn))));
      if ("true".equals(Tree.text(Tree.path(cfg.get("autoModeConfig"), "enabled")))) {
        // EKS Auto Mode, as aws_eks_cluster's compute_config states it
        v.put("compute_config", list(cfg, List.of(map(cfg, Map.of("enabled", s(cfg, "true"))))));
      }
      Tree outpost = cfg.get("outpost");
      String outpostArn = Tree.text(Tree.path(outpost, "controlPlaneOutpostARN"));
      if (outpostArn != null) {
        // a local cluster: its control plane runs on the Outpost, in the Outpost's one zone
        v.put(
            "outpost_config",
            list(
                cfg,
                List.of(map(cfg, Map.of("outpost_arns", list(cfg, List.of(s(cfg, outpostArn))))))));
      }
      Tree.TMap meta = cfg.get("metadata") instanceof Tree.TMap m ? m : cfg;
      resources.add(
          resource(
              meta,
              "cluster." + (cluster == null ? "eksctl" : cluster),
              "aws_eks_cluster",
              "cluster",
              map(cfg, v)));
    }
    // managed node groups only: EKS computes their max pods from the VPC CNI's configuration, as
    // for an aws_eks_node_group; self-managed nodeGroups take max pods from eksctl's bootstrap
    for (Tree t : Tree.asList(cfg.get("managedNodeGroups"))) {
      if (t instanceof Tree.TMap ng && ownsItsNodes(ng)) {
        nodeGroup("managedNodeGroups", ng, cluster, subnets, resources);
      }
    }
    for (Tree t : Tree.asList(cfg.get("addons"))) {
      if (t instanceof Tree.TMap a && "vpc-cni".equals(Tree.text(a.get("name")))) {
        Map<String, Tree> v = new LinkedHashMap<>();
        v.put("id", s(a, (cluster == null ? "eksctl" : cluster) + ":vpc-cni"));
        v.put("addon_name", s(a, "vpc-cni"));
        v.put("cluster_name", s(a, cluster == null ? "eksctl" : cluster));
        Tree cv = a.get("configurationValues");
        String text = Tree.text(cv);
        if (text != null) {
          v.put("configuration_values", at(cv, text));
        }
        String resolve = Tree.text(a.get("resolveConflicts"));
        if (resolve != null) {
          v.put("resolve_conflicts_on_update", s(a, resolve.toUpperCase(java.util.Locale.ROOT)));
        }
        resources.add(resource(a, "addons.vpc-cni", "aws_eks_addon", "vpc-cni", map(a, v)));
      }
    }
    Tree.TList list = new Tree.TList(cfg.line(), cfg.column(), resources);
    Tree.TMap root =
        new Tree.TMap(
            cfg.line(),
            cfg.column(),
            List.of(new Tree.Entry("resources", cfg.line(), cfg.column(), list)));
    Tree.TMap values =
        new Tree.TMap(
            cfg.line(),
            cfg.column(),
            List.of(new Tree.Entry("root_module", cfg.line(), cfg.column(), root)));
    return new Tree.TMap(
        cfg.line(),
        cfg.column(),
        List.of(
            new Tree.Entry("format_version", cfg.line(), cfg.column(), s(cfg, "1.0")),
            new Tree.Entry("values", cfg.line(), cfg.column(), values)));
  }

  private static void nodeGroup(
      String kind, Tree.TMap ng, String cluster, List<SubnetRef> subnets, List<Tree> out) {
    String name = Tree.text(ng.get("name"));
    if (name == null) {
      return;
    }
    String address = kind + "." + name;
    Map<String, Tree> v = new LinkedHashMap<>();
    v.put("id", s(ng, (cluster == null ? "eksctl" : cluster) + ":" + name));
    v.put("node_group_name", s(ng, name));
    v.put("cluster_name", s(ng, cluster == null ? "eksctl" : cluster));
    List<Tree> types = new ArrayList<>();
    for (Tree it : Tree.asList(ng.get("instanceTypes"))) {
      types.add(it);
    }
    for (Tree it : Tree.asList(Tree.path(ng, "instancesDistribution", "instanceTypes"))) {
      types.add(it);
    }
    if (types.isEmpty() && ng.get("instanceType") != null) {
      types.add(ng.get("instanceType"));
    }
    if (types.isEmpty()) {
      types.add(s(ng, DEFAULT_INSTANCE_TYPE));
    }
    v.put("instance_types", list(ng, types));
    // eksctl's defaults: 2 nodes, min and max at the desired count
    Integer desired = integer(ng.get("desiredCapacity"));
    Integer min = integer(ng.get("minSize"));
    Integer max = integer(ng.get("maxSize"));
    int d = desired != null ? desired : min != null ? Math.max(min, 2) : 2;
    Map<String, Tree> sc = new LinkedHashMap<>();
    sc.put("desired_size", num(ng, d));
    sc.put("min_size", num(ng, min != null ? min : d));
    sc.put(
        "max_size",
        max != null
            ? at(ng.get("maxSize"), String.valueOf(max), Tree.ScalarType.INT)
            : num(ng, Math.max(d, min == null ? d : min)));
    v.put("scaling_config", list(ng, List.of(map(ng, sc))));
    // subnets: named (by subnet name, AZ key or id), else by zones and privateNetworking
    boolean priv = "true".equals(Tree.text(ng.get("privateNetworking")));
    List<String> ids = new ArrayList<>();
    List<Tree> named = Tree.asList(ng.get("subnets"));
    if (!named.isEmpty()) {
      for (Tree t : named) {
        String n = Tree.text(t);
        String id = n;
        for (SubnetRef r : subnets) {
          if (r.name().equals(n) && r.priv() == priv) {
            id = r.id();
            break;
          }
          if (r.name().equals(n) || r.id().equals(n)) {
            id = r.id();
          }
        }
        ids.add(id);
      }
    } else {
      List<String> zones = new ArrayList<>();
      for (Tree z : Tree.asList(ng.get("availabilityZones"))) {
        zones.add(Tree.text(z));
      }
      for (SubnetRef r : subnets) {
        if (r.priv() == priv && (zones.isEmpty() || zones.contains(r.az()))) {
          ids.add(r.id());
        }
      }
    }
    if (!ids.isEmpty()) {
      v.put("subnet_ids", list(ng, ids.stream().map(i -> (Tree) s(ng, i)).toList()));
    }
    Tree.Entry mp = ng.entry("maxPodsPerNode");
    if (mp != null && integer(mp.value()) != null) {
      String ltId = "eksctl-lt-" + name;
      String userData =
          Base64.getEncoder()
              .encodeToString(("maxPods: " + integer(mp.value())).getBytes(StandardCharsets.UTF_8));
      Map<String, Tree> lt = new LinkedHashMap<>();
      lt.put("id", s(ng, ltId));
      lt.put("name", s(ng, name));
      lt.put("user_data", s(ng, userData));
      Tree.TMap obj = new Tree.TMap(mp.line(), mp.column(), List.of());
      out.add(resource(obj, address + ".maxPodsPerNode", "aws_launch_template", name, map(ng, lt)));
      Map<String, Tree> ref = new LinkedHashMap<>();
      ref.put("id", s(ng, ltId));
      v.put("launch_template", list(ng, List.of(map(ng, ref))));
    }
    out.add(resource(ng, address, "aws_eks_node_group", name, map(ng, v)));
  }

  /**
   * A managed node group whose instance types and max pods the config says: not one with its own
   * launch template or custom AMI (both decide them outside the config) or an {@code
   * instanceSelector} (eksctl picks the types when it creates the group), nor Windows nodes (whose
   * pods use only the primary ENI).
   */
  private static boolean ownsItsNodes(Tree.TMap ng) {
    String family = Tree.text(ng.get("amiFamily"));
    return ng.get("launchTemplate") == null
        && ng.get("ami") == null
        && ng.get("instanceSelector") == null
        && (family == null || !family.startsWith("Windows"));
  }

  private static Integer integer(Tree t) {
    String s = Tree.text(t);
    if (s == null || !s.trim().matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.valueOf(s.trim());
  }

  private static Tree.TMap resource(
      Tree.TMap at, String address, String type, String name, Tree.TMap values) {
    List<Tree.Entry> e = new ArrayList<>();
    e.add(entry(at, "address", s(at, address)));
    e.add(entry(at, "mode", s(at, "managed")));
    e.add(entry(at, "type", s(at, type)));
    e.add(entry(at, "name", s(at, name)));
    e.add(entry(at, "values", values));
    return new Tree.TMap(at.line(), at.column(), e);
  }

  private static Tree.TMap map(Tree at, Map<String, Tree> values) {
    List<Tree.Entry> e = new ArrayList<>();
    for (Map.Entry<String, Tree> v : values.entrySet()) {
      e.add(new Tree.Entry(v.getKey(), v.getValue().line(), v.getValue().column(), v.getValue()));
    }
    return new Tree.TMap(at.line(), at.column(), e);
  }

  private static Tree.TList list(Tree at, List<Tree> items) {
    return new Tree.TList(at.line(), at.column(), items);
  }

  private static Tree.TScalar s(Tree at, String value) {
    return new Tree.TScalar(at.line(), at.column(), value, Tree.ScalarType.STRING);
  }

  private static Tree.TScalar at(Tree node, String value) {
    return new Tree.TScalar(node.line(), node.column(), value, Tree.ScalarType.STRING);
  }

  private static Tree.TScalar at(Tree node, String value, Tree.ScalarType type) {
    return new Tree.TScalar(node.line(), node.column(), value, type);
  }

  private static Tree.TScalar num(Tree at, int value) {
    return new Tree.TScalar(at.line(), at.column(), String.valueOf(value), Tree.ScalarType.INT);
  }

  private static Tree.Entry entry(Tree at, String key, Tree value) {
    return new Tree.Entry(key, at.line(), at.column(), value);
  }
}
