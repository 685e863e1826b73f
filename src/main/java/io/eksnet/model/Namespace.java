package io.eksnet.model;

/** A Namespace object (only its labels matter to the rules). */
@PublicFact("A Namespace object.")
public final class Namespace extends K8sObject {

  public Namespace(String file, Tree.TMap root) {
    super(file, root, "");
  }

  /**
   * The label the API server puts on every Namespace (Kubernetes 1.21+), whatever the manifest
   * says.
   */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /**
   * The labels the Namespace has in a cluster: those of the manifest, and {@link #NAME_LABEL} set
   * to its name, so a selector on the name matches as it does in the cluster.
   */
  public java.util.Map<String, String> getClusterLabels() {
    java.util.Map<String, String> labels = new java.util.HashMap<>(getLabels());
    labels.put(NAME_LABEL, getName());
    return java.util.Map.copyOf(labels);
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }
}
