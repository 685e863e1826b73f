package io.eksnet.relate.k8s;

import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.Location;
import java.util.List;

/**
 * The {@code spec.parameters} reference of an IngressClass of the AWS Load Balancer Controller:
 * whether it resolves to an IngressClassParams of the scan, the names of the IngressClassParams the
 * scan has, and the ALB Ingresses of the class.
 */
public final class ClassParamsReference {
  private final IngressClass ingressClass;
  private final boolean resolved;
  private final List<Ingress> ingresses;
  private final List<String> paramsInScan;

  public ClassParamsReference(
      IngressClass ingressClass,
      boolean resolved,
      List<Ingress> ingresses,
      List<String> paramsInScan) {
    this.ingressClass = ingressClass;
    this.resolved = resolved;
    this.ingresses = List.copyOf(ingresses);
    this.paramsInScan = List.copyOf(paramsInScan);
  }

  public IngressClass getIngressClass() {
    return ingressClass;
  }

  /** True when the reference names an IngressClassParams of the scan. */
  public boolean isResolved() {
    return resolved;
  }

  /** The names of the IngressClassParams in the scan, sorted. */
  public List<String> getParamsInScan() {
    return paramsInScan;
  }

  /** {@code apiGroup example.com, kind Foo} for messages. */
  public String describeReference() {
    return "apiGroup "
        + (ingressClass.getParametersApiGroup() == null
            ? "(none)"
            : ingressClass.getParametersApiGroup())
        + ", kind "
        + (ingressClass.getParametersKind() == null ? "(none)" : ingressClass.getParametersKind());
  }

  /** {@code IngressClassParams a and b} for messages. */
  public String describeParamsInScan() {
    if (paramsInScan.isEmpty()) {
      return "no IngressClassParams";
    }
    if (paramsInScan.size() == 1) {
      return "IngressClassParams " + paramsInScan.get(0);
    }
    return "IngressClassParams "
        + String.join(", ", paramsInScan.subList(0, paramsInScan.size() - 1))
        + " and "
        + paramsInScan.get(paramsInScan.size() - 1);
  }

  /** {@code (Ingress shop/web and 1 more Ingress)} or nothing, for messages. */
  public String describeIngresses() {
    if (ingresses.isEmpty()) {
      return "";
    }
    return " (" + AppliedClassParams.describe(ingresses, List.of(ingressClass)) + ")";
  }

  /** The apiGroup line when it is not the controller's, else the kind line. */
  public Location kindLocation() {
    return !io.eksnet.model.IngressClassParams.API_GROUP.equals(
            ingressClass.getParametersApiGroup())
        ? ingressClass.at("spec", "parameters", "apiGroup")
        : ingressClass.at("spec", "parameters", "kind");
  }

  /** The reference's name line. */
  public Location nameLocation() {
    return ingressClass.at("spec", "parameters", "name");
  }

  /** The first Ingress of the class, or null. */
  public Location relatedLocation() {
    return ingresses.isEmpty() ? null : ingresses.get(0).classLocation();
  }
}
