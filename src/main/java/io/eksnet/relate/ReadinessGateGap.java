package io.eksnet.relate;

import io.eksnet.model.Namespace;
import io.eksnet.model.Workload;

/**
 * A namespace in the scan whose pods are ip targets of the AWS Load Balancer Controller but which
 * lacks the label {@code elbv2.k8s.aws/pod-readiness-gate-inject: enabled}.
 */
public final class ReadinessGateGap {
  private final Namespace namespace;
  private final Workload example;

  public ReadinessGateGap(Namespace namespace, Workload example) {
    this.namespace = namespace;
    this.example = example;
  }

  public Namespace getNamespace() {
    return namespace;
  }

  /** One workload that is an ip target, named in the message. */
  public Workload getExample() {
    return example;
  }
}
