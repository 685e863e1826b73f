package io.eksnet.relate.k8s;

import io.eksnet.model.FactField;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;

/** The Service's selector matches the workload's pod labels in the same namespace. */
@PublicFact(
    "A Service's selector matches a workload's pod labels in the same namespace (one fact per pair).")
public final class Selects {
  private final Service service;
  private final Workload workload;

  public Selects(Service service, Workload workload) {
    this.service = service;
    this.workload = workload;
  }

  @FactField("The Service.")
  public Service getService() {
    return service;
  }

  @FactField("A workload whose pods it selects.")
  public Workload getWorkload() {
    return workload;
  }
}
