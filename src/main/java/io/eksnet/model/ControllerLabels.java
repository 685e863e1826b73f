package io.eksnet.model;

import java.util.Set;

/**
 * Pod labels that no manifest writes: controllers and tools add them when they create the pods. A
 * selector using one of them can match pods that no pod template in the scan shows.
 */
public final class ControllerLabels {

  private ControllerLabels() {}

  /**
   * Keys controllers put on the pods they create: the Deployment and ReplicaSet controllers ({@code
   * pod-template-hash}), the StatefulSet controller ({@code statefulset.kubernetes.io/pod-name},
   * {@code apps.kubernetes.io/pod-index}, {@code controller-revision-hash}, which the DaemonSet
   * controller sets too), the Job controller ({@code job-name}, {@code controller-uid} and their
   * {@code batch.kubernetes.io/} forms, {@code batch.kubernetes.io/job-completion-index}) and Argo
   * Rollouts ({@code rollouts-pod-template-hash}).
   */
  private static final Set<String> CONTROLLER_KEYS =
      Set.of(
          "pod-template-hash",
          "controller-revision-hash",
          "statefulset.kubernetes.io/pod-name",
          "apps.kubernetes.io/pod-index",
          "job-name",
          "controller-uid",
          "batch.kubernetes.io/job-name",
          "batch.kubernetes.io/controller-uid",
          "batch.kubernetes.io/job-completion-index",
          "rollouts-pod-template-hash");

  /** The label {@code kubectl run NAME} gives its pod ({@code run=NAME}). */
  public static final String KUBECTL_RUN = "run";

  public static boolean isControllerKey(String key) {
    return CONTROLLER_KEYS.contains(key);
  }
}
