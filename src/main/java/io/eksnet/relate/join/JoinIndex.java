package io.eksnet.relate.join;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Database;
import io.eksnet.model.DbClusterInstance;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.EniConfig;
import io.eksnet.model.IngressClass;
import io.eksnet.model.K8sObject;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcCidrAssociation;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.k8s.BackendRef;
import io.eksnet.relate.k8s.ServiceBackends;
import io.eksnet.relate.terraform.CniConfig;
import io.eksnet.relate.terraform.SubnetRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The manifests and the Terraform of a scan indexed for the {@link JoinRelations}, and the one
 * cluster they are joined on. Every lookup goes through a map (subnets and VPCs by id, subnets by
 * {@code Name} tag, security groups and their rules by group in {@link SgIndex}, routing by
 * subnet), never a pairwise loop over two large sets; VPCs compare by a canonical key ({@code
 * id:<id>} when the id is known, else file and address). Manifests name no cluster, so the scope
 * ({@link #scoped()}) is found only when the Terraform describes one EKS cluster (one cluster name
 * among clusters, node groups and vpc-cni add-ons). It derives no fact itself: {@link
 * EniConfigRelations}, {@link CniRelations}, {@link LbSubnetRelations}, {@link NetworkIdentities},
 * {@link LbBackendRelations} and {@link DatabaseRelations} read it.
 */
final class JoinIndex {

  static final Pattern SG_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
  static final String NLB_PREFIX = "service.beta.kubernetes.io/aws-load-balancer-";

  // ---- the manifests ----
  final List<EniConfig> eniConfigs = new ArrayList<>();
  final List<SecurityGroupPolicy> policies = new ArrayList<>();
  final Map<String, List<SecurityGroupPolicy>> policiesByNs = new HashMap<>();
  final List<Service> services = new ArrayList<>();
  final List<Workload> workloads = new ArrayList<>();
  final List<ConfigMap> configMaps = new ArrayList<>();
  final Map<String, IngressClass> ingressClasses = new HashMap<>();
  final Workload awsNode;
  final boolean k8s;

  // ---- the Terraform ----
  final Map<String, TerraformResource> byKey = new HashMap<>();
  final List<Subnet> subnets = new ArrayList<>();
  final Map<String, Subnet> subnetById = new HashMap<>();
  final Map<String, List<Subnet>> subnetsByName = new HashMap<>();
  final Map<String, Vpc> vpcByCanonical = new HashMap<>();
  final Map<String, List<Cidr>> secondaryByVpc = new HashMap<>();
  final List<EksCluster> clusters = new ArrayList<>();
  final List<NodeGroup> nodeGroups = new ArrayList<>();
  final List<EksAddon> cniAddons = new ArrayList<>();
  final List<Database> databases = new ArrayList<>();
  final List<DbClusterInstance> clusterInstances = new ArrayList<>();
  final Map<String, SubnetRouting> routing = new HashMap<>();
  final SgIndex sgs;

  // ---- derived ----
  final List<AlbIngress> albs = new ArrayList<>();
  final List<BackendRef> backendRefs = new ArrayList<>();
  final Map<Service, ServiceBackends> backends = new IdentityHashMap<>();
  // identity keys, insertion (file) order: messages list them deterministically
  final Map<EniConfig, Subnet> eniSubnets = new LinkedHashMap<>();

  // ---- the scope ----
  private final boolean scoped;
  private String clusterName;
  private EksCluster cluster;
  private String vpcKey;
  private CniConfig cni;

  JoinIndex(List<?> facts, List<Object> derived) {
    Workload awsNode = null;
    boolean k8s = false;
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
          if (awsNode == null && w.isAwsNode()) {
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
        } else if (r instanceof Database d) {
          databases.add(d);
        } else if (r instanceof DbClusterInstance i) {
          clusterInstances.add(i);
        }
      }
    }
    this.awsNode = awsNode;
    this.k8s = k8s;
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
    this.scoped = scope();
    for (EniConfig e : eniConfigs) {
      Subnet s = e.getSubnet() == null ? null : subnetById.get(e.getSubnet().trim());
      if (s != null) {
        eniSubnets.put(e, s);
      }
    }
  }

  /** True when the scan holds both manifests and Terraform resources. */
  boolean hasBothSides() {
    return k8s && !byKey.isEmpty();
  }

  /** True when the Terraform describes one cluster; false when there are several or none. */
  boolean scoped() {
    return scoped;
  }

  /** The cluster's name; null when not known. */
  String clusterName() {
    return clusterName;
  }

  /** The cluster; null when only its node groups or add-ons are in the scan. */
  EksCluster cluster() {
    return cluster;
  }

  /** The canonical key of the cluster's VPC (see {@link #canonical}); null when not known. */
  String vpcKey() {
    return vpcKey;
  }

  /** The VPC CNI settings; null when the scan has neither the add-on nor aws-node. */
  CniConfig cni() {
    return cni;
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

  // ---- VPCs ----

  /** A VPC's identity across files: {@code id:<id>} when known, else its key. */
  private static String canonical(Vpc v) {
    return v.getId() != null && !v.getId().isEmpty() ? "id:" + v.getId() : v.getKey();
  }

  /** The canonical VPC a reference names (see {@link #canonical}), or null. */
  String vpcKeyOf(TerraformResource from, TfRefs refs) {
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
   * True only when two canonical VPC keys certainly differ: two ids, or two addresses in one file.
   * An address with an unknown id may be the VPC another file names by id.
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

  String describeVpc(String key) {
    Vpc v = vpcByCanonical.get(key);
    if (v == null && byKey.get(key) instanceof Vpc x) {
      v = x;
    }
    if (v != null) {
      return v.getAddress() + (v.getCidrText() == null ? "" : " (" + v.getCidrText() + ")");
    }
    return key.startsWith("id:") ? key.substring(3) : key.substring(key.indexOf('\u0000') + 1);
  }

  Vpc vpc(String key) {
    if (key == null) {
      return null;
    }
    Vpc v = vpcByCanonical.get(key);
    return v != null ? v : byKey.get(key) instanceof Vpc x ? x : null;
  }

  // ---- node groups ----

  List<Subnet> subnetsOf(NodeGroup g) {
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
  List<Subnet> allSubnetsOf(NodeGroup g) {
    List<Subnet> s = subnetsOf(g);
    TfRefs refs = g.getSubnets();
    return refs.unresolved()
            || s.isEmpty()
            || s.size() != refs.addresses().size() + refs.external().size()
        ? null
        : s;
  }

  LaunchTemplate launchTemplate(NodeGroup g) {
    String a = g.getLaunchTemplate().single();
    return a != null
            && byKey.get(TerraformResource.key(g.getFile(), a)) instanceof LaunchTemplate lt
        ? lt
        : null;
  }
}
