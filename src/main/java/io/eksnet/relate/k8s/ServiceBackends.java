package io.eksnet.relate.k8s;

import io.eksnet.model.FactField;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.util.List;

/**
 * The workloads in the scan a Service sends traffic to (none for a Service without a selector or
 * whose selector matches nothing here), and their pod count ({@code -1} when a DaemonSet is among
 * them: one pod per node). One per Service.
 */
@PublicFact(
    "The workloads in the scan a Service sends traffic to; one fact per Service, with an empty list when it selects nothing here.")
public final class ServiceBackends {
  private final Service service;
  private final List<Workload> workloads;
  private final int replicas;

  public ServiceBackends(Service service, List<Workload> workloads) {
    this.service = service;
    this.workloads = List.copyOf(workloads);
    int sum = 0;
    for (Workload w : workloads) {
      if (w.getReplicas() < 0) {
        sum = -1;
        break;
      }
      sum += w.getReplicas();
    }
    this.replicas = sum;
  }

  @FactField("The Service.")
  public Service getService() {
    return service;
  }

  @FactField("The workloads whose pods it selects.")
  public List<Workload> getWorkloads() {
    return workloads;
  }

  @FactField("Their pod count; -1 when a DaemonSet is among them.")
  public int getReplicas() {
    return replicas;
  }

  /** Names for messages: {@code Deployment web, StatefulSet db}. */
  public String describeWorkloads() {
    // Several objects of one kind and name (copies in different files of one cluster) are named
    // once.
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (Workload w : workloads) {
      names.add(w.getKind() + " " + w.getName());
    }
    return String.join(", ", names);
  }
}
