package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * An {@code aws_db_instance} or {@code aws_rds_cluster} that workloads of the manifests connect to
 * (its endpoint host name in an env value, a ConfigMap or an ExternalName Service) whose security
 * groups admit none of the sources the pods' traffic comes from on the database port.
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

  /** Where the manifests name the database. */
  public Location relatedLocation() {
    return clientLocation;
  }
}
