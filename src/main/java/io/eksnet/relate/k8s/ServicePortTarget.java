package io.eksnet.relate.k8s;

import io.eksnet.model.Service;

/**
 * Where a port of a Service that selects workloads in the scan sends its traffic: whether a
 * container of the selected workloads exposes its targetPort (by port name or number), whether
 * every selected workload declares container ports, whether a numeric target appears in their
 * command, args, env, probes or the ConfigMaps they read, whether one of them is a proxy whose
 * listeners are set at run time, and the ports they do declare.
 */
public final class ServicePortTarget {
  private final Service service;
  private final Service.Port port;
  private final ServiceBackends backends;
  private final boolean exposed;
  private final boolean allDeclarePorts;
  private final boolean mentionedByContainer;
  private final boolean runtimeConfiguredProxy;
  private final String declared;

  public ServicePortTarget(
      Service service,
      Service.Port port,
      ServiceBackends backends,
      boolean exposed,
      boolean allDeclarePorts,
      boolean mentionedByContainer,
      boolean runtimeConfiguredProxy,
      String declared) {
    this.service = service;
    this.port = port;
    this.backends = backends;
    this.exposed = exposed;
    this.allDeclarePorts = allDeclarePorts;
    this.mentionedByContainer = mentionedByContainer;
    this.runtimeConfiguredProxy = runtimeConfiguredProxy;
    this.declared = declared;
  }

  /** True when a container of a selected workload has the target as a port name or number. */
  public boolean isExposed() {
    return exposed;
  }

  /** True when every selected workload declares at least one container port. */
  public boolean isAllDeclarePorts() {
    return allDeclarePorts;
  }

  /**
   * True when a numeric target appears in a selected container's command, args, literal env values
   * or probe ports, or in the data of a ConfigMap its pods mount or read into their environment:
   * evidence the container listens there without declaring it.
   */
  public boolean isMentionedByContainer() {
    return mentionedByContainer;
  }

  /**
   * True when a selected container is an Envoy proxy whose listeners its control plane sets at run
   * time (see {@link io.eksnet.model.Container#isRuntimeConfiguredProxy()}).
   */
  public boolean isRuntimeConfiguredProxy() {
    return runtimeConfiguredProxy;
  }

  public Service getService() {
    return service;
  }

  public Service.Port getPort() {
    return port;
  }

  public ServiceBackends getBackends() {
    return backends;
  }

  public boolean isNamed() {
    return port.isNamedTarget();
  }

  /** The target as written ({@code http}, {@code 8080}). */
  public String getTarget() {
    return port.targetPort() != null ? port.targetPort() : Integer.toString(port.port());
  }

  /** The container ports the selected pods do declare ({@code none} if none), for the message. */
  public String getDeclared() {
    return declared;
  }

  public io.eksnet.model.Location location() {
    return port.targetPort() != null ? service.portAt(port, "targetPort") : service.portAt(port);
  }
}
