package io.eksnet.relate.k8s;

import io.eksnet.model.K8sObject;

/**
 * A Service or network policy whose selector matches no workload of the scan, and a sign that the
 * pods it selects are made by something that is not a workload of the scan: an operator's custom
 * resource, a custom resource with a pod template, a Rollout that borrows its template, {@code
 * kubectl run}, a controller-set label, or another object of the namespace expecting pods with the
 * same labels that no workload has either (an unmatched Service, a network policy peer). One per
 * such object (the first sign found).
 */
public final class PodsFromElsewhere {
  private final K8sObject selecting;
  private final String evidence;

  PodsFromElsewhere(K8sObject selecting, String evidence) {
    this.selecting = selecting;
    this.evidence = evidence;
  }

  /** The Service, NetworkPolicy or CiliumNetworkPolicy whose selector matches no workload. */
  public K8sObject getSelecting() {
    return selecting;
  }

  /** The sign, for messages and explanations, e.g. {@code Prometheus monitoring/k8s (...)}. */
  public String getEvidence() {
    return evidence;
  }
}
