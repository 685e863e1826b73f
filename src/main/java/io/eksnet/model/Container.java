package io.eksnet.model;

import java.util.List;

/** A container of a pod template: its ports and probes. {@code index} is its place in the list. */
public record Container(
    int index, String name, String image, List<Port> ports, Probe readinessProbe, Probe livenessProbe) {

  public Container {
    ports = List.copyOf(ports);
  }

  /** A {@code containerPort} with its optional name. */
  public record Port(String name, int number, String protocol) {}

  /**
   * A probe: its handler ({@code httpGet}, {@code tcpSocket}, {@code grpc}, {@code exec}) and,
   * for httpGet, the path and port (number or name, as written).
   */
  public record Probe(String handler, String path, String port) {}

  public boolean hasReadinessProbe() {
    return readinessProbe != null;
  }
}
