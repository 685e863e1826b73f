package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.PublicFact;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Workload;
import java.util.List;

/**
 * The workloads of the scan whose pods a SecurityGroupPolicy selects by {@code podSelector} (same
 * namespace, pod template labels). A policy that selects by service account gives no workloads.
 */
@PublicFact("The workloads whose pods a SecurityGroupPolicy selects by `podSelector`.")
public record SecurityGroupPolicyPods(
    @FactField("The SecurityGroupPolicy.") SecurityGroupPolicy policy,
    @FactField("The workloads it selects (same namespace), in scan order.")
        List<Workload> workloads) {

  public SecurityGroupPolicyPods {
    workloads = List.copyOf(workloads);
  }

  /** True when it selects this workload. */
  @FactField("True when the policy selects this workload's pods.")
  public boolean selects(Workload w) {
    return workloads.stream().anyMatch(x -> x == w);
  }
}
