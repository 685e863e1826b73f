package io.eksnet.relate;

import io.eksnet.model.Service;

/**
 * A Service port whose targetPort no selected container exposes: a named targetPort no container
 * port has (always wrong), or a number none of the containers declares while all of them declare
 * their ports.
 */
public final class UnexposedTargetPort {
  private final Service service;
  private final Service.Port port;
  private final ServiceBackends backends;
  private final String declared;

  public UnexposedTargetPort(
      Service service, Service.Port port, ServiceBackends backends, String declared) {
    this.service = service;
    this.port = port;
    this.backends = backends;
    this.declared = declared;
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

  /** The container ports the selected pods do declare, for the message. */
  public String getDeclared() {
    return declared;
  }

  public io.eksnet.model.Location location() {
    return port.targetPort() != null ? service.portAt(port, "targetPort") : service.portAt(port);
  }
}
