package io.eksnet.model;

import java.util.List;

/** An Ingress: its class (by field or legacy annotation), annotations and backends. */
@PublicFact("An Ingress: its class and its backends (rules and default backend).")
public final class Ingress extends K8sObject {

  /** The legacy class annotation, still honoured by the AWS Load Balancer Controller. */
  public static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

  /** Prefix of the AWS Load Balancer Controller's Ingress annotations. */
  public static final String ALB_PREFIX = "alb.ingress.kubernetes.io/";

  private final String ingressClassName;
  private final List<Backend> backends;

  /**
   * A backend reference: the Service and port it names, and the map keys that lead to it (for the
   * location of the {@code service:} block).
   */
  @PublicFact("A Service backend of an Ingress.")
  public record Backend(
      @FactField("The Service's name.") String serviceName,
      @FactField("`port.number`, or null.") Integer portNumber,
      @FactField("`port.name`, or null.") String portName,
      @FactField("The rule path, or null.") String httpPath,
      List<String> path) {
    public Backend {
      path = List.copyOf(path);
    }

    /** True for {@code spec.defaultBackend} (or the v1beta1 {@code spec.backend}). */
    public boolean isDefault() {
      return path.size() > 1
          && (path.get(1).equals("defaultBackend") || path.get(1).equals("backend"));
    }

    /** {@code path /api}, {@code its default backend}, or {@code a rule without a path}. */
    public String describePath() {
      if (isDefault()) {
        return "its default backend";
      }
      return httpPath != null && !httpPath.isEmpty() ? "path " + httpPath : "a rule without a path";
    }

    /**
     * True for {@code port.name: use-annotation}: with the AWS Load Balancer Controller the backend
     * is then the action in the annotation {@code alb.ingress.kubernetes.io/actions.<service name>}
     * (set by hand, or injected at run time by Argo Rollouts), not a Service port.
     */
    public boolean isAlbAction() {
      return "use-annotation".equals(portName);
    }

    /** True when the port is a number from 1 to 65535 or a valid port name. */
    public boolean isPortWellFormed() {
      return portNumber != null ? Service.isPortNumber(portNumber) : Service.isPortName(portName);
    }

    /** {@code web:80} or {@code web:http} for messages. */
    public String describe() {
      return serviceName
          + ":"
          + (portNumber != null ? portNumber.toString() : String.valueOf(portName));
    }
  }

  public Ingress(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      String ingressClassName,
      List<Backend> backends) {
    super(file, root, defaultNamespace);
    this.ingressClassName = ingressClassName;
    this.backends = List.copyOf(backends);
  }

  /** {@code spec.ingressClassName}, or null. */
  @FactField("`spec.ingressClassName`, or null.")
  public String getIngressClassName() {
    return ingressClassName;
  }

  /** The legacy {@code kubernetes.io/ingress.class} annotation, or null. */
  @FactField("The legacy `kubernetes.io/ingress.class` annotation, or null.")
  public String getClassAnnotation() {
    return annotation(CLASS_ANNOTATION);
  }

  @FactField("Every Service backend, the default backend included.")
  public List<Backend> getBackends() {
    return backends;
  }

  /**
   * True when ingress-nginx would answer every request with a redirect: a non-empty {@code
   * nginx.ingress.kubernetes.io/permanent-redirect} or {@code temporal-redirect} annotation, on an
   * Ingress whose class is not named (the cluster's default) or names nginx. Controllers of other
   * classes (Traefik, Kong, HAProxy) do not read these annotations.
   */
  @FactField(
      "True when ingress-nginx answers every request with a redirect: a non-empty `nginx.ingress.kubernetes.io/permanent-redirect` or `temporal-redirect` annotation, with no class or a class whose name contains nginx.")
  public boolean isNginxRedirect() {
    String cls = getClassAnnotation() != null ? getClassAnnotation() : ingressClassName;
    if (cls != null && !cls.toLowerCase(java.util.Locale.ROOT).contains("nginx")) {
      return false;
    }
    for (String a : List.of("permanent-redirect", "temporal-redirect")) {
      String v = annotation("nginx.ingress.kubernetes.io/" + a);
      if (v != null && !v.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** An {@code alb.ingress.kubernetes.io/<name>} annotation, or null. */
  @FactField(
      "The value of `alb.ingress.kubernetes.io/<name>`, or null: `albAnnotation(\"scheme\")`.")
  public String albAnnotation(String name) {
    return annotation(ALB_PREFIX + name);
  }

  /**
   * Where the class is decided: the legacy annotation (which controllers read first), the
   * ingressClassName field, or the object.
   */
  @FactField(
      "The line that names the class: `spec.ingressClassName`, else the class annotation, else the object.")
  public Location classLocation() {
    if (getClassAnnotation() != null) {
      return annotationLocation(CLASS_ANNOTATION);
    }
    if (ingressClassName != null) {
      return at("spec", "ingressClassName");
    }
    return getLocation();
  }

  @FactField("The line of a backend's `service:` block.")
  public Location backendAt(Backend b) {
    return at(b.path());
  }
}
