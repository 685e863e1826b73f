package io.eksnet.model;

/**
 * An {@code aws_rds_cluster_instance}: one instance of an Aurora cluster. It has an endpoint of its
 * own but the cluster's security groups and port.
 */
public final class DbClusterInstance extends TerraformResource {

  private final String identifier;
  private final TfRefs cluster;

  public DbClusterInstance(Header h, String identifier, TfRefs cluster) {
    super(h);
    this.identifier = identifier;
    this.cluster = cluster;
  }

  /** {@code identifier}; null when unknown (e.g. from {@code identifier_prefix}). */
  public String getIdentifier() {
    return identifier;
  }

  /** {@code cluster_identifier} resolved to the cluster's address. */
  public TfRefs getCluster() {
    return cluster;
  }
}
