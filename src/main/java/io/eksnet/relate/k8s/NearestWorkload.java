package io.eksnet.relate.k8s;

import io.eksnet.model.Service;
import io.eksnet.model.Workload;

/**
 * For a Service whose selector matches no workload: the workload of its namespace whose pod labels
 * come closest to the selector, and how they differ. One per such Service, when its namespace has
 * workloads. States what is; whether the difference is a mistake is the rule's call.
 */
public final class NearestWorkload {
  private final Service service;
  private final Workload workload;
  private final int differing;
  private final String key;
  private final String wanted;
  private final String have;
  private final boolean typo;
  private final boolean onObjectLabels;
  private final String difference;

  NearestWorkload(
      Service service,
      Workload workload,
      int differing,
      String key,
      String wanted,
      String have,
      boolean typo,
      boolean onObjectLabels,
      String difference) {
    this.service = service;
    this.workload = workload;
    this.differing = differing;
    this.key = key;
    this.wanted = wanted;
    this.have = have;
    this.typo = typo;
    this.onObjectLabels = onObjectLabels;
    this.difference = difference;
  }

  public Service getService() {
    return service;
  }

  /** The closest workload. */
  public Workload getWorkload() {
    return workload;
  }

  /** How many selector labels the workload's pod labels lack (at least 1). */
  public int getDiffering() {
    return differing;
  }

  /** The first differing selector label's key. */
  public String getKey() {
    return key;
  }

  /** The value the selector wants for {@link #getKey()}. */
  public String getWanted() {
    return wanted;
  }

  /** The value the pod template has for {@link #getKey()}, or null when it has no such label. */
  public String getHave() {
    return have;
  }

  /**
   * True when {@link #getWanted()} and {@link #getHave()} are a typo apart ({@link
   * LabelValues#typoApart}), on a key that does not name a variant (version, track, environment).
   */
  public boolean isTypo() {
    return typo;
  }

  /**
   * True when the workload carries the wanted label on its own {@code metadata.labels} but not on
   * its pod template: the label was put on the wrong object.
   */
  public boolean isOnObjectLabels() {
    return onObjectLabels;
  }

  /** E.g. {@code has app.kubernetes.io/name=ui, not ui-app}, for messages. */
  public String getDifference() {
    return difference;
  }
}
