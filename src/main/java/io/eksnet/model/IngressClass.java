package io.eksnet.model;

/**
 * An IngressClass: which controller implements it, whether it is the cluster default, and the
 * parameters object it references ({@code spec.parameters}).
 */
public final class IngressClass extends K8sObject {

  /** The controller string of the AWS Load Balancer Controller. */
  public static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";

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

  public boolean isAlb() {
    return ALB_CONTROLLER.equals(controller);
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
   * True when the parameters are an IngressClassParams: apiGroup {@code elbv2.k8s.aws} and kind
   * {@code IngressClassParams}, the only reference the AWS Load Balancer Controller accepts.
   */
  public boolean referencesIngressClassParams() {
    return hasParameters
        && IngressClassParams.API_GROUP.equals(parametersApiGroup)
        && IngressClassParams.KIND.equals(parametersKind);
  }
}
