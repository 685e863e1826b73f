package io.eksnet.relate.k8s;

import io.eksnet.model.Namespace;
import io.eksnet.model.Workload;
import java.util.Map;

/**
 * What the scan holds, per namespace and in total, so rules can tell a broken reference from one
 * that points outside a partial repository. One per scan.
 */
public final class ScanInventory {
  private final Map<String, Integer> workloadsByNs;
  private final Map<String, Integer> servicesByNs;
  private final Map<String, Namespace> namespaces;
  private final int workloadCount;
  private final int serviceCount;
  private final Workload nodeLocalDns;

  public ScanInventory(
      Map<String, Integer> workloadsByNs,
      Map<String, Integer> servicesByNs,
      Map<String, Namespace> namespaces,
      Workload nodeLocalDns) {
    this.workloadsByNs = Map.copyOf(workloadsByNs);
    this.servicesByNs = Map.copyOf(servicesByNs);
    this.namespaces = Map.copyOf(namespaces);
    this.workloadCount = workloadsByNs.values().stream().mapToInt(Integer::intValue).sum();
    this.serviceCount = servicesByNs.values().stream().mapToInt(Integer::intValue).sum();
    this.nodeLocalDns = nodeLocalDns;
  }

  public int workloadsIn(String namespace) {
    return workloadsByNs.getOrDefault(namespace, 0);
  }

  public int servicesIn(String namespace) {
    return servicesByNs.getOrDefault(namespace, 0);
  }

  /** The Namespace object when it is in the scan, else null. */
  public Namespace namespace(String name) {
    return namespaces.get(name);
  }

  public int getWorkloadCount() {
    return workloadCount;
  }

  public int getServiceCount() {
    return serviceCount;
  }

  /** The NodeLocal DNSCache DaemonSet when the scan has one, else null. */
  public Workload getNodeLocalDns() {
    return nodeLocalDns;
  }

  public boolean hasNodeLocalDns() {
    return nodeLocalDns != null;
  }
}
