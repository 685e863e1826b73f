package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroup;

/**
 * Traffic that leaves through security groups towards a receiver, and whether the sending groups'
 * egress lets it out: a load balancer's own groups towards the targets of one backend ({@code
 * order} numbers its backends from 0), or the groups the pods' traffic leaves with towards an RDS
 * database the pods connect to (one fact per sending group where they block it, one per other
 * outcome).
 */
public final class SecurityGroupEgress {

  /** Whether the sending groups let the traffic out. */
  public enum Egress {
    /** A sending identity lets it out. */
    ALLOWED,
    /** Every sending identity is known and lets none of it out. */
    BLOCKED,
    /** Neither can be told. */
    UNKNOWN
  }

  private final K8sObject loadBalancer;
  private final Database database;
  private final int order;
  private final Egress egress;
  private final String sender;
  private final String sourceGroups;
  private final String destination;
  private final String ports;
  private final String egressRules;
  private final SecurityGroup group;
  private final String allow;
  private final Location related;

  /**
   * @param loadBalancer the Ingress or Service of a load balancer, or null for pods to a database
   * @param database the database the pods connect to, or null for a load balancer
   * @param order the backend's position among the load balancer's; 0 for a database
   * @param sender the load balancer's object, or the clients that name the database
   * @param sourceGroups the groups the traffic leaves with
   * @param destination the targets, or the database
   * @param ports {@code TCP 8080}
   * @param egressRules what the sending groups let out; null unless blocked
   * @param group the first sending group the scan holds; null unless blocked
   * @param allow where an egress rule should let the traffic go; null unless blocked
   * @param related the receiving side in the Terraform
   */
  SecurityGroupEgress(
      K8sObject loadBalancer,
      Database database,
      int order,
      Egress egress,
      String sender,
      String sourceGroups,
      String destination,
      String ports,
      String egressRules,
      SecurityGroup group,
      String allow,
      Location related) {
    this.loadBalancer = loadBalancer;
    this.database = database;
    this.order = order;
    this.egress = egress;
    this.sender = sender;
    this.sourceGroups = sourceGroups;
    this.destination = destination;
    this.ports = ports;
    this.egressRules = egressRules;
    this.group = group;
    this.allow = allow;
    this.related = related;
  }

  /** The load balancer's Ingress or Service; null for pods to a database. */
  public K8sObject getLoadBalancer() {
    return loadBalancer;
  }

  /** The database the pods connect to; null for a load balancer. */
  public Database getDatabase() {
    return database;
  }

  /** The backend's position among its load balancer's, from 0. */
  public int getOrder() {
    return order;
  }

  public Egress getEgress() {
    return egress;
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

  /** What the sending groups let out ({@code aws_security_group.alb has no egress rule}). */
  public String getEgressRules() {
    return egressRules;
  }

  /** The first sending group the scan holds, for messages; null unless blocked. */
  public String getGroup() {
    return group == null ? null : group.getAddress();
  }

  /** {@code security group aws_security_group.node or the CIDRs 10.0.0.0/20}. */
  public String getAllow() {
    return allow;
  }

  /** The sending group's {@code egress} (the group's object where the plan has none). */
  public Location location() {
    return group == null ? null : group.at("egress");
  }

  /** The receiving side: the targets' security group, or the database. */
  public Location relatedLocation() {
    return related;
  }
}
