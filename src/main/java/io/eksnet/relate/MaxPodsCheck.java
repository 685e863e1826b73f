package io.eksnet.relate;

import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;

/**
 * The max pods a node group's kubelet runs with against the pods its ENIs can address in the
 * current mode. {@code launchTemplate} is null when the value is the managed node group's default,
 * which ignores custom networking.
 */
public final class MaxPodsCheck {

  private final NodeGroup nodeGroup;
  private final LaunchTemplate launchTemplate;
  private final int configured;
  private final String source;
  private final int addressable;
  private final String limitingType;
  private final String mode;

  public MaxPodsCheck(
      NodeGroup nodeGroup,
      LaunchTemplate launchTemplate,
      int configured,
      String source,
      int addressable,
      String limitingType,
      String mode) {
    this.nodeGroup = nodeGroup;
    this.launchTemplate = launchTemplate;
    this.configured = configured;
    this.source = source;
    this.addressable = addressable;
    this.limitingType = limitingType;
    this.mode = mode;
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  public boolean isFromLaunchTemplate() {
    return launchTemplate != null;
  }

  public int getConfigured() {
    return configured;
  }

  /** {@code --max-pods=110 in the user data}, {@code the managed node group default}. */
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

  public boolean isAboveEniCapacity() {
    return configured > addressable;
  }
}
