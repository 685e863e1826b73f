package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroup;

/**
 * Traffic the sending side's security groups do not let out: a load balancer's own groups towards
 * its targets, or the groups pod traffic leaves with towards an RDS database the pods connect to.
 * The receiving side may admit it; the sender never sends it. The finding belongs on the sending
 * group's {@code egress}, where a rule is missing.
 */
public final class SourceEgressGap {

  private final boolean database;
  private final String sender;
  private final String sourceGroups;
  private final String destination;
  private final String ports;
  private final String egress;
  private final SecurityGroup group;
  private final String allow;
  private final Location related;

  /** A load balancer's own groups let nothing out to its targets. */
  static SourceEgressGap loadBalancer(
      String lb,
      String lbGroups,
      String targets,
      String ports,
      String egress,
      SecurityGroup group,
      String allow,
      Location related) {
    return new SourceEgressGap(false, lb, lbGroups, targets, ports, egress, group, allow, related);
  }

  /** The groups pod traffic leaves with let nothing out to a database the pods connect to. */
  static SourceEgressGap database(
      String clients,
      String sources,
      String database,
      String ports,
      String egress,
      SecurityGroup group,
      String allow,
      Location related) {
    return new SourceEgressGap(
        true, clients, sources, database, ports, egress, group, allow, related);
  }

  /**
   * @param database true for pods to a database, false for a load balancer to its targets
   * @param sender the load balancer's object, or the clients that name the database
   * @param sourceGroups the groups the traffic leaves with (the load balancer's, or the pods'
   *     sources as {@link NetworkIdentities} describes them)
   * @param destination the targets, or the database
   * @param ports {@code TCP 8080}
   * @param egress what the sending groups let out
   * @param group the sending group that should get the rule
   * @param allow where the rule should let the traffic go
   * @param related the receiving side in the Terraform
   */
  private SourceEgressGap(
      boolean database,
      String sender,
      String sourceGroups,
      String destination,
      String ports,
      String egress,
      SecurityGroup group,
      String allow,
      Location related) {
    this.database = database;
    this.sender = sender;
    this.sourceGroups = sourceGroups;
    this.destination = destination;
    this.ports = ports;
    this.egress = egress;
    this.group = group;
    this.allow = allow;
    this.related = related;
  }

  /** True for pods to a database, false for a load balancer to its targets. */
  public boolean isDatabase() {
    return database;
  }

  /** {@code Ingress shop/web}, or {@code Deployment shop/orders (env DB_HOST)}. */
  public String getSender() {
    return sender;
  }

  /** The groups the traffic leaves with, for messages. */
  public String getSourceGroups() {
    return sourceGroups;
  }

  /** {@code ip targets (the pods of Deployment shop/web)}, or the database's address. */
  public String getDestination() {
    return destination;
  }

  /** {@code TCP 8080}. */
  public String getPorts() {
    return ports;
  }

  /** What the sending groups let out, e.g. {@code aws_security_group.alb has no egress rule}. */
  public String getEgress() {
    return egress;
  }

  /** The sending group that should get the egress rule, for messages. */
  public String getGroup() {
    return group.getAddress();
  }

  /** {@code security group aws_security_group.node or the CIDRs 10.0.0.0/20}. */
  public String getAllow() {
    return allow;
  }

  /** The sending group's {@code egress} (the group's object where the plan has none). */
  public Location location() {
    return group.at("egress");
  }

  /** The receiving side: the targets' security group, or the database. */
  public Location relatedLocation() {
    return related;
  }
}
