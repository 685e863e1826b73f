package io.eksnet.relate.k8s;

import io.eksnet.model.Ingress;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;

/**
 * A workload that receives traffic from an ALB (Ingress → Service → workload). One per workload:
 * the first Ingress and Service in scan order (the first with ip targets, when any) name the path
 * in messages; {@code ipTargets} is true when any ALB path reaches it with ip targets.
 */
public final class AlbServed {
  private final Workload workload;
  private final Ingress ingress;
  private final Service service;
  private final boolean ipTargets;

  public AlbServed(Workload workload, Ingress ingress, Service service, boolean ipTargets) {
    this.workload = workload;
    this.ingress = ingress;
    this.service = service;
    this.ipTargets = ipTargets;
  }

  public Workload getWorkload() {
    return workload;
  }

  public Ingress getIngress() {
    return ingress;
  }

  public Service getService() {
    return service;
  }

  public boolean isIpTargets() {
    return ipTargets;
  }
}
