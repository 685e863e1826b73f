package io.eksnet.model;

import io.eksnet.aws.CniSettings;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code aws_eks_addon} with its {@code configuration_values} JSON parsed: for {@code vpc-cni}
 * the {@code env} map (prefix delegation, custom networking, warm targets, pod ENI, external SNAT),
 * for {@code kube-proxy} the {@code mode}.
 */
public final class EksAddon extends TerraformResource {

  private final String clusterName;
  private final String addonName;
  private final String configurationValues;
  private final boolean configurationKnown;
  private final Map<String, String> env;
  private final String kubeProxyMode;
  private final String enableNetworkPolicy;
  private final String resolveConflictsOnUpdate;

  public EksAddon(
      Header h,
      String clusterName,
      String addonName,
      String configurationValues,
      boolean configurationKnown,
      Map<String, String> env,
      String kubeProxyMode,
      String enableNetworkPolicy,
      String resolveConflictsOnUpdate) {
    super(h);
    this.clusterName = clusterName;
    this.addonName = addonName;
    this.configurationValues = configurationValues;
    this.configurationKnown = configurationKnown;
    this.env = Map.copyOf(env);
    this.kubeProxyMode = kubeProxyMode;
    this.enableNetworkPolicy = enableNetworkPolicy;
    this.resolveConflictsOnUpdate = resolveConflictsOnUpdate;
  }

  /**
   * {@code resolve_conflicts_on_update} (or the deprecated {@code resolve_conflicts}) upper-cased:
   * {@code NONE}, {@code OVERWRITE} or {@code PRESERVE}; null when unset or unknown.
   */
  public String getResolveConflictsOnUpdate() {
    return resolveConflictsOnUpdate;
  }

  public String getClusterName() {
    return clusterName;
  }

  /** {@code addon_name}, e.g. {@code vpc-cni}, {@code kube-proxy}. */
  public String getAddonName() {
    return addonName;
  }

  public boolean isVpcCni() {
    return "vpc-cni".equals(addonName);
  }

  public boolean isKubeProxy() {
    return "kube-proxy".equals(addonName);
  }

  /** The raw {@code configuration_values} JSON; null when unset or unknown. */
  public String getConfigurationValues() {
    return configurationValues;
  }

  /** False when {@code configuration_values} is unknown until apply (or not valid JSON). */
  public boolean isConfigurationKnown() {
    return configurationKnown;
  }

  /** The {@code env} map of the vpc-cni configuration, values as strings. */
  public Map<String, String> getEnv() {
    return env;
  }

  /** {@code mode} of the kube-proxy configuration; null when unset. */
  public String getKubeProxyMode() {
    return kubeProxyMode;
  }

  /** {@code enableNetworkPolicy} of the vpc-cni configuration; null when unset. */
  public String getEnableNetworkPolicy() {
    return enableNetworkPolicy;
  }

  /** The env flag as a boolean ({@code "true"}, any case); false when unset. */
  public boolean flag(String name) {
    String v = env.get(name);
    return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  public boolean isPrefixDelegation() {
    return flag("ENABLE_PREFIX_DELEGATION");
  }

  public boolean isCustomNetworking() {
    return flag("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG");
  }

  public boolean isExternalSnat() {
    return flag("AWS_VPC_K8S_CNI_EXTERNALSNAT");
  }

  public boolean isPodEni() {
    return flag("ENABLE_POD_ENI");
  }

  /**
   * The CNI settings this add-on configures, starting from the EKS add-on defaults ({@code
   * WARM_ENI_TARGET=1}, {@code WARM_PREFIX_TARGET=1}); unparseable numbers keep the default.
   */
  public CniSettings cniSettings() {
    return CniSettings.fromEnv(env::get);
  }
}
