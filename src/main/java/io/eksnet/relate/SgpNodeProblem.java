package io.eksnet.relate;

import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroupPolicy;

/**
 * A SecurityGroupPolicy whose pods no node of the cluster can host: no node group has
 * trunk-compatible instance types ({@code noTrunk}), or the VPC CNI runs without {@code
 * ENABLE_POD_ENI=true} ({@code podEniOff}). Either way no node offers {@code
 * vpc.amazonaws.com/pod-eni}.
 */
public final class SgpNodeProblem {

  private final SecurityGroupPolicy policy;
  private final boolean noTrunk;
  private final String detail;
  private final Location related;

  public SgpNodeProblem(
      SecurityGroupPolicy policy, boolean noTrunk, String detail, Location related) {
    this.policy = policy;
    this.noTrunk = noTrunk;
    this.detail = detail;
    this.related = related;
  }

  public SecurityGroupPolicy getPolicy() {
    return policy;
  }

  /** True: instance types without trunking; false: ENABLE_POD_ENI is off. */
  public boolean isNoTrunk() {
    return noTrunk;
  }

  /** The node groups and types, or where ENABLE_POD_ENI is (not) set. */
  public String getDetail() {
    return detail;
  }

  public Location location() {
    return policy.groupsLocation();
  }

  public Location relatedLocation() {
    return related;
  }
}
