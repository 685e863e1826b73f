package io.eksnet.relate.k8s;

import io.eksnet.model.Service;
import io.eksnet.model.Workload;

/** The Service's selector matches the workload's pod labels in the same namespace. */
public final class Selects {
  private final Service service;
  private final Workload workload;

  public Selects(Service service, Workload workload) {
    this.service = service;
    this.workload = workload;
  }

  public Service getService() {
    return service;
  }

  public Workload getWorkload() {
    return workload;
  }
}
