package io.eksnet.relate.terraform;

import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;

/**
 * The max pods a node group's kubelet runs with, and the pods its ENIs can address in the current
 * mode: a value the user data sets, or (under custom networking) the default of an EKS AMI that a
 * launch template names, which counts the primary ENI. Managed node groups without an AMI in their
 * launch template get max pods computed by EKS from the VPC CNI's configuration and have none.
 */
public final class NodeMaxPods {

  private final NodeGroup nodeGroup;
  private final LaunchTemplate launchTemplate;
  private final int configured;
  private final String source;
  private final int addressable;
  private final String limitingType;
  private final String mode;
  private final boolean amiDefault;
  private final boolean addonInScan;
  private final int addressableWithPrefixDelegation;

  public NodeMaxPods(
      NodeGroup nodeGroup,
      LaunchTemplate launchTemplate,
      int configured,
      String source,
      int addressable,
      String limitingType,
      String mode,
      boolean amiDefault,
      boolean addonInScan,
      int addressableWithPrefixDelegation) {
    this.nodeGroup = nodeGroup;
    this.launchTemplate = launchTemplate;
    this.configured = configured;
    this.source = source;
    this.addressable = addressable;
    this.limitingType = limitingType;
    this.mode = mode;
    this.amiDefault = amiDefault;
    this.addonInScan = addonInScan;
    this.addressableWithPrefixDelegation = addressableWithPrefixDelegation;
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  /** The launch template that sets max pods, or null when the node group sets it itself. */
  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  /** Where max pods is set: the launch template, or the node group's own kubelet setting. */
  public Location getSettingLocation() {
    return launchTemplate != null
        ? launchTemplate.getLocation()
        : nodeGroup.getKubeletMaxPodsLocation() != null
            ? nodeGroup.getKubeletMaxPodsLocation()
            : nodeGroup.getLocation();
  }

  /** What sets max pods, for messages: the launch template's address, or the node group. */
  public String getSettingName() {
    return launchTemplate != null ? launchTemplate.getAddress() : nodeGroup.getDisplayName();
  }

  /**
   * Whether {@link #getConfigured()} is the AMI's default rather than a value the user data sets.
   */
  public boolean isAmiDefault() {
    return amiDefault;
  }

  public int getConfigured() {
    return configured;
  }

  /**
   * {@code --max-pods=110 in the user data}, {@code the AMI's default from the eni-max-pods table}.
   */
  public String getSource() {
    return source;
  }

  /** Pods the ENIs can address (host-network pods included, as in the max-pods formula). */
  public int getAddressable() {
    return addressable;
  }

  public String getLimitingType() {
    return limitingType;
  }

  public String getMode() {
    return mode;
  }

  /** Whether the scan has the cluster's vpc-cni add-on (else the EKS defaults are assumed). */
  public boolean isAddonInScan() {
    return addonInScan;
  }

  /**
   * Pods the ENIs could address with prefix delegation on; -1 when a type of the group does not
   * support it.
   */
  public int getAddressableWithPrefixDelegation() {
    return addressableWithPrefixDelegation;
  }
}
