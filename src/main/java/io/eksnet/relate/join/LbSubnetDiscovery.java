package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * The subnets the AWS Load Balancer Controller would pick for an ALB Ingress or NLB Service that
 * names none, in the cluster's VPC, and how it picks them ({@link By}): by the role tag of the
 * scheme ({@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}, value 1 or
 * empty), or, when no subnet of the VPC carries it, by their routes (controller 2.12.1+: an
 * internet gateway route for internet-facing, none for internal); or by an IngressClassParams'
 * {@code spec.subnets.tags}. Subnets tagged for another cluster only are left out. One fact per
 * Ingress or Service, and one per IngressClassParams that sets the scheme ({@link #isParams}, for
 * all the Ingresses it applies to) or the tag filter; none where the zones or routes of a subnet
 * are not known from the scan.
 */
public final class LbSubnetDiscovery {

  /** How the controller picks the subnets. */
  public enum By {
    /** By the role tag of the scheme. */
    ROLE_TAG,
    /** No subnet of the VPC has the role tag: by their routes (controller 2.12.1 and later). */
    ROUTES,
    /** By the IngressClassParams' {@code spec.subnets.tags}, instead of discovery. */
    TAG_FILTER
  }

  private final By by;
  private final boolean params;
  private final String subject;
  private final String kind;
  private final String scheme;
  private final Location location;
  private final Location related;
  private final TerraformResource vpc;
  private final String tag;
  private final int zones;
  private final int required;
  private final String found;
  private final String users;

  /**
   * @param params true for an IngressClassParams (its scheme or its tag filter)
   * @param subject the Ingress, Service or IngressClassParams, as named in messages
   * @param related the second place of the finding: the VPC for an Ingress or Service, the first
   *     Ingress (or class) the params apply to
   * @param tag the role tag discovery looks for, or the params' tag filter
   * @param zones the availability zones of the subnets picked
   * @param required the zones the load balancer needs: 2 for an ALB, 1 for an NLB
   * @param found the subnets picked, for messages
   * @param users the Ingresses the params apply to, for messages ("" for an Ingress or Service)
   */
  LbSubnetDiscovery(
      By by,
      boolean params,
      String subject,
      String kind,
      String scheme,
      Location location,
      Location related,
      TerraformResource vpc,
      String tag,
      int zones,
      int required,
      String found,
      String users) {
    this.by = by;
    this.params = params;
    this.subject = subject;
    this.kind = kind;
    this.scheme = scheme;
    this.location = location;
    this.related = related;
    this.vpc = vpc;
    this.tag = tag;
    this.zones = zones;
    this.required = required;
    this.found = found;
    this.users = users;
  }

  /** How the controller picks them. */
  public By getBy() {
    return by;
  }

  /** True for an IngressClassParams, false for an Ingress or Service. */
  public boolean isParams() {
    return params;
  }

  public String getSubject() {
    return subject;
  }

  /** {@code ALB} or {@code NLB}. */
  public String getKind() {
    return kind;
  }

  /** {@code internal} or {@code internet-facing} ("" for a tag filter without a scheme). */
  public String getScheme() {
    return scheme;
  }

  public TerraformResource getVpc() {
    return vpc;
  }

  /** The role tag discovery looks for, or the params' tag filter. */
  public String getTag() {
    return tag;
  }

  /** The number of availability zones of the subnets picked. */
  public int getZones() {
    return zones;
  }

  /** The zones the load balancer needs: 2 for an ALB, 1 for an NLB. */
  public int getRequired() {
    return required;
  }

  /**
   * The subnets picked, for messages: {@code only subnet a (...), in 1 availability zone}, {@code
   * no subnet is tagged ..., and the controllers that fall back on routes ... find ...}, {@code
   * matches no subnet} when too few; the subnets and their zones when enough.
   */
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
