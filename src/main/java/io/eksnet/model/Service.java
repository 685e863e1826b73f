package io.eksnet.model;

import java.util.List;
import java.util.Map;

/** A Service: type, ports, selector, traffic policy and the AWS load balancer annotations. */
@PublicFact(
    "A Service: type, ports, selector, traffic policy and the AWS load balancer annotations.")
public final class Service extends K8sObject {

  /** Annotation that selects the AWS load balancer implementation for a LoadBalancer Service. */
  public static final String LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";

  /** Target type of an NLB managed by the AWS Load Balancer Controller. */
  public static final String NLB_TARGET_TYPE =
      "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";

  /** The loadBalancerClass of the AWS Load Balancer Controller. */
  public static final String LBC_CLASS = "service.k8s.aws/nlb";

  /** The loadBalancerClass of EKS Auto Mode's load balancing capability. */
  public static final String AUTO_MODE_CLASS = "eks.amazonaws.com/nlb";

  private final String type;
  private final List<Port> ports;
  private final Map<String, String> selector;
  private final String externalTrafficPolicy;
  private final String loadBalancerClass;

  /**
   * A Service port; {@code targetPort} as written (number or name), null when absent. {@code port}
   * is 0 when the manifest's value is not an integer (e.g. a template placeholder such as {@code
   * PORT}): see {@link #isWellFormed()}.
   */
  @PublicFact("A port of a Service.")
  public record Port(
      @FactField("Its place in `spec.ports`.") int index,
      @FactField("`name`, or null.") String name,
      @FactField("`port`; 0 when not a number.") int port,
      @FactField("`targetPort` as written (number or name), or null.") String targetPort,
      @FactField("`nodePort`, or null.") Integer nodePort,
      @FactField("`protocol`, or null (TCP).") String protocol) {
    /**
     * The target port as a number, or -1 when it is a name or not known (a port that is not a
     * number). Absent means the same as port.
     */
    public int targetPortNumber() {
      if (targetPort == null) {
        return isPortNumber(port) ? port : -1;
      }
      try {
        return Integer.parseInt(targetPort);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** True when targetPort is written and is not a number (a container port name). */
    public boolean isNamedTarget() {
      if (targetPort == null) {
        return false;
      }
      try {
        Integer.parseInt(targetPort);
        return false;
      } catch (NumberFormatException e) {
        return true;
      }
    }

    /**
     * True when the API server would accept this port as written: {@code port} a number from 1 to
     * 65535, and {@code targetPort} absent, such a number, or a valid port name ({@link
     * #isPortName}). Anything else (a placeholder of a template) says nothing rules can check.
     */
    public boolean isWellFormed() {
      if (!isPortNumber(port)) {
        return false;
      }
      if (targetPort == null) {
        return true;
      }
      return isNamedTarget() ? isPortName(targetPort) : isPortNumber(targetPortNumber());
    }
  }

  /** 1 to 65535. */
  public static boolean isPortNumber(int n) {
    return n >= 1 && n <= 65535;
  }

  /**
   * A valid port name (Kubernetes IsValidPortName, an IANA_SVC_NAME): 1 to 15 characters of
   * lowercase letters, digits and '-', at least one letter, no '-' at either end, no "--".
   */
  public static boolean isPortName(String s) {
    return s != null
        && !s.isEmpty()
        && s.length() <= 15
        && PORT_NAME.matcher(s).matches()
        && !s.contains("--");
  }

  /** Lowercase letters, digits and inner '-', with at least one letter. */
  private static final java.util.regex.Pattern PORT_NAME =
      java.util.regex.Pattern.compile("(?=.*[a-z])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

  public Service(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      String type,
      List<Port> ports,
      Map<String, String> selector,
      String externalTrafficPolicy,
      String loadBalancerClass) {
    super(file, root, defaultNamespace);
    this.type = type;
    this.ports = List.copyOf(ports);
    this.selector = selector == null ? null : Map.copyOf(selector);
    this.externalTrafficPolicy = externalTrafficPolicy;
    this.loadBalancerClass = loadBalancerClass;
  }

  /** {@code spec.type}; ClusterIP when absent, as Kubernetes defaults it. */
  @FactField("`spec.type`; `ClusterIP` when absent, as Kubernetes defaults it.")
  public String getType() {
    return type;
  }

  @FactField("`spec.ports`, in order.")
  public List<Port> getPorts() {
    return ports;
  }

  /** {@code spec.selector}; null when absent (endpoints managed by hand). */
  @FactField("`spec.selector`; null when absent (endpoints managed by hand).")
  public Map<String, String> getSelector() {
    return selector;
  }

  @FactField("True when `spec.selector` has at least one label.")
  public boolean hasSelector() {
    return selector != null && !selector.isEmpty();
  }

  /** As written; null when unset (Kubernetes then uses Cluster). */
  @FactField(
      "`spec.externalTrafficPolicy` as written; null when unset (Kubernetes then uses `Cluster`).")
  public String getExternalTrafficPolicy() {
    return externalTrafficPolicy;
  }

  /** Cluster unless set to Local. */
  public boolean isClusterTrafficPolicy() {
    return externalTrafficPolicy == null || !"Local".equals(externalTrafficPolicy);
  }

  @FactField("`spec.loadBalancerClass`, or null.")
  public String getLoadBalancerClass() {
    return loadBalancerClass;
  }

  /** NodePort or LoadBalancer: reachable on every node's NodePort. */
  @FactField("True for `NodePort` and `LoadBalancer`: reachable on every node's NodePort.")
  public boolean isExposedOnNodes() {
    return "NodePort".equals(type) || "LoadBalancer".equals(type);
  }

  @FactField("True for `type: LoadBalancer`.")
  public boolean isLoadBalancer() {
    return "LoadBalancer".equals(type);
  }

  /**
   * True when the AWS Load Balancer Controller provisions this Service's NLB: {@code
   * loadBalancerClass: service.k8s.aws/nlb}, or the annotation {@code aws-load-balancer-type} set
   * to {@code external} or the legacy {@code nlb-ip}.
   */
  public boolean isLbcNlb() {
    if (!isLoadBalancer()) {
      return false;
    }
    if (loadBalancerClass != null) {
      return LBC_CLASS.equals(loadBalancerClass); // another class: another controller's
    }
    String t = annotation(LB_TYPE);
    return "external".equals(t) || "nlb-ip".equals(t);
  }

  /**
   * True when EKS Auto Mode provisions this Service's NLB as its {@code loadBalancerClass} says
   * ({@code eks.amazonaws.com/nlb}). In an Auto Mode cluster that class is also the default of a
   * LoadBalancer Service without one, which this method cannot see.
   */
  @FactField("True for `type: LoadBalancer` with `loadBalancerClass: eks.amazonaws.com/nlb`.")
  public boolean isAutoModeNlb() {
    return isLoadBalancer() && AUTO_MODE_CLASS.equals(loadBalancerClass);
  }

  /** An NLB of the AWS Load Balancer Controller or of EKS Auto Mode, as the Service states. */
  @FactField(
      "True for an NLB of the AWS Load Balancer Controller or of EKS Auto Mode (`loadBalancerClass` or `aws-load-balancer-type`).")
  public boolean isControllerNlb() {
    return isLbcNlb() || isAutoModeNlb();
  }

  /**
   * True for a LoadBalancer Service without a loadBalancerClass that asks for an NLB with {@code
   * service.beta.kubernetes.io/aws-load-balancer-type: nlb}. The in-tree cloud provider gives it an
   * NLB with instance targets; where the AWS Load Balancer Controller's Service webhook (v2.5+,
   * {@code enableServiceMutatorWebhook}, on by default) sets {@code loadBalancerClass:
   * service.k8s.aws/nlb} at creation, the controller's NLB also defaults to instance targets.
   */
  public boolean isInTreeNlb() {
    String t = annotation(LB_TYPE);
    return isLoadBalancer()
        && loadBalancerClass == null
        && t != null
        && "nlb".equalsIgnoreCase(t.trim());
  }

  /**
   * True when the NLB target group is told not to keep the client address ({@code
   * preserve_client_ip.enabled=false} in {@code aws-load-balancer-target-group-attributes}): the
   * node then sees the NLB's address whatever the traffic policy.
   */
  public boolean isClientIpPreservationDisabled() {
    String a = annotation("service.beta.kubernetes.io/aws-load-balancer-target-group-attributes");
    return a != null
        && a.replace(" ", "")
            .toLowerCase(java.util.Locale.ROOT)
            .contains("preserve_client_ip.enabled=false");
  }

  /** True when every port is {@link Port#isWellFormed() well formed}. */
  public boolean isPortsWellFormed() {
    for (Port p : ports) {
      if (!p.isWellFormed()) {
        return false;
      }
    }
    return true;
  }

  /**
   * How the cloud load balancer reaches the pods: {@code ip} (pod IPs, no NodePort hop) or {@code
   * instance} (node NodePorts). Null for Services that get no AWS load balancer (ClusterIP,
   * NodePort, or a loadBalancerClass of another controller).
   */
  @FactField(
      "`ip` or `instance`: how the AWS load balancer reaches the pods; null when the Service gets no AWS load balancer.")
  public String getLoadBalancerTargetType() {
    if (!isLoadBalancer()) {
      return null;
    }
    if (isAutoModeNlb()) {
      // EKS Auto Mode's default target type is ip
      String t = annotation(NLB_TARGET_TYPE);
      return t == null ? "ip" : t.trim().toLowerCase(java.util.Locale.ROOT);
    }
    if (loadBalancerClass != null && !LBC_CLASS.equals(loadBalancerClass)) {
      return null;
    }
    if ("nlb-ip".equals(annotation(LB_TYPE))) {
      return "ip";
    }
    if (isLbcNlb()) {
      String t = annotation(NLB_TARGET_TYPE);
      return t == null ? "instance" : t.trim().toLowerCase(java.util.Locale.ROOT);
    }
    return "instance"; // in-tree cloud provider: CLB or NLB, always NodePort targets
  }

  /**
   * True when the load balancer passes the client address on in the request: proxy protocol ({@code
   * aws-load-balancer-proxy-protocol}), or an L7 Classic Load Balancer (backend protocol
   * http/https), which adds X-Forwarded-For.
   */
  public boolean isClientIpForwarded() {
    if (!isLoadBalancer()) {
      return false;
    }
    if (annotation("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol") != null) {
      return true;
    }
    String bp = annotation("service.beta.kubernetes.io/aws-load-balancer-backend-protocol");
    return !isControllerNlb()
        && bp != null
        && (bp.equalsIgnoreCase("http") || bp.equalsIgnoreCase("https"));
  }

  /** A clause for messages about what the traffic policy costs this Service. */
  public String describeClientIpLoss() {
    return isClusterTrafficPolicy() && !isClientIpForwarded()
        ? "; with externalTrafficPolicy Cluster the pods also see node IPs instead of client IPs"
        : "";
  }

  /** How the NLB target type was decided, for messages. */
  public String describeTargetType() {
    return annotation(NLB_TARGET_TYPE) != null
        ? "sets " + NLB_TARGET_TYPE + ": " + annotation(NLB_TARGET_TYPE)
        : isAutoModeNlb()
            ? "has no " + NLB_TARGET_TYPE + " annotation, so EKS Auto Mode uses its default, ip"
            : "has no "
                + NLB_TARGET_TYPE
                + " annotation, so the controller uses its default, instance";
  }

  /** Where the traffic policy is decided: the field when written, else the type line. */
  public Location trafficPolicyLocation() {
    return externalTrafficPolicy != null ? at("spec", "externalTrafficPolicy") : at("spec", "type");
  }

  /** Where the target type is decided: the annotation, else the controller selection. */
  public Location targetTypeLocation() {
    if (annotation(NLB_TARGET_TYPE) != null) {
      return annotationLocation(NLB_TARGET_TYPE);
    }
    if (loadBalancerClass != null) {
      return at("spec", "loadBalancerClass");
    }
    return annotation(LB_TYPE) != null ? annotationLocation(LB_TYPE) : at("spec", "type");
  }

  /** The port entry at index i, for locations. */
  @FactField("The line of a port entry, or of a field in it: `portAt($p, \"nodePort\")`.")
  public Location portAt(Port p, String... rest) {
    String[] path = new String[3 + rest.length];
    path[0] = "spec";
    path[1] = "ports";
    path[2] = Integer.toString(p.index());
    System.arraycopy(rest, 0, path, 3, rest.length);
    return at(path);
  }

  /** The port with this number or name (as an Ingress backend names it), or null. */
  @FactField("The port with this number or name (as an Ingress backend names it), or null.")
  public Port findPort(Integer number, String name) {
    for (Port p : ports) {
      if (number != null && p.port() == number) {
        return p;
      }
      if (name != null && name.equals(p.name())) {
        return p;
      }
    }
    return null;
  }
}
