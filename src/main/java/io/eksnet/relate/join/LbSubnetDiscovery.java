package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * An ALB Ingress or NLB Service without explicit subnets for which the AWS Load Balancer
 * Controller's subnet discovery finds too few subnets in the cluster's VPC: subnets with the role
 * tag of its scheme ({@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}),
 * not tagged for another cluster, one per AZ; or, with no subnet tagged, the public (or private)
 * subnets by their route to an internet gateway (controller 2.12.1+).
 *
 * <p>Three variants (the rule's message keys): {@code message} for one Ingress or Service, {@code
 * messageParams} when the scheme comes from an IngressClassParams (one fact for all the Ingresses
 * it applies to), {@code messageParamsTags} when an IngressClassParams selects the subnets by
 * {@code spec.subnets.tags} instead.
 */
public final class LbSubnetDiscovery {

  private final String variant;
  private final String subject;
  private final String kind;
  private final String scheme;
  private final Location location;
  private final Location related;
  private final TerraformResource vpc;
  private final String tag;
  private final String found;
  private final int required;
  private final String users;

  /**
   * @param subject the Ingress, Service or IngressClassParams, as named in messages
   * @param related the second place of the finding: the VPC for an Ingress or Service, the first
   *     Ingress (or class) the params apply to
   * @param tag the role tag discovery looks for, or the params' tag filter
   * @param users the Ingresses the params apply to, for messages ("" for the plain variant)
   */
  public LbSubnetDiscovery(
      String variant,
      String subject,
      String kind,
      String scheme,
      Location location,
      Location related,
      TerraformResource vpc,
      String tag,
      String found,
      int required,
      String users) {
    this.variant = variant;
    this.subject = subject;
    this.kind = kind;
    this.scheme = scheme;
    this.location = location;
    this.related = related;
    this.vpc = vpc;
    this.tag = tag;
    this.found = found;
    this.required = required;
    this.users = users;
  }

  /** {@code message}, {@code messageParams} or {@code messageParamsTags}. */
  public String getVariant() {
    return variant;
  }

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

  public String getTag() {
    return tag;
  }

  /** What discovery finds, for messages. */
  public String getFound() {
    return found;
  }

  public String getUsers() {
    return users;
  }

  /** {@code subnets in at least 2 availability zones} or {@code at least one subnet}. */
  public String describeRequired() {
    return required == 1
        ? "at least one subnet"
        : "subnets in at least " + required + " availability zones";
  }

  /**
   * The scheme annotation or field, the params' tag filter, else where the controller is chosen.
   */
  public Location location() {
    return location;
  }

  public Location relatedLocation() {
    return related;
  }
}
