package io.eksnet.aws;

/**
 * The VPC CNI ({@code aws-node}) settings that decide max pods and how many subnet addresses a node
 * holds. Values of 0 or less for {@code warmIpTarget}, {@code minimumIpTarget} and {@code maxEni}
 * mean "not set", as in ipamd.
 *
 * @param prefixDelegation {@code ENABLE_PREFIX_DELEGATION}: /28 prefixes instead of single IPs (VPC
 *     CNI 1.9 and later; ignored by ipamd on non-Nitro, non-bare-metal types)
 * @param customNetworking {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG}: pods take addresses from the
 *     ENIConfig subnet on secondary ENIs; the primary ENI serves no pod
 * @param warmEniTarget {@code WARM_ENI_TARGET}: whole free ENIs to keep (code default 1)
 * @param warmIpTarget {@code WARM_IP_TARGET}: free IPs to keep; overrides the ENI and prefix
 *     targets when set
 * @param minimumIpTarget {@code MINIMUM_IP_TARGET}: floor on allocated IPs; overrides {@code
 *     WARM_ENI_TARGET} when set
 * @param warmPrefixTarget {@code WARM_PREFIX_TARGET}: free /28 prefixes to keep (code default 0,
 *     shipped manifest 1)
 * @param maxEni {@code MAX_ENI}: caps the ENIs ipamd attaches
 * @param subnetDiscovery {@code ENABLE_SUBNET_DISCOVERY}: secondary ENIs may go to subnets tagged
 *     {@code kubernetes.io/role/cni} in the node's VPC and zone (on unless set to false; VPC CNI
 *     1.18 and later)
 */
public record CniSettings(
    boolean prefixDelegation,
    boolean customNetworking,
    int warmEniTarget,
    int warmIpTarget,
    int minimumIpTarget,
    int warmPrefixTarget,
    int maxEni,
    boolean subnetDiscovery) {

  /** Rejects negative warm ENI and prefix targets. */
  public CniSettings {
    if (warmEniTarget < 0 || warmPrefixTarget < 0) {
      throw new IllegalArgumentException(
          "WARM_ENI_TARGET and WARM_PREFIX_TARGET must not be negative: "
              + warmEniTarget
              + ", "
              + warmPrefixTarget);
    }
  }

  /**
   * The settings a VPC CNI environment gives ({@code env} returns a variable's value or null),
   * starting from the EKS add-on defaults ({@code WARM_ENI_TARGET=1}, {@code
   * WARM_PREFIX_TARGET=1}); unparseable or negative numbers keep the default.
   */
  public static CniSettings fromEnv(java.util.function.Function<String, String> env) {
    CniSettings d = eksDefaults();
    return d.withPrefixDelegation(flag(env.apply("ENABLE_PREFIX_DELEGATION")))
        .withCustomNetworking(flag(env.apply("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG")))
        .withWarmTargets(
            nonNegative(env.apply("WARM_ENI_TARGET"), d.warmEniTarget()),
            number(env.apply("WARM_IP_TARGET"), 0),
            number(env.apply("MINIMUM_IP_TARGET"), 0),
            nonNegative(env.apply("WARM_PREFIX_TARGET"), d.warmPrefixTarget()))
        .withMaxEni(number(env.apply("MAX_ENI"), 0))
        .withSubnetDiscovery(
            !"false".equalsIgnoreCase(trimmed(env.apply("ENABLE_SUBNET_DISCOVERY"))));
  }

  private static String trimmed(String v) {
    return v == null ? null : v.trim();
  }

  private static boolean flag(String v) {
    return v != null && v.trim().equalsIgnoreCase("true");
  }

  private static int number(String v, int dflt) {
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static int nonNegative(String v, int dflt) {
    int n = number(v, dflt);
    return n < 0 ? dflt : n;
  }

  /**
   * The settings of the shipped {@code aws-node} manifest and of the EKS add-on: secondary-IP mode,
   * {@code WARM_ENI_TARGET=1}, {@code WARM_PREFIX_TARGET=1}, nothing else set. (An env list that
   * omits {@code WARM_PREFIX_TARGET} gets ipamd's code default 0 instead.)
   */
  public static CniSettings eksDefaults() {
    return new CniSettings(false, false, 1, 0, 0, 1, 0, true);
  }

  /** These settings with {@code ENABLE_PREFIX_DELEGATION} set as given. */
  public CniSettings withPrefixDelegation(boolean on) {
    return new CniSettings(
        on,
        customNetworking,
        warmEniTarget,
        warmIpTarget,
        minimumIpTarget,
        warmPrefixTarget,
        maxEni,
        subnetDiscovery);
  }

  /** These settings with {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG} set as given. */
  public CniSettings withCustomNetworking(boolean on) {
    return new CniSettings(
        prefixDelegation,
        on,
        warmEniTarget,
        warmIpTarget,
        minimumIpTarget,
        warmPrefixTarget,
        maxEni,
        subnetDiscovery);
  }

  /** These settings with the warm targets set as given (0 for unset IP targets). */
  public CniSettings withWarmTargets(int warmEni, int warmIp, int minimumIp, int warmPrefix) {
    return new CniSettings(
        prefixDelegation,
        customNetworking,
        warmEni,
        warmIp,
        minimumIp,
        warmPrefix,
        maxEni,
        subnetDiscovery);
  }

  /** These settings with {@code MAX_ENI} set as given (0 for unset). */
  public CniSettings withMaxEni(int max) {
    return new CniSettings(
        prefixDelegation,
        customNetworking,
        warmEniTarget,
        warmIpTarget,
        minimumIpTarget,
        warmPrefixTarget,
        max,
        subnetDiscovery);
  }

  /** These settings with {@code ENABLE_SUBNET_DISCOVERY} set as given. */
  public CniSettings withSubnetDiscovery(boolean on) {
    return new CniSettings(
        prefixDelegation,
        customNetworking,
        warmEniTarget,
        warmIpTarget,
        minimumIpTarget,
        warmPrefixTarget,
        maxEni,
        on);
  }

  /**
   * The addressing mode in effect on a node of this type: prefix delegation when it is enabled and
   * the type supports it (Nitro or bare metal); otherwise ipamd falls back to secondary IPs.
   */
  public AddressingMode modeOn(InstanceType type) {
    return prefixDelegation && type.prefixDelegationSupported()
        ? AddressingMode.PREFIX_DELEGATION
        : AddressingMode.SECONDARY_IP;
  }

  /**
   * True when {@code WARM_IP_TARGET} or {@code MINIMUM_IP_TARGET} is set, overriding the others.
   */
  public boolean usesIpTargets() {
    return warmIpTarget > 0 || minimumIpTarget > 0;
  }
}
