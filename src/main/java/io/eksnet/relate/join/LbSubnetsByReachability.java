package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * An ALB Ingress or NLB Service without explicit subnets whose subnets the AWS Load Balancer
 * Controller can discover only by reachability: no subnet of the cluster's VPC carries the role tag
 * of its scheme ({@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}), and
 * the subnets whose route matches the scheme (to an internet gateway for internet-facing, none for
 * internal) cover enough zones. Controllers from 2.12.1 fall back on reachability when no subnet
 * has the role tag; older ones find no subnet.
 */
public final class LbSubnetsByReachability {

  private final String subject;
  private final String kind;
  private final String scheme;
  private final Location location;
  private final TerraformResource vpc;
  private final String tag;
  private final String found;

  public LbSubnetsByReachability(
      String subject,
      String kind,
      String scheme,
      Location location,
      TerraformResource vpc,
      String tag,
      String found) {
    this.subject = subject;
    this.kind = kind;
    this.scheme = scheme;
    this.location = location;
    this.vpc = vpc;
    this.tag = tag;
    this.found = found;
  }

  /** The Ingress or Service, as named in messages. */
  public String getSubject() {
    return subject;
  }

  /** {@code ALB} or {@code NLB}. */
  public String getKind() {
    return kind;
  }

  public String getScheme() {
    return scheme;
  }

  public TerraformResource getVpc() {
    return vpc;
  }

  /** The role tag no subnet of the VPC carries. */
  public String getTag() {
    return tag;
  }

  /** The subnets found by their routes, for messages. */
  public String getFound() {
    return found;
  }

  /** The scheme annotation or field, else where the controller is chosen. */
  public Location location() {
    return location;
  }

  public Location relatedLocation() {
    return vpc.getLocation();
  }
}
