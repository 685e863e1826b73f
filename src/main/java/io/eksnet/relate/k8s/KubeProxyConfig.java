package io.eksnet.relate.k8s;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.EksAddon;
import io.eksnet.model.Location;

/**
 * kube-proxy's mode as configured in the scan, from whichever side gives it: the {@code
 * kube-proxy-config} (EKS) or {@code kube-proxy} (kubeadm) ConfigMap in kube-system, or the {@code
 * configuration_values} of a Terraform {@code kube-proxy} {@code aws_eks_addon}. {@code mode} is
 * {@code iptables} when the configuration leaves it empty, as kube-proxy does on Linux and the EKS
 * add-on does by default. One fact per source, so a scan with both gives two.
 */
public final class KubeProxyConfig {
  private final ConfigMap configMap;
  private final EksAddon addon;
  private final String mode;
  private final Location modeLocation;

  public KubeProxyConfig(ConfigMap configMap, String mode, Location modeLocation) {
    this(configMap, null, mode, modeLocation);
  }

  private KubeProxyConfig(ConfigMap configMap, EksAddon addon, String mode, Location modeLocation) {
    this.configMap = configMap;
    this.addon = addon;
    this.mode = mode;
    this.modeLocation = modeLocation;
  }

  /**
   * The mode of a kube-proxy add-on with known configuration values ({@code mode} unset means
   * iptables); null for other add-ons or configuration values unknown until apply.
   */
  public static KubeProxyConfig ofAddon(EksAddon a) {
    if (!a.isKubeProxy() || !a.isConfigurationKnown()) {
      return null;
    }
    String m = a.getKubeProxyMode();
    return new KubeProxyConfig(
        null,
        a,
        m == null || m.isBlank() ? "iptables" : m.trim().toLowerCase(java.util.Locale.ROOT),
        a.getLocation());
  }

  /** The ConfigMap that gives the mode; null when an add-on gives it. */
  public ConfigMap getConfigMap() {
    return configMap;
  }

  /** The Terraform add-on that gives the mode; null when a ConfigMap gives it. */
  public EksAddon getAddon() {
    return addon;
  }

  /** {@code ConfigMap kube-system/kube-proxy-config} or {@code aws_eks_addon.kube_proxy}. */
  public String getDisplayName() {
    return configMap != null
        ? configMap.getDisplayName()
        : "kube-proxy add-on " + addon.getAddress();
  }

  public String getMode() {
    return mode;
  }

  /** The {@code mode:} line of the ConfigMap, or the add-on resource. */
  public Location modeLocation() {
    return modeLocation;
  }
}
