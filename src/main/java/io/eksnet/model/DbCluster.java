package io.eksnet.model;

/**
 * An {@code aws_rds_cluster}: an Aurora cluster (or a Multi-AZ DB cluster) with its subnet group,
 * security groups and port. Its instances ({@link DbClusterInstance}) share them.
 */
@PublicFact("An `aws_rds_cluster` (Aurora, or a Multi-AZ DB cluster).")
public final class DbCluster extends Database {

  public DbCluster(
      Header h,
      String identifier,
      String engine,
      TfRefs subnetGroup,
      TfRefs securityGroups,
      Integer port) {
    super(h, identifier, engine, subnetGroup, securityGroups, port);
  }
}
