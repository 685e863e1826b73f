package io.eksnet.relate;

import io.eksnet.model.Service;
import io.eksnet.model.Workload;

/**
 * A Service whose selector matches no workload, while a workload of its namespace nearly matches:
 * it has some of the selector's labels, or a selector label with a value a typo away. That is the
 * signature of a broken selector rather than of a workload kept in another repository.
 */
public final class SelectorNearMiss {
  private final Service service;
  private final Workload workload;
  private final String difference;

  public SelectorNearMiss(Service service, Workload workload, String difference) {
    this.service = service;
    this.workload = workload;
    this.difference = difference;
  }

  public Service getService() {
    return service;
  }

  /** The workload that comes closest. */
  public Workload getWorkload() {
    return workload;
  }

  /** E.g. {@code app.kubernetes.io/name is ui, not ui-app}. */
  public String getDifference() {
    return difference;
  }
}
