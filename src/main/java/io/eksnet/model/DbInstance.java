package io.eksnet.model;

/** An {@code aws_db_instance}: its subnet group, security groups, port and exposure. */
public final class DbInstance extends TerraformResource implements Database {

  private final String identifier;
  private final String engine;
  private final TfRefs subnetGroup;
  private final TfRefs securityGroups;
  private final Integer port;
  private final boolean publiclyAccessible;

  public DbInstance(
      Header h,
      String identifier,
      String engine,
      TfRefs subnetGroup,
      TfRefs securityGroups,
      Integer port,
      boolean publiclyAccessible) {
    super(h);
    this.identifier = identifier;
    this.engine = engine;
    this.subnetGroup = subnetGroup;
    this.securityGroups = securityGroups;
    this.port = port;
    this.publiclyAccessible = publiclyAccessible;
  }

  @Override
  public String getIdentifier() {
    return identifier;
  }

  @Override
  public String getEngine() {
    return engine;
  }

  /** {@code db_subnet_group_name} resolved to the group's address. */
  @Override
  public TfRefs getSubnetGroup() {
    return subnetGroup;
  }

  /** {@code vpc_security_group_ids}. */
  @Override
  public TfRefs getSecurityGroups() {
    return securityGroups;
  }

  /** {@code port}; null when unset (the engine's default) or unknown. */
  @Override
  public Integer getPort() {
    return port;
  }

  public boolean isPubliclyAccessible() {
    return publiclyAccessible;
  }
}
