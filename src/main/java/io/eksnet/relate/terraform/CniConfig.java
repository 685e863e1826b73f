package io.eksnet.relate.terraform;

import io.eksnet.model.EksAddon;
import io.eksnet.model.Location;
import io.eksnet.model.Workload;
import java.util.Locale;

/**
 * The VPC CNI settings of the scanned cluster, from both places they are written: the {@code
 * configuration_values} env of the Terraform {@code vpc-cni} add-on and the env of the {@code
 * aws-node} DaemonSet (kube-system) in the manifests. One per scan, when the scan holds at least
 * one of the two and names one cluster.
 *
 * <p>Which value applies: EKS applies the add-on's configuration with server-side apply and owns
 * the fields it sets; a DaemonSet edit of such a field is put back on the next add-on update unless
 * {@code resolve_conflicts_on_update = PRESERVE}. So a variable the add-on sets takes the add-on's
 * value, except with PRESERVE when the DaemonSet sets it too; a variable only the DaemonSet sets
 * takes the DaemonSet's value. Custom networking counts as on when either side turns it on.
 *
 * <p>When the scan cannot tie the two sides to one cluster, the fact holds the side there is: the
 * aws-node DaemonSet alone, or the only vpc-cni add-on (the cni-fallback relation provider).
 */
public final class CniConfig {

  private final EksAddon addon;
  private final Workload daemonSet;

  public CniConfig(EksAddon addon, Workload daemonSet) {
    this.addon = addon;
    this.daemonSet = daemonSet;
  }

  /** The vpc-cni add-on; null when the scan has none. */
  public EksAddon getAddon() {
    return addon;
  }

  /** The aws-node DaemonSet; null when the scan has none. */
  public Workload getDaemonSet() {
    return daemonSet;
  }

  /** True when both sides are in the scan. */
  public boolean isBothSides() {
    return addon != null && daemonSet != null;
  }

  /** False when the add-on's configuration values are unknown until apply (or not JSON). */
  public boolean isKnown() {
    return addon == null || addon.isConfigurationKnown();
  }

  private boolean daemonSetWins(String name) {
    if (daemonSet == null || daemonSet.env(name) == null) {
      return false;
    }
    return addon == null
        || !addon.getEnv().containsKey(name)
        || "PRESERVE".equals(addon.getResolveConflictsOnUpdate());
  }

  /** The value that applies (see the class comment); null when neither side sets it. */
  public String value(String name) {
    if (daemonSetWins(name)) {
      return daemonSet.env(name);
    }
    return addon == null ? null : addon.getEnv().get(name);
  }

  /** True when the value that applies is {@code true} (any case). */
  public boolean isTrue(String name) {
    String v = value(name);
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  private static boolean on(String v) {
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true} on either side. */
  public boolean isCustomNetworking() {
    return (addon != null && addon.isCustomNetworking())
        || (daemonSet != null && on(daemonSet.env("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG")));
  }

  /** {@code AWS_VPC_K8S_CNI_EXTERNALSNAT} as it applies (default false). */
  public boolean isExternalSnat() {
    return isTrue("AWS_VPC_K8S_CNI_EXTERNALSNAT");
  }

  /** Where the value that applies is written: the DaemonSet's env entry, else the add-on. */
  public Location settingLocation(String name) {
    if (daemonSetWins(name) || (addon == null && daemonSet != null)) {
      return daemonSet.envAt(name);
    }
    if (name.equals("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG")
        && !(addon != null && addon.isCustomNetworking())
        && daemonSet != null
        && on(daemonSet.env(name))) {
      return daemonSet.envAt(name);
    }
    return addon.getLocation();
  }

  /**
   * {@code AWS_VPC_K8S_CNI_EXTERNALSNAT=true in aws_eks_addon.vpc_cni}, or {@code ... unset
   * (default false) in ...}, for messages.
   */
  public String describeSetting(String name) {
    String v = value(name);
    boolean fromDs = daemonSetWins(name) || (addon == null && daemonSet != null);
    if (name.equals("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG") && isCustomNetworking()) {
      v = "true";
      fromDs = !(addon != null && addon.isCustomNetworking());
    }
    String where =
        fromDs
            ? "the " + daemonSet.getDisplayName() + " env"
            : "the vpc-cni add-on " + addon.getAddress();
    return v == null
        ? name + " unset (default false) in " + where
        : name + "=" + v.trim() + " in " + where;
  }

  /**
   * Security groups for pods on ({@code ENABLE_POD_ENI=true}) with {@code
   * POD_SECURITY_GROUP_ENFORCING_MODE} strict, written or by default.
   */
  public boolean isPodEniStrict() {
    if (!isKnown() || !isTrue("ENABLE_POD_ENI")) {
      return false;
    }
    String mode = value("POD_SECURITY_GROUP_ENFORCING_MODE");
    return mode == null || mode.trim().equals("strict");
  }

  /** Whether {@code POD_SECURITY_GROUP_ENFORCING_MODE} is written on the side that applies. */
  public boolean isEnforcingModeWritten() {
    return value("POD_SECURITY_GROUP_ENFORCING_MODE") != null;
  }

  /**
   * The CNI settings that apply, for the capacity rules: each variable as {@link #value} gives it,
   * custom networking on when either side turns it on.
   */
  public io.eksnet.aws.CniSettings cniSettings() {
    return io.eksnet.aws.CniSettings.fromEnv(this::value)
        .withCustomNetworking(isCustomNetworking());
  }
}
