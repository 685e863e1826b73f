package io.eksnet.relate.k8s;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Workload;
import java.util.List;

/** The workloads of the scan a NetworkPolicy or Cilium policy applies to (one per policy). */
public final class PolicyTargets {
  private final K8sObject policy;
  private final List<Workload> workloads;

  public PolicyTargets(K8sObject policy, List<Workload> workloads) {
    this.policy = policy;
    this.workloads = List.copyOf(workloads);
  }

  public K8sObject getPolicy() {
    return policy;
  }

  public List<Workload> getWorkloads() {
    return workloads;
  }

  /** The selector the policy applies with: podSelector, endpointSelector, or specs. */
  public io.eksnet.model.Location selectorLocation() {
    if (policy instanceof io.eksnet.model.NetworkPolicy) {
      return policy.at("spec", "podSelector");
    }
    return policy.getRoot().get("spec") != null
        ? policy.at("spec", "endpointSelector")
        : policy.at("specs");
  }

  /** {@code pods with app=web} or {@code every pod} for messages. */
  public String describeSelector() {
    if (policy instanceof io.eksnet.model.NetworkPolicy np) {
      return np.getPodSelector().isEmpty() ? "every pod" : "pods with " + np.getPodSelector();
    }
    io.eksnet.model.CiliumPolicy cp = (io.eksnet.model.CiliumPolicy) policy;
    List<String> selectors =
        cp.getEndpointSelectors().stream().filter(s -> !s.isNone()).map(Object::toString).toList();
    if (selectors.isEmpty()) { // a misspelt or mis-indented endpointSelector
      return "no endpoint (its spec has no endpointSelector, which Cilium requires)";
    }
    return "endpoints with " + String.join(" or ", selectors);
  }

  public boolean isEmpty() {
    return workloads.isEmpty();
  }
}
