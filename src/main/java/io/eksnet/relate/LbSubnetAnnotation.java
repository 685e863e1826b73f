package io.eksnet.relate;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * A problem with the subnets an ALB Ingress or NLB Service names in its subnets annotation, judged
 * against the Terraform subnets: {@code unknown} (not in the Terraform while the other entries
 * are), {@code otherVpc}, {@code private} (an internet-facing load balancer in a subnet without a
 * route to an internet gateway) or {@code az} (an ALB with fewer than two AZs, or two subnets in
 * one AZ).
 */
public final class LbSubnetAnnotation {

  private final K8sObject object;
  private final String problem;
  private final String annotation;
  private final String entry;
  private final String detail;
  private final TerraformResource related;

  public LbSubnetAnnotation(
      K8sObject object,
      String problem,
      String annotation,
      String entry,
      String detail,
      TerraformResource related) {
    this.object = object;
    this.problem = problem;
    this.annotation = annotation;
    this.entry = entry;
    this.detail = detail;
    this.related = related;
  }

  public K8sObject getObject() {
    return object;
  }

  /** {@code unknown}, {@code otherVpc}, {@code private} or {@code az}. */
  public String getProblem() {
    return problem;
  }

  public String getAnnotation() {
    return annotation;
  }

  /** The annotation entry (subnet id or Name tag), or all entries for {@code az}. */
  public String getEntry() {
    return entry;
  }

  public String getDetail() {
    return detail;
  }

  public Location location() {
    return object.annotationLocation(annotation);
  }

  public Location relatedLocation() {
    return related == null ? null : related.getLocation();
  }
}
