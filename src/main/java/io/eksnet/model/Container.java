package io.eksnet.model;

import java.util.List;

/**
 * A container of a pod template: its ports, probes and literal environment values. {@code index} is
 * its place in the list.
 */
@PublicFact("A container of a workload's pod template.")
public record Container(
    @FactField("Its place in the containers list.") int index,
    @FactField("`name`.") String name,
    @FactField("`image`.") String image,
    @FactField("`ports`.") List<Port> ports,
    Probe readinessProbe,
    Probe livenessProbe,
    @FactField("The literal `env` values by name (`valueFrom` entries are left out).")
        java.util.Map<String, String> env) {

  public Container {
    ports = List.copyOf(ports);
    env = java.util.Map.copyOf(env);
  }

  /** A {@code containerPort} with its optional name. */
  @PublicFact("A `containerPort` of a container.")
  public record Port(
      @FactField("`name`, or null.") String name,
      @FactField("`containerPort`.") int number,
      @FactField("`protocol` (`TCP` when absent).") String protocol) {}

  /**
   * A probe: its handler ({@code httpGet}, {@code tcpSocket}, {@code grpc}, {@code exec}) and, for
   * httpGet, the path and port (number or name, as written).
   */
  public record Probe(String handler, String path, String port) {}

  /** True when a port of this container has the name or number (as a Service targetPort). */
  public boolean exposes(String targetPort) {
    for (Port p : ports) {
      if (targetPort.equals(p.name()) || targetPort.equals(Integer.toString(p.number()))) {
        return true;
      }
    }
    return false;
  }

  public boolean hasReadinessProbe() {
    return readinessProbe != null;
  }
}
