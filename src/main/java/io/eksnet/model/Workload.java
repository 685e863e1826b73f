package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * Anything that runs pods from a pod template of its own: Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, ReplicationController, Job, CronJob, Argo Rollout (with {@code spec.template}) and
 * bare Pods. Holds the pod template's labels and spec. Other objects that make pods are {@link
 * PodSource}s.
 */
@PublicFact(
    "Anything that runs pods from a pod template of its own: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Argo Rollout, and bare Pods.")
public final class Workload extends K8sObject {

  private final List<String> podSpecPath;
  private final Map<String, String> podLabels;
  private final int replicas;
  private final List<Container> containers;
  private final boolean hostNetwork;
  private final String dnsPolicy;
  private final Map<String, String> dnsOptions;

  public Workload(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      List<String> podSpecPath,
      Map<String, String> podLabels,
      int replicas,
      List<Container> containers,
      boolean hostNetwork,
      String dnsPolicy,
      Map<String, String> dnsOptions) {
    super(file, root, defaultNamespace);
    this.podSpecPath = List.copyOf(podSpecPath);
    this.podLabels = Map.copyOf(podLabels);
    this.replicas = replicas;
    this.containers = List.copyOf(containers);
    this.hostNetwork = hostNetwork;
    this.dnsPolicy = dnsPolicy;
    this.dnsOptions = Map.copyOf(dnsOptions);
  }

  /**
   * Names of the ConfigMaps its pods read, in the pod's namespace: mounted as a volume (also inside
   * a projected volume) or read into the environment ({@code envFrom} and {@code
   * valueFrom.configMapKeyRef}, init containers included), in the order written.
   */
  public java.util.Set<String> getConfigMapsRead() {
    Tree spec = Tree.path(getRoot(), podSpecPath.toArray(String[]::new));
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (Tree v : Tree.asList(Tree.path(spec, "volumes"))) {
      addName(names, Tree.path(v, "configMap", "name"));
      for (Tree src : Tree.asList(Tree.path(v, "projected", "sources"))) {
        addName(names, Tree.path(src, "configMap", "name"));
      }
    }
    for (String list : List.of("initContainers", "containers")) {
      for (Tree c : Tree.asList(Tree.path(spec, list))) {
        for (Tree e : Tree.asList(Tree.path(c, "envFrom"))) {
          addName(names, Tree.path(e, "configMapRef", "name"));
        }
        for (Tree e : Tree.asList(Tree.path(c, "env"))) {
          addName(names, Tree.path(e, "valueFrom", "configMapKeyRef", "name"));
        }
      }
    }
    return names;
  }

  private static void addName(java.util.Set<String> names, Tree t) {
    String n = Tree.text(t);
    if (n != null && !n.isEmpty()) {
      names.add(n);
    }
  }

  /** Map keys from the object root to the pod spec, e.g. {@code spec.template.spec}. */
  public List<String> getPodSpecPath() {
    return podSpecPath;
  }

  /** Labels the pods get (the pod template's, or the Pod's own). */
  @FactField("The labels of its pods (the pod template's labels).")
  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  /**
   * Desired pod count: {@code spec.replicas} (default 1), 1 for Pods and Jobs; -1 for DaemonSets
   * (one per node).
   */
  @FactField(
      "The desired pod count: `spec.replicas` (1 when absent), 1 for Pods and Jobs, -1 for a DaemonSet (one pod per node).")
  public int getReplicas() {
    return replicas;
  }

  /**
   * A Deployment's {@code spec.strategy.type} as written ({@code Recreate} or {@code
   * RollingUpdate}); {@code RollingUpdate} when a Deployment leaves it out, as Kubernetes defaults
   * it; null for other kinds.
   */
  @FactField(
      "A Deployment's `spec.strategy.type` (`RollingUpdate` when absent, as Kubernetes defaults it); null for other kinds.")
  public String getDeploymentStrategy() {
    if (!"Deployment".equals(getKind())) {
      return null;
    }
    String type = Tree.text(Tree.path(getRoot(), "spec", "strategy", "type"));
    return type == null || type.isEmpty() ? "RollingUpdate" : type;
  }

  @FactField("True for a DaemonSet.")
  public boolean isDaemonSet() {
    return "DaemonSet".equals(getKind());
  }

  /** The VPC CNI's {@code aws-node} DaemonSet in {@code kube-system}. */
  public boolean isAwsNode() {
    return isDaemonSet() && "aws-node".equals(getName()) && "kube-system".equals(getNamespace());
  }

  @FactField("The pod template's containers (not the init containers).")
  public List<Container> getContainers() {
    return containers;
  }

  @FactField("`hostNetwork: true`.")
  public boolean isHostNetwork() {
    return hostNetwork;
  }

  /** {@code dnsPolicy} as written; null when absent (Kubernetes then uses ClusterFirst). */
  @FactField("`dnsPolicy` as written; null when absent (Kubernetes then uses `ClusterFirst`).")
  public String getDnsPolicy() {
    return dnsPolicy;
  }

  /** {@code dnsConfig.options} by name (value may be empty). */
  public Map<String, String> getDnsOptions() {
    return dnsOptions;
  }

  /**
   * The resolver's ndots: a {@code dnsConfig} ndots option when set, else 5 for the cluster DNS
   * policies (ClusterFirst, the default, and ClusterFirstWithHostNet), else 1 (node resolv.conf).
   */
  public int getEffectiveNdots() {
    String v = dnsOptions.get("ndots");
    if (v != null) {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        return 5;
      }
    }
    if (hostNetwork && (dnsPolicy == null || "ClusterFirst".equals(dnsPolicy))) {
      return 1; // hostNetwork pods fall back to the node's resolv.conf
    }
    return dnsPolicy == null || dnsPolicy.startsWith("ClusterFirst") ? 5 : 1;
  }

  /** The literal value of an environment variable of the first container that sets it, or null. */
  @FactField(
      "The literal value of an environment variable of the first container that sets it, or null.")
  public String env(String name) {
    for (Container c : containers) {
      String v = c.env().get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Where an environment variable is set (its list entry), or the first container. */
  @FactField("The line of an environment variable's entry, else of the first container.")
  public Location envAt(String name) {
    for (Container c : containers) {
      if (c.env().containsKey(name)) {
        List<Tree> env = Tree.asList(Tree.path(getRoot(), pathTo(c, "env")));
        for (int i = 0; i < env.size(); i++) {
          if (name.equals(Tree.text(Tree.path(env.get(i), "name")))) {
            return containerAt(c, "env", Integer.toString(i));
          }
        }
      }
    }
    return containers.isEmpty() ? podSpecAt("containers") : containerAt(containers.get(0), "env");
  }

  private String[] pathTo(Container c, String... rest) {
    List<String> p = new java.util.ArrayList<>(podSpecPath);
    p.add("containers");
    p.add(Integer.toString(c.index()));
    p.addAll(List.of(rest));
    return p.toArray(String[]::new);
  }

  /** The first container without a readiness probe (where a finding about it points), or null. */
  public Container getFirstContainerWithoutReadinessProbe() {
    return containers.stream().filter(c -> !c.hasReadinessProbe()).findFirst().orElse(null);
  }

  /** Containers without a readiness probe, in order. */
  public List<Container> getContainersWithoutReadinessProbe() {
    return containers.stream().filter(c -> !c.hasReadinessProbe()).toList();
  }

  /** Names of containers without a readiness probe, for messages. */
  public String describeContainersWithoutReadinessProbe() {
    return String.join(
        ", ", getContainersWithoutReadinessProbe().stream().map(Container::name).toList());
  }

  /** Location of a field inside the pod spec. */
  @FactField(
      "The line of a field of the pod spec, wherever the kind keeps it: `podSpecAt(\"hostNetwork\")`.")
  public Location podSpecAt(String... rest) {
    String[] p = new String[podSpecPath.size() + rest.length];
    for (int i = 0; i < podSpecPath.size(); i++) {
      p[i] = podSpecPath.get(i);
    }
    System.arraycopy(rest, 0, p, podSpecPath.size(), rest.length);
    return at(p);
  }

  /** Location of a container ({@code containers[i]}), or a field in it. */
  @FactField("The line of a container, or of a field in it: `containerAt($c, \"image\")`.")
  public Location containerAt(Container c, String... rest) {
    String[] p = new String[2 + rest.length];
    p[0] = "containers";
    p[1] = Integer.toString(c.index());
    System.arraycopy(rest, 0, p, 2, rest.length);
    return podSpecAt(p);
  }

  /** The container that exposes a port with this number, or null. */
  public Container containerWithPort(int port) {
    for (Container c : containers) {
      for (Container.Port p : c.ports()) {
        if (p.number() == port) {
          return c;
        }
      }
    }
    return null;
  }

  /** The container that exposes a port with this name, or null. */
  public Container containerWithPortName(String name) {
    for (Container c : containers) {
      for (Container.Port p : c.ports()) {
        if (name.equals(p.name())) {
          return c;
        }
      }
    }
    return null;
  }
}
