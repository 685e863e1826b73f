package io.eksnet.relate;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;

/**
 * A load balancer (ALB Ingress or NLB Service) with security groups named in its annotation and
 * backend rule management off, whose targets' security groups admit none of its groups on the
 * target port: the container port (ip targets) or the NodePort (instance targets).
 */
public final class LbBackendAccessGap {

  private final K8sObject object;
  private final String annotation;
  private final String lbGroups;
  private final String targets;
  private final String ports;
  private final String targetGroups;
  private final Location related;

  public LbBackendAccessGap(
      K8sObject object,
      String annotation,
      String lbGroups,
      String targets,
      String ports,
      String targetGroups,
      Location related) {
    this.object = object;
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
