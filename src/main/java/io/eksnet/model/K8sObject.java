package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes object from a manifest: identity, labels, annotations, and the parsed tree so that a
 * rule can point at the exact line of any field ({@link #at(String...)}).
 */
@PublicFact(
    "A Kubernetes object from a manifest; the supertype of Service, Ingress, Workload, Namespace and the other manifest facts.")
public abstract class K8sObject {

  private final String file;
  private final Tree.TMap root;
  private final String apiVersion;
  private final String kind;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final boolean namespaceWritten;

  protected K8sObject(String file, Tree.TMap root, String defaultNamespace) {
    this.file = file;
    this.root = root;
    this.apiVersion = nz(Tree.text(root.get("apiVersion")));
    this.kind = nz(Tree.text(root.get("kind")));
    Tree meta = root.get("metadata");
    String n = Tree.text(Tree.path(meta, "name"));
    if (n == null) {
      n = Tree.text(Tree.path(meta, "generateName"));
    }
    this.name = n == null ? "" : n;
    String ns = Tree.text(Tree.path(meta, "namespace"));
    this.namespace = isNamespaced() ? (ns == null || ns.isEmpty() ? defaultNamespace : ns) : "";
    this.namespaceWritten = ns != null && !ns.isEmpty();
    this.labels = Tree.stringMap(Tree.path(meta, "labels"));
    this.annotations = Tree.stringMap(Tree.path(meta, "annotations"));
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Cluster-scoped kinds override this. */
  protected boolean isNamespaced() {
    return true;
  }

  @FactField("The manifest's path, relative to the repository root.")
  public String getFile() {
    return file;
  }

  public Tree.TMap getRoot() {
    return root;
  }

  @FactField("`apiVersion` as written.")
  public String getApiVersion() {
    return apiVersion;
  }

  @FactField("`kind`, e.g. `Deployment`.")
  public String getKind() {
    return kind;
  }

  @FactField("`metadata.name` (else `metadata.generateName`).")
  public String getName() {
    return name;
  }

  @FactField(
      "`metadata.namespace`; the default namespace when the manifest leaves it out, empty for cluster-scoped kinds.")
  public String getNamespace() {
    return namespace;
  }

  /**
   * False when the manifest leaves metadata.namespace out: the object lands in whatever namespace
   * it is applied to (kustomize's namespace:, kubectl -n), so "default" is only a guess.
   */
  @FactField(
      "False when the manifest leaves `metadata.namespace` out: the namespace is then only a guess.")
  public boolean isNamespaceWritten() {
    return namespaceWritten;
  }

  @FactField("`metadata.labels` (string values).")
  public Map<String, String> getLabels() {
    return labels;
  }

  @FactField("`metadata.annotations` (string values).")
  public Map<String, String> getAnnotations() {
    return annotations;
  }

  @FactField("The value of one annotation, or null.")
  public String annotation(String key) {
    return annotations.get(key);
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}: the logical location of the object. */
  @FactField(
      "`Kind/namespace/name` (`Kind/name` when cluster-scoped): the logical location of the object.")
  public String getObjectId() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /**
   * {@code Service shop/web}, as used in messages; {@code Service web} for a cluster-scoped object
   * and for one whose manifest leaves {@code metadata.namespace} out (it lands wherever it is
   * applied, so printing the guessed {@code default} could name a link that cannot exist, such as a
   * {@code default/} Service behind an Ingress of namespace {@code ui}).
   */
  @FactField("`Service shop/web`, for messages.")
  public String getDisplayName() {
    String shown = name.isEmpty() ? "(no name)" : name;
    return namespace.isEmpty() || !namespaceWritten
        ? kind + " " + shown
        : kind + " " + namespace + "/" + shown;
  }

  /** The object itself: the first line of its mapping. */
  @FactField("Where the object starts: the first line of its mapping.")
  public Location getLocation() {
    return new Location(file, root.line(), root.column(), getObjectId(), "");
  }

  /**
   * The most specific existing node on a path of map keys and list indexes, e.g. {@code at("spec",
   * "ports", "0", "nodePort")}. A map key points at the key's line; a list item at the item. When
   * the path ends early, the deepest node found is used, so a finding about a missing field points
   * at its would-be parent. The field path is kept as given, for fingerprints.
   */
  @FactField(
      "The line of the most specific node on a path of map keys and list indexes, e.g. `at(\"spec\", \"ports\", \"0\", \"nodePort\")`; a missing field points at its deepest existing parent.")
  public Location at(String... path) {
    int[] pos = Tree.locate(root, root.line(), root.column(), path);
    return new Location(file, pos[0], pos[1], getObjectId(), String.join(".", path));
  }

  /** Same as {@link #at(String...)} with a list of segments. */
  public Location at(List<String> path) {
    return at(path.toArray(String[]::new));
  }

  /** The annotation's line, or the annotations block, or the object. */
  @FactField("The line of an annotation, else of the annotations block, else of the object.")
  public Location annotationLocation(String key) {
    return at("metadata", "annotations", key);
  }

  @Override
  public String toString() {
    return getDisplayName() + " (" + file + ":" + root.line() + ")";
  }
}
