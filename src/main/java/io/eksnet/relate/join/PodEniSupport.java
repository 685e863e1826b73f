package io.eksnet.relate.join;

import io.eksnet.model.Location;

/**
 * Whether the nodes of the scan's one cluster can offer branch ENIs ({@code
 * vpc.amazonaws.com/pod-eni}) to pods with security groups. {@link #isPodEniOff()}: the vpc-cni
 * add-on's configuration is known and does not set {@code ENABLE_POD_ENI=true}. {@link
 * #isNoTrunkingNodeGroup()}: the cluster has node groups, all their instance types are known and in
 * the instance table, and none can attach a trunk ENI. Unknown either way reads false.
 */
public final class PodEniSupport {

  private final boolean podEniOff;
  private final String podEniSetting;
  private final Location podEniLocation;
  private final boolean noTrunkingNodeGroup;
  private final String nodeGroupTypes;
  private final Location nodeGroupLocation;

  public PodEniSupport(
      boolean podEniOff,
      String podEniSetting,
      Location podEniLocation,
      boolean noTrunkingNodeGroup,
      String nodeGroupTypes,
      Location nodeGroupLocation) {
    this.podEniOff = podEniOff;
    this.podEniSetting = podEniSetting;
    this.podEniLocation = podEniLocation;
    this.noTrunkingNodeGroup = noTrunkingNodeGroup;
    this.nodeGroupTypes = nodeGroupTypes;
    this.nodeGroupLocation = nodeGroupLocation;
  }

  public boolean isPodEniOff() {
    return podEniOff;
  }

  /** Where and how {@code ENABLE_POD_ENI} is (not) set, when {@link #isPodEniOff()}. */
  public String getPodEniSetting() {
    return podEniSetting;
  }

  /** The add-on's setting, when {@link #isPodEniOff()}. */
  public Location getPodEniLocation() {
    return podEniLocation;
  }

  public boolean isNoTrunkingNodeGroup() {
    return noTrunkingNodeGroup;
  }

  /** The node groups and their types, when {@link #isNoTrunkingNodeGroup()}. */
  public String getNodeGroupTypes() {
    return nodeGroupTypes;
  }

  /** The first node group, when {@link #isNoTrunkingNodeGroup()}. */
  public Location getNodeGroupLocation() {
    return nodeGroupLocation;
  }
}
