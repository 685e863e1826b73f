package io.eksnet.relate.k8s;

import io.eksnet.model.Location;
import java.util.List;

/**
 * An ALB backend whose {@code healthcheck-path} is set explicitly (on the Service or the Ingress)
 * and whose pods declare HTTP readiness probes, with the probe paths.
 */
public final class AlbHealthCheck {
  private final BackendRef backend;
  private final String path;
  private final Location pathLocation;
  private final List<String> readinessPaths;

  public AlbHealthCheck(
      BackendRef backend, String path, Location pathLocation, List<String> readinessPaths) {
    this.backend = backend;
    this.path = path;
    this.pathLocation = pathLocation;
    this.readinessPaths = List.copyOf(readinessPaths);
  }

  public BackendRef getBackend() {
    return backend;
  }

  public String getPath() {
    return path;
  }

  public Location pathLocation() {
    return pathLocation;
  }

  public List<String> getReadinessPaths() {
    return readinessPaths;
  }

  public String describeReadinessPaths() {
    return String.join(", ", readinessPaths);
  }
}
