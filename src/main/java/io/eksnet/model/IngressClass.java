package io.eksnet.model;

/** An IngressClass: which controller implements it and whether it is the cluster default. */
public final class IngressClass extends K8sObject {

  /** The controller string of the AWS Load Balancer Controller. */
  public static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";

  private final String controller;

  public IngressClass(String file, Tree.TMap root, String controller) {
    super(file, root, "");
    this.controller = controller;
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
    return "true".equalsIgnoreCase(annotation("ingressclass.kubernetes.io/is-default-class"));
  }
}
