package io.eksnet.model;

/**
 * An {@code aws_rds_cluster}: an Aurora cluster (or a Multi-AZ DB cluster) with its subnet group,
 * security groups and port. Its instances ({@link DbClusterInstance}) share them.
 */
public final class DbCluster extends TerraformResource implements Database {

  private final String identifier;
  private final String engine;
  private final TfRefs subnetGroup;
  private final TfRefs securityGroups;
  private final Integer port;

  public DbCluster(
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
   * {@code cluster_identifier}; null when unknown (e.g. from {@code cluster_identifier_prefix}).
   */
  @Override
  public String getIdentifier() {
    return identifier;
  }

  /** {@code engine}, e.g. {@code aurora-postgresql}. */
  @Override
  public String getEngine() {
    return engine;
  }

  @Override
  public TfRefs getSubnetGroup() {
    return subnetGroup;
  }

  @Override
  public TfRefs getSecurityGroups() {
    return securityGroups;
  }

  @Override
  public Integer getPort() {
    return port;
  }
}
