package io.eksnet.model;

/**
 * A database that clients reach at an RDS endpoint and that carries VPC security groups: an {@code
 * aws_db_instance} or an {@code aws_rds_cluster} (Aurora, or a Multi-AZ DB cluster).
 */
@PublicFact(
    "A database that clients reach at an RDS endpoint: an `aws_db_instance` (DbInstance) or an `aws_rds_cluster` (DbCluster).")
public abstract sealed class Database extends TerraformResource permits DbInstance, DbCluster {

  private final String identifier;
  private final String engine;
  private final TfRefs subnetGroup;
  private final TfRefs securityGroups;
  private final Integer port;

  Database(
      Header h,
      String identifier,
      String engine,
      TfRefs subnetGroup,
      TfRefs securityGroups,
      Integer port) {
    super(h);
    this.identifier = identifier;
    this.engine = engine;
    this.subnetGroup = subnetGroup;
    this.securityGroups = securityGroups;
    this.port = port;
  }

  /**
   * {@code identifier} or {@code cluster_identifier}: the first label of its endpoint host; null
   * when unknown (e.g. from {@code identifier_prefix}).
   */
  @FactField(
      "`identifier` or `cluster_identifier`: the first label of its endpoint host name; null when unknown.")
  public String getIdentifier() {
    return identifier;
  }

  /** {@code engine}, e.g. {@code postgres} or {@code aurora-postgresql}. */
  @FactField("`engine`, e.g. `postgres` or `aurora-postgresql`.")
  public String getEngine() {
    return engine;
  }

  /** {@code db_subnet_group_name} resolved to the group's address. */
  public TfRefs getSubnetGroup() {
    return subnetGroup;
  }

  /** {@code vpc_security_group_ids}. */
  public TfRefs getSecurityGroups() {
    return securityGroups;
  }

  /** {@code port}; null when unset (the engine's default) or unknown. */
  @FactField("`port`; null when unset (the engine's default) or unknown.")
  public Integer getPort() {
    return port;
  }

  /** The resource itself. */
  public TerraformResource resource() {
    return this;
  }
}
