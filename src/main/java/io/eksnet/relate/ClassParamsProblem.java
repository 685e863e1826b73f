package io.eksnet.relate;

import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.Location;
import java.util.List;

/**
 * An IngressClass of the AWS Load Balancer Controller whose {@code spec.parameters} the controller
 * cannot load: {@code kind} (not apiGroup {@code elbv2.k8s.aws} with kind {@code
 * IngressClassParams}) or {@code missing} (an IngressClassParams the scan lacks while it has
 * others).
 */
public final class ClassParamsProblem {
  private final IngressClass ingressClass;
  private final String problem;
  private final List<Ingress> ingresses;
  private final List<String> paramsInScan;

  public ClassParamsProblem(
      IngressClass ingressClass,
      String problem,
      List<Ingress> ingresses,
      List<String> paramsInScan) {
    this.ingressClass = ingressClass;
    this.problem = problem;
    this.ingresses = List.copyOf(ingresses);
    this.paramsInScan = List.copyOf(paramsInScan);
  }

  public IngressClass getIngressClass() {
    return ingressClass;
  }

  /** {@code kind} or {@code missing}. */
  public String getProblem() {
    return problem;
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

  /** The wrong apiGroup or kind, or the name of the missing params. */
  public Location location() {
    if ("kind".equals(problem)) {
      return !io.eksnet.model.IngressClassParams.API_GROUP.equals(
              ingressClass.getParametersApiGroup())
          ? ingressClass.at("spec", "parameters", "apiGroup")
          : ingressClass.at("spec", "parameters", "kind");
    }
    return ingressClass.at("spec", "parameters", "name");
  }

  /** The first Ingress of the class, or null. */
  public Location relatedLocation() {
    return ingresses.isEmpty() ? null : ingresses.get(0).classLocation();
  }
}
