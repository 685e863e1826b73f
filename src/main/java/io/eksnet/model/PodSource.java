package io.eksnet.model;

import java.util.Map;
import java.util.Set;

/**
 * An object of the scan that is not a {@link Workload} but makes a controller create pods: an
 * operator's custom resource (a prometheus-operator {@code Prometheus}), any custom resource with a
 * pod template or pod labels ({@code spec.template}, {@code spec.podMetadata}), an Argo Rollout
 * that borrows its template from a Deployment ({@code spec.workloadRef}). States what is known of
 * the labels its pods get; which pods it really creates is up to a controller eksnet does not
 * model.
 */
public final class PodSource extends K8sObject {

  private final String origin;
  private final Map<String, String> podLabels;
  private final Set<String> anyValueKeys;
  private final boolean open;

  /**
   * @param origin what creates the pods, for messages ({@code the prometheus-operator})
   * @param podLabels labels its pods are known to get
   * @param anyValueKeys label keys its pods get with a value not known from the manifest (a
   *     version, a shard number)
   * @param open true when the controller may add label keys not listed here (an unknown
   *     controller); false when the listed labels are all the pods get besides the ones every
   *     controller adds
   */
  public PodSource(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      String origin,
      Map<String, String> podLabels,
      Set<String> anyValueKeys,
      boolean open) {
    super(file, root, defaultNamespace);
    this.origin = origin;
    this.podLabels = Map.copyOf(podLabels);
    this.anyValueKeys = Set.copyOf(anyValueKeys);
    this.open = open;
  }

  /** What creates the pods, e.g. {@code the prometheus-operator}. */
  public String getOrigin() {
    return origin;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public Set<String> getAnyValueKeys() {
    return anyValueKeys;
  }

  public boolean isOpen() {
    return open;
  }

  /**
   * True when the pods this object makes could carry labels the selector selects: no selector term
   * contradicts what is known of their labels. A key the pods are not known to get could still be
   * there when the source is open, or when the key is one a controller sets itself ({@link
   * ControllerLabels}).
   */
  public boolean couldCarry(LabelSelector selector) {
    if (selector.isNone()) {
      return false;
    }
    if (selector.matchLabels() != null) {
      for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
        if (!couldHave(e.getKey(), e.getValue())) {
          return false;
        }
      }
    }
    for (LabelSelector.Requirement r : selector.expressions()) {
      String k = r.key();
      boolean unknown = !podLabels.containsKey(k);
      boolean ok =
          switch (r.operator()) {
            case "In" -> r.values().stream().anyMatch(v -> couldHave(k, v));
            case "Exists" -> !unknown || mayHaveKey(k);
            case "NotIn" -> unknown || !r.values().contains(podLabels.get(k));
            case "DoesNotExist" -> unknown && !anyValueKeys.contains(k);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean couldHave(String key, String value) {
    String known = podLabels.get(key);
    if (known != null) {
      return known.equals(value);
    }
    return mayHaveKey(key);
  }

  private boolean mayHaveKey(String key) {
    return open || anyValueKeys.contains(key) || ControllerLabels.isControllerKey(key);
  }
}
