package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * Whether an RDS database's security groups admit, on its port, the sources the pods' traffic comes
 * from (as {@link NetworkIdentities} describes them): for the pods of the manifests that name the
 * database ({@link DatabaseClient}), one fact per set of sources; or, for a database no manifest
 * names while custom networking is on and the pods' sources can be told, for the pods of the
 * ENIConfig subnets, with the node subnets' CIDRs its groups admit ({@link
 * #getAdmittedNodeRanges}).
 */
public final class DatabaseAccess {

  /** Which of the pods' sources the database's groups admit. */
  public enum Admits {
    /** They admit every source. */
    ALL,
    /** Every source is known and they admit none of it. */
    NONE,
    /** Neither can be told (an unresolved rule source, a group outside the scan, ...). */
    UNKNOWN
  }

  private final Database database;
  private final TerraformResource group;
  private final String groups;
  private final int port;
  private final String clients;
  private final Location related;
  private final String sources;
  private final Admits admits;
  private final boolean podsOnNodes;
  private final boolean eniConfigSources;
  private final boolean nodesAdmitted;
  private final String admittedNodeRanges;
  private final String customNetworking;

  DatabaseAccess(
      Database database,
      TerraformResource group,
      String groups,
      int port,
      String clients,
      Location related,
      String sources,
      Admits admits,
      boolean podsOnNodes,
      boolean eniConfigSources,
      boolean nodesAdmitted,
      String admittedNodeRanges,
      String customNetworking) {
    this.database = database;
    this.group = group;
    this.groups = groups;
    this.port = port;
    this.clients = clients;
    this.related = related;
    this.sources = sources;
    this.admits = admits;
    this.podsOnNodes = podsOnNodes;
    this.eniConfigSources = eniConfigSources;
    this.nodesAdmitted = nodesAdmitted;
    this.admittedNodeRanges = admittedNodeRanges;
    this.customNetworking = customNetworking;
  }

  public Database getDatabase() {
    return database;
  }

  /** The database's security groups, for messages. */
  public String getGroups() {
    return groups;
  }

  /** The database port (its {@code port}, else the engine's default). */
  public int getPort() {
    return port;
  }

  /** True when manifests name the database ({@link #getClients}). */
  public boolean isNamed() {
    return clients != null;
  }

  /**
   * {@code Deployment shop/orders (env DB_HOST), ConfigMap shop/c (URL) and 2 more}: the places
   * that name it whose pods have these sources; null when no manifest names it.
   */
  public String getClients() {
    return clients;
  }

  /** The sources the pods' traffic comes from, for messages. */
  public String getSources() {
    return sources;
  }

  public Admits getAdmits() {
    return admits;
  }

  /** True when the pods connect with the nodes' security groups and subnet addresses. */
  public boolean isPodsOnNodes() {
    return podsOnNodes;
  }

  /** True when the pods' sources are the ENIConfig subnets and groups (custom networking). */
  public boolean isEniConfigSources() {
    return eniConfigSources;
  }

  /** True when the pods use other sources than the nodes, and the groups admit the nodes'. */
  public boolean isNodesAdmitted() {
    return nodesAdmitted;
  }

  /**
   * For a database no manifest names whose groups admit none of the pods' sources: the node
   * subnets' CIDRs its groups admit on the port, for messages; empty when they admit none, and for
   * the other facts (not read there).
   */
  public String getAdmittedNodeRanges() {
    return admittedNodeRanges;
  }

  /** {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true in ...} for a database no manifest names. */
  public String getCustomNetworking() {
    return customNetworking;
  }

  /** The database's first security group, else the database. */
  public Location location() {
    return group != null ? group.getLocation() : database.getLocation();
  }

  /** Where the first client names the database, or where custom networking is turned on. */
  public Location relatedLocation() {
    return related;
  }
}
