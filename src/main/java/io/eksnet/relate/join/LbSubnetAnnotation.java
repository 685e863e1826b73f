package io.eksnet.relate.join;

import io.eksnet.model.Location;

/**
 * A problem with the subnets an ALB Ingress or NLB Service names in its subnets annotation, or an
 * IngressClassParams in {@code spec.subnets.ids}, judged against the Terraform subnets: {@code
 * unknown} (not in the Terraform while the other entries are), {@code otherVpc}, {@code private}
 * (an internet-facing load balancer in a subnet without a route to an internet gateway) or {@code
 * az} (an ALB with fewer than two AZs, or two subnets in one AZ).
 */
public final class LbSubnetAnnotation {

  private final String subject;
  private final String problem;
  private final String annotation;
  private final String entry;
  private final String detail;
  private final Location location;
  private final Location related;

  /**
   * @param subject the Ingress, Service or IngressClassParams, as named in messages
   * @param annotation the annotation or field that names the subnets
   * @param location the annotation, or the params' list entry
   * @param related the subnet the problem is about, or for params the first Ingress they apply to
   */
  public LbSubnetAnnotation(
      String subject,
      String problem,
      String annotation,
      String entry,
      String detail,
      Location location,
      Location related) {
    this.subject = subject;
    this.problem = problem;
    this.annotation = annotation;
    this.entry = entry;
    this.detail = detail;
    this.location = location;
    this.related = related;
  }

  public String getSubject() {
    return subject;
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
    return location;
  }

  public Location relatedLocation() {
    return related;
  }
}
