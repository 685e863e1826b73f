package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * An {@code aws_db_instance} or {@code aws_rds_cluster} whose security groups admit none of the
 * sources the pods' traffic comes from on the database port, while workloads of the manifests
 * connect to it (its endpoint host name in an env value, a ConfigMap or an ExternalName Service),
 * or, with custom networking, while no manifest names it but the groups admit the node subnets'
 * CIDRs ({@link #isNodeRangesOnly}): the intent to serve the cluster's pods is plain.
 */
public final class DbAccessGap {

  private final Database db;
  private final TerraformResource group;
  private final String groups;
  private final int port;
  private final String client;
  private final Location clientLocation;
  private final String sources;
  private final String hint;
  private final String nodeRanges;
  private final String customNetworking;

  /** A workload, ConfigMap or ExternalName Service names the database. */
  public DbAccessGap(
      Database db,
      TerraformResource group,
      String groups,
      int port,
      String client,
      Location clientLocation,
      String sources,
      String hint) {
    this.db = db;
    this.group = group;
    this.groups = groups;
    this.port = port;
    this.client = client;
    this.clientLocation = clientLocation;
    this.sources = sources;
    this.hint = hint;
    this.nodeRanges = null;
    this.customNetworking = null;
  }

  private DbAccessGap(
      Database db,
      TerraformResource group,
      String groups,
      int port,
      String nodeRanges,
      String sources,
      String customNetworking,
      Location switchLocation) {
    this.db = db;
    this.group = group;
    this.groups = groups;
    this.port = port;
    this.client = null;
    this.clientLocation = switchLocation;
    this.sources = sources;
    this.hint = "";
    this.nodeRanges = nodeRanges;
    this.customNetworking = customNetworking;
  }

  /**
   * No manifest names the database, but its groups admit the node subnets' CIDRs and none of the
   * pods' sources under custom networking; the related location is where custom networking is
   * turned on.
   */
  public static DbAccessGap nodeRangesOnly(
      Database db,
      TerraformResource group,
      String groups,
      int port,
      String nodeRanges,
      String sources,
      String customNetworking,
      Location switchLocation) {
    return new DbAccessGap(
        db, group, groups, port, nodeRanges, sources, customNetworking, switchLocation);
  }

  /** True when no manifest names the database and the node subnets' CIDRs show the intent. */
  public boolean isNodeRangesOnly() {
    return nodeRanges != null;
  }

  /** The node subnets' CIDRs the groups admit, for messages; null when a manifest names it. */
  public String getNodeRanges() {
    return nodeRanges;
  }

  /** {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true in ...}, for messages. */
  public String getCustomNetworking() {
    return customNetworking;
  }

  public Database getDb() {
    return db;
  }

  /** The database's security groups, for messages. */
  public String getGroups() {
    return groups;
  }

  public int getPort() {
    return port;
  }

  /** {@code Deployment shop/api (env DB_HOST)}, for messages. */
  public String getClient() {
    return client;
  }

  /** What the pods' traffic comes from and is not admitted. */
  public String getSources() {
    return sources;
  }

  /** What the groups admit instead, e.g. the node groups when pods use other ones; may be empty. */
  public String getHint() {
    return hint;
  }

  /** The database's first security group (where the rule belongs), else the database. */
  public Location location() {
    return group != null ? group.getLocation() : db.getLocation();
  }

  /** Where the manifests name the database, or where custom networking is turned on. */
  public Location relatedLocation() {
    return clientLocation;
  }
}
