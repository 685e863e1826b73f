package io.eksnet.relate.k8s;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.Workload;
import java.util.List;

/**
 * Workloads a Cilium policy names (by a non-empty endpoint selector) in an egress rule with
 * toFQDNs: evidence that they call those external hosts.
 */
public final class FqdnClients {
  private final CiliumPolicy policy;
  private final List<Workload> workloads;

  public FqdnClients(CiliumPolicy policy, List<Workload> workloads) {
    this.policy = policy;
    this.workloads = List.copyOf(workloads);
  }

  public CiliumPolicy getPolicy() {
    return policy;
  }

  public List<Workload> getWorkloads() {
    return workloads;
  }
}
