package io.eksnet.relate;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * A security group id of an ENIConfig that the Terraform contradicts: no group of the scan (nor the
 * cluster security group) has that id while the ENIConfigs' other groups are found, or the group
 * belongs to another VPC than the ENIConfig's subnet.
 */
public final class EniConfigSecurityGroup {

  private final EniConfig eniConfig;
  private final int index;
  private final String groupId;
  private final TerraformResource related;
  private final String groupVpc;
  private final String subnetVpc;

  public EniConfigSecurityGroup(
      EniConfig eniConfig,
      int index,
      String groupId,
      TerraformResource related,
      String groupVpc,
      String subnetVpc) {
    this.eniConfig = eniConfig;
    this.index = index;
    this.groupId = groupId;
    this.related = related;
    this.groupVpc = groupVpc;
    this.subnetVpc = subnetVpc;
  }

  public EniConfig getEniConfig() {
    return eniConfig;
  }

  public String getGroupId() {
    return groupId;
  }

  /** True when the group is found but belongs to another VPC than the subnet. */
  public boolean isInOtherVpc() {
    return groupVpc != null;
  }

  /** The group's VPC when it differs from the subnet's. */
  public String getGroupVpc() {
    return groupVpc;
  }

  /** The ENIConfig subnet's VPC (address or id); for an unknown group, a group that is found. */
  public String getSubnetVpc() {
    return subnetVpc;
  }

  /** The group resource, or the resource the other groups were found in. */
  public TerraformResource getRelated() {
    return related;
  }

  /** The list item in {@code spec.securityGroups}. */
  public Location location() {
    return eniConfig.at("spec", "securityGroups", Integer.toString(index));
  }

  public Location relatedLocation() {
    return related == null ? null : related.getLocation();
  }
}
