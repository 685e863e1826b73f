package io.eksnet.model;

/** A Namespace object (only its labels matter to the rules). */
public final class Namespace extends K8sObject {

  public Namespace(String file, Tree.TMap root) {
    super(file, root, "");
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }
}
