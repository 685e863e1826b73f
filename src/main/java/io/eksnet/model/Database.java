package io.eksnet.model;

/**
 * A database that clients reach at an RDS endpoint and that carries VPC security groups: an {@code
 * aws_db_instance} or an {@code aws_rds_cluster} (Aurora, or a Multi-AZ DB cluster).
 */
public sealed interface Database permits DbInstance, DbCluster {

  /** {@code identifier} or {@code cluster_identifier}: the first label of its endpoint host. */
  String getIdentifier();

  String getEngine();

  /** {@code db_subnet_group_name} resolved to the group's address. */
  TfRefs getSubnetGroup();

  /** {@code vpc_security_group_ids}. */
  TfRefs getSecurityGroups();

  /** {@code port}; null when unset (the engine's default) or unknown. */
  Integer getPort();

  /** The resource address, for messages. */
  String getAddress();

  String getFile();

  /** File and address ({@link TerraformResource#getKey()}). */
  String getKey();

  Location getLocation();

  /** The resource itself. */
  default TerraformResource resource() {
    return (TerraformResource) this;
  }
}
