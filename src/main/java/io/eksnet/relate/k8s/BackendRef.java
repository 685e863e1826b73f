package io.eksnet.relate.k8s;

import io.eksnet.model.Ingress;
import io.eksnet.model.Location;
import io.eksnet.model.Service;

/**
 * One Ingress backend resolved against the scan: the Service in the Ingress's namespace (null when
 * the scan has none of that name), its port (null when not found), and for ALB Ingresses the
 * effective target type (a {@code target-type} annotation on the Service wins over the Ingress's).
 */
public final class BackendRef {
  private final Ingress ingress;
  private final Ingress.Backend backend;
  private final AlbIngress alb;
  private final String targetType;
  private final Service service;
  private final Service.Port port;

  public BackendRef(
      Ingress ingress,
      Ingress.Backend backend,
      AlbIngress alb,
      String targetType,
      Service service,
      Service.Port port) {
    this.ingress = ingress;
    this.backend = backend;
    this.alb = alb;
    this.targetType = targetType;
    this.service = service;
    this.port = port;
  }

  public Ingress getIngress() {
    return ingress;
  }

  public Ingress.Backend getBackend() {
    return backend;
  }

  /** The ALB view of the Ingress, or null when another controller serves it. */
  public AlbIngress getAlb() {
    return alb;
  }

  /** {@code ip} or {@code instance} for ALB backends, else null. */
  public String getTargetType() {
    return targetType;
  }

  public Service getService() {
    return service;
  }

  public Service.Port getPort() {
    return port;
  }

  public Location location() {
    return ingress.backendAt(backend);
  }
}
