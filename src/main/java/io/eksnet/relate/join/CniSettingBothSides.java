package io.eksnet.relate.join;

import io.eksnet.model.EksAddon;
import io.eksnet.model.Location;
import io.eksnet.model.Workload;

/**
 * One VPC CNI variable that both the Terraform vpc-cni add-on's {@code configuration_values} and
 * the {@code aws-node} DaemonSet of the manifests set (the two tied to the scan's one cluster),
 * with both values and which one applies when they differ.
 */
public final class CniSettingBothSides {

  private final EksAddon addon;
  private final Workload daemonSet;
  private final String name;
  private final String addonValue;
  private final String daemonSetValue;

  public CniSettingBothSides(
      EksAddon addon, Workload daemonSet, String name, String addonValue, String daemonSetValue) {
    this.addon = addon;
    this.daemonSet = daemonSet;
    this.name = name;
    this.addonValue = addonValue;
    this.daemonSetValue = daemonSetValue;
  }

  public EksAddon getAddon() {
    return addon;
  }

  public Workload getDaemonSet() {
    return daemonSet;
  }

  public String getName() {
    return name;
  }

  public String getAddonValue() {
    return addonValue;
  }

  public String getDaemonSetValue() {
    return daemonSetValue;
  }

  /**
   * True when both sides set the same value: compared trimmed, {@code true}/{@code false} without
   * case (as the CNI reads them).
   */
  public boolean isSameValue() {
    return same(addonValue, daemonSetValue);
  }

  /** Env values compare trimmed, booleans without case. */
  static boolean same(String a, String b) {
    String x = a.trim();
    String y = b.trim();
    boolean bools =
        (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"))
            && (y.equalsIgnoreCase("true") || y.equalsIgnoreCase("false"));
    return bools ? x.equalsIgnoreCase(y) : x.equals(y);
  }

  /** The DaemonSet's env entry. */
  public Location location() {
    return daemonSet.envAt(name);
  }

  /** Which value the nodes end up with, by the add-on's {@code resolve_conflicts_on_update}. */
  public String describeOutcome() {
    String r = addon.getResolveConflictsOnUpdate();
    if ("OVERWRITE".equals(r)) {
      return "with resolve_conflicts_on_update = OVERWRITE the add-on wins: EKS owns the fields its configuration sets"
          + " (server-side apply) and puts "
          + addonValue
          + " back on the next add-on update, so the DaemonSet's "
          + daemonSetValue
          + " lasts only until then";
    }
    if ("PRESERVE".equals(r)) {
      return "with resolve_conflicts_on_update = PRESERVE the DaemonSet wins: EKS keeps the edited "
          + daemonSetValue
          + " through add-on updates, so the Terraform configuration does not say what the nodes run";
    }
    return "with resolve_conflicts_on_update "
        + (r == null ? "unset" : "= " + r)
        + " neither wins for sure: EKS owns the fields its configuration sets (server-side apply), does not resolve"
        + " the conflict and the next add-on update can fail on it, and until then the nodes run whichever was applied last";
  }
}
