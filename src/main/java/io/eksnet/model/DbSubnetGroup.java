package io.eksnet.model;

/** An {@code aws_db_subnet_group}: the subnets a database may be placed in. */
public final class DbSubnetGroup extends TerraformResource {

  private final String groupName;
  private final TfRefs subnets;

  public DbSubnetGroup(Header h, String groupName, TfRefs subnets) {
    super(h);
    this.groupName = groupName;
    this.subnets = subnets;
  }

  /** {@code name}; null when unknown. */
  public String getGroupName() {
    return groupName;
  }

  public TfRefs getSubnets() {
    return subnets;
  }
}
