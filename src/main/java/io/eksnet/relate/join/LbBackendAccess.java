package io.eksnet.relate.join;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;

/**
 * One backend of a load balancer (ALB Ingress or NLB Service) with security groups named in its
 * annotation and backend rule management off, and whether its targets' security groups admit the
 * load balancer's groups on the target port: the container port (ip targets) or the NodePort
 * (instance targets). {@code order} numbers the backends of one load balancer from 0.
 */
public final class LbBackendAccess {

  /** Whether the targets admit the load balancer. */
  public enum Admission {
    /** A target identity admits it. */
    ADMITTED,
    /** Every target identity is known and refuses it. */
    REFUSED,
    /** Neither can be told (an unresolved rule source, a group outside the scan, ...). */
    UNKNOWN
  }

  private final K8sObject object;
  private final int order;
  private final Admission admission;
  private final String annotation;
  private final String lbGroups;
  private final String targets;
  private final String ports;
  private final String targetGroups;
  private final Location related;

  public LbBackendAccess(
      K8sObject object,
      int order,
      Admission admission,
      String annotation,
      String lbGroups,
      String targets,
      String ports,
      String targetGroups,
      Location related) {
    this.object = object;
    this.order = order;
    this.admission = admission;
    this.annotation = annotation;
    this.lbGroups = lbGroups;
    this.targets = targets;
    this.ports = ports;
    this.targetGroups = targetGroups;
    this.related = related;
  }

  public K8sObject getObject() {
    return object;
  }

  /** The position of this backend among its load balancer's, from 0. */
  public int getOrder() {
    return order;
  }

  public Admission getAdmission() {
    return admission;
  }

  /** The load balancer's groups as the Terraform names them. */
  public String getLbGroups() {
    return lbGroups;
  }

  /** {@code ip targets (pods of Deployment shop/web)} or {@code instance targets (the nodes)}. */
  public String getTargets() {
    return targets;
  }

  /** {@code TCP 8080} or {@code TCP 30000-32767 (the NodePort range)}. */
  public String getPorts() {
    return ports;
  }

  /** The targets' security groups that were checked. */
  public String getTargetGroups() {
    return targetGroups;
  }

  /** The security-groups annotation. */
  public Location location() {
    return object.annotationLocation(annotation);
  }

  /** The first target security group in the Terraform, where the rule belongs. */
  public Location relatedLocation() {
    return related;
  }
}
