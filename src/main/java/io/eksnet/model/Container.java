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
    Probe startupProbe,
    @FactField("The literal `env` values by name (`valueFrom` entries are left out).")
        java.util.Map<String, String> env,
    @FactField("The `command` entries followed by the `args` entries, as written.")
        List<String> commandLine) {

  public Container {
    ports = List.copyOf(ports);
    env = java.util.Map.copyOf(env);
    commandLine = List.copyOf(commandLine);
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

  /**
   * True when the port number appears in the container's own configuration other than its ports
   * list: as a whole number in a {@code command} or {@code args} entry ({@code
   * --listen-peer-urls=http://0.0.0.0:2380}), in a literal {@code env} value ({@code PORT=8080}),
   * or as a probe's port. That is evidence the container listens there without declaring it.
   */
  public boolean mentionsPort(int number) {
    return mentionsPort(number, wholeNumber(number));
  }

  /** {@link #mentionsPort(int)} with the number's {@link #wholeNumber} pattern made once. */
  public boolean mentionsPort(int number, java.util.regex.Pattern whole) {
    for (String s : commandLine) {
      if (whole.matcher(s).find()) {
        return true;
      }
    }
    for (String v : env.values()) {
      if (whole.matcher(v).find()) {
        return true;
      }
    }
    String n = Integer.toString(number);
    for (Probe p : new Probe[] {readinessProbe, livenessProbe, startupProbe}) {
      if (p != null && n.equals(p.port())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pattern finding the number as a whole number in a text ({@code :2380}, not {@code 12380}).
   */
  public static java.util.regex.Pattern wholeNumber(int number) {
    return java.util.regex.Pattern.compile("(?<![0-9])" + number + "(?![0-9])");
  }

  /**
   * True when the container is an Envoy proxy whose listeners a control plane sets at run time
   * (Istio gateways and waypoints, Envoy Gateway, App Mesh, Contour): its image's repository name
   * has {@code envoy} in it or is Istio's {@code proxyv2}, it is named {@code istio-proxy}, or its
   * image is Istio's injection placeholder {@code auto}. The ports it listens on are in the control
   * plane's configuration, not in its container ports.
   */
  public boolean isRuntimeConfiguredProxy() {
    if ("istio-proxy".equals(name) || "auto".equals(image)) {
      return true;
    }
    if (image == null) {
      return false;
    }
    String repo = image;
    int at = repo.indexOf('@');
    if (at >= 0) {
      repo = repo.substring(0, at);
    }
    int slash = repo.lastIndexOf('/');
    int colon = repo.lastIndexOf(':');
    if (colon > slash) {
      repo = repo.substring(0, colon);
    }
    repo = repo.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
    return repo.contains("envoy") || repo.equals("proxyv2");
  }

  public boolean hasReadinessProbe() {
    return readinessProbe != null;
  }
}
