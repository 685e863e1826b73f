package io.eksnet.model;

/** An {@code aws_db_instance}: its subnet group, security groups, port and exposure. */
@PublicFact("An `aws_db_instance`.")
public final class DbInstance extends Database {

  private final boolean publiclyAccessible;

  public DbInstance(
      Header h,
      String identifier,
      String engine,
      TfRefs subnetGroup,
      TfRefs securityGroups,
      Integer port,
      boolean publiclyAccessible) {
    super(h, identifier, engine, subnetGroup, securityGroups, port);
    this.publiclyAccessible = publiclyAccessible;
  }

  public boolean isPubliclyAccessible() {
    return publiclyAccessible;
  }
}
