package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * Anything that runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
 * Job, CronJob and bare Pods. Holds the pod template's labels and spec.
 */
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

  /** Map keys from the object root to the pod spec, e.g. {@code spec.template.spec}. */
  public List<String> getPodSpecPath() {
    return podSpecPath;
  }

  /** Labels the pods get (the pod template's, or the Pod's own). */
  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  /**
   * Desired pod count: {@code spec.replicas} (default 1), 1 for Pods and Jobs; -1 for DaemonSets
   * (one per node).
   */
  public int getReplicas() {
    return replicas;
  }

  public boolean isDaemonSet() {
    return "DaemonSet".equals(getKind());
  }

  public List<Container> getContainers() {
    return containers;
  }

  public boolean isHostNetwork() {
    return hostNetwork;
  }

  /** {@code dnsPolicy} as written; null when absent (Kubernetes then uses ClusterFirst). */
  public String getDnsPolicy() {
    return dnsPolicy;
  }

  /** {@code dnsConfig.options} by name (value may be empty). */
  public Map<String, String> getDnsOptions() {
    return dnsOptions;
  }

  /** Location of a field inside the pod spec. */
  public Location podSpecAt(String... rest) {
    String[] p = new String[podSpecPath.size() + rest.length];
    for (int i = 0; i < podSpecPath.size(); i++) {
      p[i] = podSpecPath.get(i);
    }
    System.arraycopy(rest, 0, p, podSpecPath.size(), rest.length);
    return at(p);
  }

  /** Location of a container ({@code containers[i]}), or a field in it. */
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
