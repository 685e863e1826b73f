package io.eksnet.relate.k8s;

import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Location;
import java.util.List;

/**
 * An IngressClassParams in use: the IngressClasses of the AWS Load Balancer Controller that
 * reference it, and the ALB Ingresses of those classes the controller applies it to (by {@code
 * spec.ingressClassName}, or as the default class; not with the legacy class annotation, for which
 * the controller reads no IngressClass). Both lists are in scan order.
 */
public final class AppliedClassParams {
  private final IngressClassParams params;
  private final List<IngressClass> classes;
  private final List<Ingress> ingresses;

  public AppliedClassParams(
      IngressClassParams params, List<IngressClass> classes, List<Ingress> ingresses) {
    this.params = params;
    this.classes = List.copyOf(classes);
    this.ingresses = List.copyOf(ingresses);
  }

  public IngressClassParams getParams() {
    return params;
  }

  public List<IngressClass> getClasses() {
    return classes;
  }

  public List<Ingress> getIngresses() {
    return ingresses;
  }

  /** {@code Ingress shop/web and 2 more Ingresses}, or the classes when no Ingress uses them. */
  public String describeUsers() {
    return describe(ingresses, classes);
  }

  /** The first Ingress's class line, else the first class's parameter reference. */
  public Location relatedLocation() {
    return related(ingresses, classes);
  }

  /** {@code Ingress shop/web and 2 more Ingresses} for a subset of the users. */
  public static String describe(List<Ingress> ingresses, List<IngressClass> classes) {
    if (ingresses.isEmpty()) {
      return "the Ingresses of IngressClass " + classes.get(0).getName();
    }
    String first = ingresses.get(0).getDisplayName();
    int more = ingresses.size() - 1;
    return more == 0
        ? first
        : first + " and " + more + (more == 1 ? " more Ingress" : " more Ingresses");
  }

  public static Location related(List<Ingress> ingresses, List<IngressClass> classes) {
    return ingresses.isEmpty()
        ? classes.get(0).at("spec", "parameters", "name")
        : ingresses.get(0).classLocation();
  }
}
