package io.eksnet.model;

/**
 * An IngressClass: which controller implements it, whether it is the cluster default, and the
 * parameters object it references ({@code spec.parameters}).
 */
public final class IngressClass extends K8sObject {

  /** The controller string of the AWS Load Balancer Controller. */
  public static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";

  /** The controller string of EKS Auto Mode's load balancing capability. */
  public static final String AUTO_MODE_ALB_CONTROLLER = "eks.amazonaws.com/alb";

  private final String controller;
  private final String parametersApiGroup;
  private final String parametersKind;
  private final String parametersName;
  private final boolean hasParameters;

  public IngressClass(String file, Tree.TMap root, String controller) {
    super(file, root, "");
    this.controller = controller;
    Tree p = Tree.path(root, "spec", "parameters");
    this.hasParameters = p != null && !(p instanceof Tree.TScalar s && s.value() == null);
    this.parametersApiGroup = Tree.text(Tree.path(p, "apiGroup"));
    this.parametersKind = Tree.text(Tree.path(p, "kind"));
    this.parametersName = Tree.text(Tree.path(p, "name"));
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  public String getController() {
    return controller;
  }

  /** True for the ALB classes of the AWS Load Balancer Controller and of EKS Auto Mode. */
  public boolean isAlb() {
    return ALB_CONTROLLER.equals(controller) || AUTO_MODE_ALB_CONTROLLER.equals(controller);
  }

  /** True for an ALB class of EKS Auto Mode ({@code eks.amazonaws.com/alb}). */
  public boolean isAutoMode() {
    return AUTO_MODE_ALB_CONTROLLER.equals(controller);
  }

  /** The API group of the IngressClassParams this class's controller reads. */
  public String paramsApiGroup() {
    return isAutoMode() ? IngressClassParams.AUTO_MODE_API_GROUP : IngressClassParams.API_GROUP;
  }

  public boolean isDefaultClass() {
    return "true"
        .equals(
            annotation(
                "ingressclass.kubernetes.io/is-default-class")); // exactly, as the API server
  }

  /** True when {@code spec.parameters} is set. */
  public boolean hasParameters() {
    return hasParameters;
  }

  /** {@code spec.parameters.apiGroup}, or null. */
  public String getParametersApiGroup() {
    return parametersApiGroup;
  }

  /** {@code spec.parameters.kind}, or null. */
  public String getParametersKind() {
    return parametersKind;
  }

  /** {@code spec.parameters.name}, or null. */
  public String getParametersName() {
    return parametersName;
  }

  /**
   * True when the parameters are an IngressClassParams of this class's controller: apiGroup {@code
   * elbv2.k8s.aws} (AWS Load Balancer Controller) or {@code eks.amazonaws.com} (EKS Auto Mode) and
   * kind {@code IngressClassParams}, the only reference each controller accepts.
   */
  public boolean referencesIngressClassParams() {
    return hasParameters
        && paramsApiGroup().equals(parametersApiGroup)
        && IngressClassParams.KIND.equals(parametersKind);
  }
}
