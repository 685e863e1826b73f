package io.eksnet.relate.join;

import io.eksnet.aws.CniSettings;
import io.eksnet.aws.Hypervisor;
import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.aws.MaxPods;
import io.eksnet.aws.MaxPodsCap;
import io.eksnet.model.Ec2NodeClass;
import io.eksnet.model.KarpenterNodePool;
import io.eksnet.model.Location;
import io.eksnet.model.NodePoolNodes;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.relate.RelationProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Karpenter NodePools as node groups ({@link NodePoolNodes}): each NodePool with the EC2NodeClass
 * it names, its subnets resolved against the Terraform's subnets by the EC2NodeClass's subnet
 * selector terms (tags, whose values take EC2 filter wildcards {@code *} and {@code ?}, or ids),
 * its instance types those of the built-in table its requirements allow, and its size at its {@code
 * limits}.
 *
 * <p>Requirements are open-ended unless they name instance types or families ({@code
 * node.kubernetes.io/instance-type} or {@code karpenter.k8s.aws/instance-family} with {@code In}):
 * then no type can be assumed and no NodePoolNodes is made. Category, generation, size, CPU,
 * memory, hypervisor and architecture narrow the set further; a requirement on another instance
 * property ({@code karpenter.k8s.aws/instance-gpu-count}, ...) also makes the set unknown, as does
 * a type the table does not know.
 */
public final class KarpenterNodes {

  private KarpenterNodes() {}

  /** The provider. */
  public static final RelationProvider PROVIDER =
      RelationProvider.of(
          "karpenter",
          Set.of(KarpenterNodePool.class, Ec2NodeClass.class, Subnet.class),
          Set.of(NodePoolNodes.class),
          (in, out) ->
              out.addAll(
                  compute(
                      in.all(KarpenterNodePool.class),
                      in.all(Ec2NodeClass.class),
                      in.all(Subnet.class))));

  private static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
  private static final String INSTANCE_TYPE_BETA = "beta.kubernetes.io/instance-type";
  private static final String AWS = "karpenter.k8s.aws/";
  private static final Set<String> ARCH = Set.of("kubernetes.io/arch", "beta.kubernetes.io/arch");
  private static final Pattern FAMILY = Pattern.compile("([a-z]+)([0-9]+)([a-z-]*)");

  public static List<NodePoolNodes> compute(
      List<KarpenterNodePool> pools, List<Ec2NodeClass> classes, List<Subnet> subnets) {
    List<NodePoolNodes> out = new ArrayList<>();
    if (pools.isEmpty() || subnets.isEmpty()) {
      return out;
    }
    Map<String, Ec2NodeClass> byName = new HashMap<>();
    for (Ec2NodeClass c : classes) {
      byName.putIfAbsent(c.getName(), c);
    }
    for (KarpenterNodePool p : pools) {
      Ec2NodeClass c =
          p.getNodeClassName() == null || !p.isEc2NodeClassRef()
              ? null
              : byName.get(p.getNodeClassName());
      List<InstanceType> types = allowed(p.getRequirements());
      List<Subnet> matched = c == null ? List.of() : matching(c.getSubnetTerms(), subnets);
      if (types == null || types.isEmpty() || c == null) {
        // open-ended or unknown types, or no node class: a node group of unknown types, so that
        // the rules that need every node group's types stay silent
        out.add(
            unknown(p, c, matched.isEmpty() ? subnets.get(0).getFile() : matched.get(0).getFile()));
        continue;
      }
      // references resolve in one file: the first matched subnet's; others count as outside
      String file = matched.isEmpty() ? subnets.get(0).getFile() : matched.get(0).getFile();
      List<String> addresses = new ArrayList<>();
      List<String> external = new ArrayList<>();
      for (Subnet s : matched) {
        if (s.getFile().equals(file)) {
          addresses.add(s.getAddress());
        } else {
          external.add(s.getId() == null ? s.getAddress() : s.getId());
        }
      }
      InstanceType smallest =
          types.stream()
              .min(
                  Comparator.comparing((InstanceType t) -> t.vcpus() == null ? 0 : t.vcpus())
                      .thenComparing(t -> t.memoryMib() == null ? 0 : t.memoryMib())
                      .thenComparing(InstanceType::name))
              .orElseThrow();
      int nodes = 0;
      int desired = 0;
      String sizing;
      List<String> capacityTypes = types.stream().map(InstanceType::name).toList();
      if (p.getReplicas() != null) {
        // a static NodePool: its replicas, up to limits.nodes while nodes are replaced; the type
        // whose nodes hold the most addresses, since any allowed type may be launched
        InstanceType largest =
            types.stream()
                .max(
                    Comparator.comparingInt(KarpenterNodes::eniMaxPods)
                        .thenComparing(InstanceType::name, Comparator.reverseOrder()))
                .orElseThrow();
        desired = Math.max(0, Math.min(p.getReplicas(), 100_000));
        boolean burst = p.getNodesLimit() != null && p.getNodesLimit() > p.getReplicas();
        nodes = burst ? Math.min(p.getNodesLimit(), 100_000) : desired;
        capacityTypes = List.of(largest.name());
        sizing =
            (burst
                    ? "its limits.nodes (" + nodes + ", above its " + desired + " replicas"
                    : "its replicas (" + desired)
                + ", a static NodePool: "
                + nodes
                + " nodes of "
                + largest.name()
                + (types.size() > 1
                    ? ", of the "
                        + types.size()
                        + " types it allows the one whose nodes hold the most addresses"
                    : "")
                + ")";
      } else if (!p.hasLimits()) {
        sizing = "no limits (so no node count: its address demand is not counted)";
      } else {
        Long n = nodesAtLimits(p, smallest);
        if (n == null) {
          continue; // the table lacks the type's size
        }
        nodes = (int) Math.min(n, 100_000);
        capacityTypes = List.of(smallest.name());
        sizing =
            "its limits ("
                + describeLimits(p)
                + ": "
                + nodes
                + " nodes of "
                + smallest.name()
                + (types.size() > 1
                    ? ", the smallest of the " + types.size() + " types it allows"
                    : "")
                + ")";
      }
      Integer maxPods = c.getKubeletMaxPods();
      Location maxPodsAt = maxPods == null ? null : c.at("spec", "kubelet", "maxPods");
      if (maxPods == null && p.getKubeletMaxPods() != null) {
        maxPods = p.getKubeletMaxPods();
        maxPodsAt = p.at("spec", "template", "spec", "kubelet", "maxPods");
      }
      TerraformResource.Header h = header(p, file);
      out.add(
          new NodePoolNodes(
              h,
              p,
              c,
              new TfRefs(addresses, external, matched.isEmpty()),
              types.stream().map(InstanceType::name).toList(),
              true,
              capacityTypes,
              desired,
              nodes,
              sizing,
              maxPods,
              maxPodsAt));
    }
    return out;
  }

  private static NodePoolNodes unknown(KarpenterNodePool p, Ec2NodeClass c, String file) {
    return new NodePoolNodes(
        header(p, file),
        p,
        c,
        new TfRefs(List.of(), List.of(), true),
        List.of(),
        false,
        List.of(),
        0,
        0,
        "no instance type to assume",
        null,
        null);
  }

  private static TerraformResource.Header header(KarpenterNodePool p, String file) {
    return new TerraformResource.Header(
        file,
        p.getRoot(),
        new Tree.TMap(p.getRoot().line(), p.getRoot().column(), List.of()),
        "NodePool/" + p.getName(),
        "",
        "karpenter_node_pool",
        p.getName(),
        null,
        false);
  }

  /**
   * Max pods of a node of type {@code t} from its ENI limits (secondary IPs), as Karpenter sets it.
   */
  static int eniMaxPods(InstanceType t) {
    return MaxPods.forNodeGroup(List.of(t), CniSettings.eksDefaults(), MaxPodsCap.NONE).value();
  }

  /** Nodes of {@code t} that fit in the NodePool's limits; null when the type's size is unknown. */
  static Long nodesAtLimits(KarpenterNodePool p, InstanceType t) {
    long n = Long.MAX_VALUE;
    if (p.getCpuLimit() != null) {
      if (t.vcpus() == null) {
        return null;
      }
      n = Math.min(n, (long) Math.floor(p.getCpuLimit() / t.vcpus()));
    }
    if (p.getMemoryLimitMib() != null) {
      if (t.memoryMib() == null) {
        return null;
      }
      n = Math.min(n, p.getMemoryLimitMib() / t.memoryMib());
    }
    return n;
  }

  private static String describeLimits(KarpenterNodePool p) {
    List<String> parts = new ArrayList<>();
    if (p.getCpuLimit() != null) {
      parts.add("cpu " + Tree.text(Tree.path(p.getRoot(), "spec", "limits", "cpu")));
    }
    if (p.getMemoryLimitMib() != null) {
      parts.add("memory " + Tree.text(Tree.path(p.getRoot(), "spec", "limits", "memory")));
    }
    return String.join(", ", parts);
  }

  /** The subnets any term matches, in scan order. */
  static List<Subnet> matching(List<Ec2NodeClass.SelectorTerm> terms, List<Subnet> subnets) {
    List<Subnet> out = new ArrayList<>();
    for (Subnet s : subnets) {
      for (Ec2NodeClass.SelectorTerm term : terms) {
        if (matches(term, s.getId(), tags(s))) {
          out.add(s);
          break;
        }
      }
    }
    return out;
  }

  /** A term matches when its id (if any) is the resource's and every tag matches. */
  static boolean matches(Ec2NodeClass.SelectorTerm term, String id, Map<String, String> tags) {
    if (term.id() == null && term.tags().isEmpty()) {
      return false; // a name-only term (security groups) or an empty one says nothing here
    }
    if (term.id() != null && !term.id().equals(id)) {
      return false;
    }
    for (Map.Entry<String, String> e : term.tags().entrySet()) {
      String v = tags.get(e.getKey());
      if (v == null || !glob(e.getValue(), v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An EC2 filter value: {@code *} matches any characters, {@code ?} one (Karpenter passes tag
   * values to {@code DescribeSubnets} as {@code tag:KEY} filters, which take these wildcards).
   */
  static boolean glob(String pattern, String value) {
    StringBuilder re = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      if (ch == '*') {
        re.append(".*");
      } else if (ch == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  /** {@code tags_all} (the tags AWS holds, provider default tags included) over {@code tags}. */
  private static Map<String, String> tags(Subnet s) {
    Map<String, String> all = new LinkedHashMap<>(s.getTags());
    all.putAll(Tree.stringMap(s.getValues().get("tags_all")));
    return all;
  }

  /**
   * The built-in types the requirements allow; null when open-ended (no instance type or family
   * named) or unknown (a requirement on an instance property not read here, a type not in the
   * table, an operator not understood).
   */
  static List<InstanceType> allowed(List<KarpenterNodePool.Requirement> reqs) {
    boolean named = false;
    List<InstanceType> types = new ArrayList<>(InstanceTypes.builtIn().all());
    for (KarpenterNodePool.Requirement r : reqs) {
      String key = r.key();
      String prop;
      if (key.equals(INSTANCE_TYPE) || key.equals(INSTANCE_TYPE_BETA)) {
        prop = "type";
        if (r.operator().equals("In")) {
          named = true;
          for (String v : r.values()) {
            if (InstanceTypes.builtIn().find(v).isEmpty()) {
              return null; // a type the table does not know
            }
          }
        }
      } else if (ARCH.contains(key)) {
        prop = "arch";
      } else if (key.startsWith(AWS)) {
        prop = key.substring(AWS.length());
        if (prop.equals("instance-family") && r.operator().equals("In")) {
          named = true;
        }
        if (!Set.of(
                "instance-family",
                "instance-category",
                "instance-generation",
                "instance-size",
                "instance-cpu",
                "instance-memory",
                "instance-hypervisor")
            .contains(prop)) {
          return null;
        }
      } else {
        continue; // capacity type, zone, OS, the NodePool's own labels: no bound on the type
      }
      List<InstanceType> kept = new ArrayList<>();
      for (InstanceType t : types) {
        Boolean ok = satisfies(r, value(prop, t));
        if (ok == null) {
          return null;
        }
        if (ok) {
          kept.add(t);
        }
      }
      types = kept;
    }
    return named ? types : null;
  }

  /** The value of a well-known property for a type; null when not known. */
  static String value(String prop, InstanceType t) {
    String name = t.name();
    int dot = name.indexOf('.');
    String family = dot < 0 ? name : name.substring(0, dot);
    Matcher m = FAMILY.matcher(family);
    boolean parsed = m.matches();
    return switch (prop) {
      case "type" -> name;
      case "instance-family" -> family;
      case "instance-size" -> dot < 0 ? null : name.substring(dot + 1);
      case "instance-category" -> parsed ? m.group(1) : null;
      case "instance-generation" -> parsed ? m.group(2) : null;
      case "instance-cpu" -> t.vcpus() == null ? null : String.valueOf(t.vcpus());
      case "instance-memory" -> t.memoryMib() == null ? null : String.valueOf(t.memoryMib());
      case "instance-hypervisor" ->
          t.bareMetal() ? "" : t.hypervisor() == Hypervisor.NITRO ? "nitro" : "xen";
      case "arch" ->
          family.equals("a1") || (parsed && m.group(3).contains("g")) ? "arm64" : "amd64";
      default -> null;
    };
  }

  /** Whether a value satisfies a requirement; null when that cannot be told. */
  static Boolean satisfies(KarpenterNodePool.Requirement r, String v) {
    String op = r.operator();
    switch (op) {
      case "Exists":
        return v != null ? Boolean.TRUE : null;
      case "DoesNotExist":
        return v == null ? null : Boolean.FALSE;
      case "In":
        return v == null ? null : r.values().contains(v);
      case "NotIn":
        return v == null ? null : !r.values().contains(v);
      case "Gt":
      case "Lt":
        if (v == null || r.values().size() != 1) {
          return null;
        }
        try {
          long have = Long.parseLong(v);
          long bound = Long.parseLong(r.values().get(0).trim());
          return op.equals("Gt") ? have > bound : have < bound;
        } catch (NumberFormatException e) {
          return null;
        }
      default:
        return null;
    }
  }
}
