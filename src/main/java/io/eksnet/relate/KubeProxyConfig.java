package io.eksnet.relate;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Location;

/**
 * kube-proxy's mode as configured in the scan: the {@code kube-proxy-config} (EKS) or {@code
 * kube-proxy} (kubeadm) ConfigMap in kube-system. {@code mode} is {@code iptables} when the
 * configuration leaves it empty, as kube-proxy does on Linux.
 */
public final class KubeProxyConfig {
  private final ConfigMap configMap;
  private final String mode;
  private final Location modeLocation;

  public KubeProxyConfig(ConfigMap configMap, String mode, Location modeLocation) {
    this.configMap = configMap;
    this.mode = mode;
    this.modeLocation = modeLocation;
  }

  public ConfigMap getConfigMap() {
    return configMap;
  }

  public String getMode() {
    return mode;
  }

  public Location modeLocation() {
    return modeLocation;
  }
}
