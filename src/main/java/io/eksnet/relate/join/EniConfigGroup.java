package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.TerraformResource;

/**
 * One security group id of an ENIConfig's {@code spec.securityGroups}, against the Terraform of a
 * scan that has some of the ENIConfigs' groups: the scan's group with that id ({@link #getGroup()},
 * or null), whether it is a cluster's EKS security group, whether the group and the ENIConfig's
 * subnet are certainly in different VPCs, and a group of the ENIConfigs that the scan does have.
 */
public final class EniConfigGroup {

  private final EniConfig eniConfig;
  private final int index;
  private final String groupId;
  private final SecurityGroup group;
  private final boolean clusterGroup;
  private final boolean subnetKnown;
  private final boolean differentVpc;
  private final String groupVpc;
  private final String subnetVpc;
  private final String found;
  private final TerraformResource foundResource;

  public EniConfigGroup(
      EniConfig eniConfig,
      int index,
      String groupId,
      SecurityGroup group,
      boolean clusterGroup,
      boolean subnetKnown,
      boolean differentVpc,
      String groupVpc,
      String subnetVpc,
      String found,
      TerraformResource foundResource) {
    this.eniConfig = eniConfig;
    this.index = index;
    this.groupId = groupId;
    this.group = group;
    this.clusterGroup = clusterGroup;
    this.subnetKnown = subnetKnown;
    this.differentVpc = differentVpc;
    this.groupVpc = groupVpc;
    this.subnetVpc = subnetVpc;
    this.found = found;
    this.foundResource = foundResource;
  }

  public EniConfig getEniConfig() {
    return eniConfig;
  }

  public String getGroupId() {
    return groupId;
  }

  /** True when the id has the form of a security group id ({@code sg-} and 8 or 17 hex digits). */
  public boolean isWellFormedId() {
    return JoinIndex.SG_ID.matcher(groupId).matches();
  }

  /** The scan's {@code aws_security_group} with this id, or null. */
  public SecurityGroup getGroup() {
    return group;
  }

  /** True when the id is the EKS cluster security group of a cluster in the scan. */
  public boolean isClusterGroup() {
    return clusterGroup;
  }

  /** True when the ENIConfig's subnet is a subnet of the scan. */
  public boolean isSubnetKnown() {
    return subnetKnown;
  }

  /** True when the group and the ENIConfig's subnet are certainly in different VPCs. */
  public boolean isDifferentVpc() {
    return differentVpc;
  }

  /** The group's VPC (address or id), or null. */
  public String getGroupVpc() {
    return groupVpc;
  }

  /** The ENIConfig subnet's VPC (address or id), or null. */
  public String getSubnetVpc() {
    return subnetVpc;
  }

  /** A group of the ENIConfigs that the scan has: {@code sg-1 (aws_security_group.pods)}. */
  public String getFound() {
    return found;
  }

  /** The resource of {@link #getFound()}. */
  public TerraformResource getFoundResource() {
    return foundResource;
  }

  /** The list item in {@code spec.securityGroups}. */
  public Location location() {
    return eniConfig.at("spec", "securityGroups", Integer.toString(index));
  }
}
