package io.eksnet.relate.k8s;

import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Location;
import io.eksnet.model.Namespace;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ALB Ingress that names its namespace and gets IngressClassParams from its class, with its
 * Namespace object (in the scan).
 */
public final class AlbIngressNamespace {
  private final AlbIngress alb;
  private final IngressClass ingressClass;
  private final Namespace namespace;

  public AlbIngressNamespace(AlbIngress alb, IngressClass ingressClass, Namespace namespace) {
    this.alb = alb;
    this.ingressClass = ingressClass;
    this.namespace = namespace;
  }

  public AlbIngress getAlb() {
    return alb;
  }

  public Namespace getNamespace() {
    return namespace;
  }

  public IngressClassParams getParams() {
    return alb.getParams();
  }

  /** The class whose parameters the controller applies to the Ingress. */
  public IngressClass getIngressClass() {
    return ingressClass;
  }

  /** {@code team=a} or {@code no labels}, sorted, for messages. */
  public String describeLabels() {
    Map<String, String> l = new TreeMap<>(namespace.getLabels());
    if (l.isEmpty()) {
      return "no labels";
    }
    StringBuilder sb = new StringBuilder("labels ");
    l.forEach((k, v) -> sb.append(sb.length() > 7 ? "," : "").append(k).append('=').append(v));
    return sb.toString();
  }

  /** The Ingress's class line. */
  public Location location() {
    return alb.getIngress().classLocation();
  }

  /** The params' namespaceSelector. */
  public Location relatedLocation() {
    return getParams().at("spec", "namespaceSelector");
  }
}
