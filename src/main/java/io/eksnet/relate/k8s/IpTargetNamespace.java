package io.eksnet.relate.k8s;

import io.eksnet.model.Namespace;
import io.eksnet.model.Workload;

/**
 * A namespace in the scan whose pods are ip targets of the AWS Load Balancer Controller: an ALB
 * backend with target type ip, or an NLB the controller provisions with ip targets selects them.
 */
public final class IpTargetNamespace {
  private final Namespace namespace;
  private final Workload example;

  public IpTargetNamespace(Namespace namespace, Workload example) {
    this.namespace = namespace;
    this.example = example;
  }

  public Namespace getNamespace() {
    return namespace;
  }

  /** One workload of the namespace that is an ip target (the first by name). */
  public Workload getExample() {
    return example;
  }
}
