package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.Subnet;
import java.util.List;

/**
 * One entry (a subnet id, or a {@code Name} tag in an annotation) of the subnets an ALB Ingress or
 * NLB Service names in its subnets annotation, or an IngressClassParams in {@code
 * spec.subnets.ids}, looked up among the Terraform subnets: the subnet it names (none when the
 * Terraform holds no such subnet while it holds other entries'), whether that subnet is in the
 * cluster's VPC, and its route to the internet. The first entry of an ALB's list also carries the
 * list's availability zones ({@link #getListZones}), when the Terraform holds every entry with its
 * zone. Lists none of whose entries the Terraform holds, and entries whose {@code Name} several
 * subnets carry, have no fact.
 */
public final class LbSubnetEntry {

  /** The subnet's route to the internet. */
  public enum Route {
    /** A default route to an internet gateway. */
    PUBLIC,
    /** No default route to an internet gateway. */
    PRIVATE,
    /** Not known from the scan. */
    UNKNOWN
  }

  private final String subject;
  private final String privateSubject;
  private final String annotation;
  private final String entry;
  private final Subnet subnet;
  private final boolean inClusterVpc;
  private final Route route;
  private final String scheme;
  private final String detail;
  private final String routeDetail;
  private final Location location;
  private final Location related;
  private final Zones zones;

  /**
   * The zones of an ALB's whole list: how many, the subnets of the first zone that holds more than
   * one (else empty), the list as written, its location and the finding's second place.
   */
  record Zones(
      int count,
      String firstZone,
      List<Subnet> sameZone,
      String entries,
      Location location,
      Location related) {}

  /**
   * @param subject the Ingress, Service or IngressClassParams, as named in messages
   * @param privateSubject the subject naming where an internet-facing scheme is set
   * @param annotation the annotation or field that names the subnets
   * @param detail for messages: the other entries (no subnet), or the subnet's VPC against the
   *     cluster's
   * @param routeDetail for messages: the subnet and its route table
   * @param location the annotation, or the params' list entry
   * @param related the subnet, or for params the first Ingress they apply to
   */
  LbSubnetEntry(
      String subject,
      String privateSubject,
      String annotation,
      String entry,
      Subnet subnet,
      boolean inClusterVpc,
      Route route,
      String scheme,
      String detail,
      String routeDetail,
      Location location,
      Location related,
      Zones zones) {
    this.subject = subject;
    this.privateSubject = privateSubject;
    this.annotation = annotation;
    this.entry = entry;
    this.subnet = subnet;
    this.inClusterVpc = inClusterVpc;
    this.route = route;
    this.scheme = scheme;
    this.detail = detail;
    this.routeDetail = routeDetail;
    this.location = location;
    this.related = related;
    this.zones = zones;
  }

  public String getSubject() {
    return subject;
  }

  /** The subject as a message about an internet-facing scheme names it. */
  public String getPrivateSubject() {
    return privateSubject;
  }

  public String getAnnotation() {
    return annotation;
  }

  /** The entry as written: a subnet id or a {@code Name} tag. */
  public String getEntry() {
    return entry;
  }

  /** The Terraform subnet it names; null when the Terraform holds none of that id or name. */
  public Subnet getSubnet() {
    return subnet;
  }

  /** True when the subnet is in the cluster's VPC (or either VPC is not known). */
  public boolean isInClusterVpc() {
    return inClusterVpc;
  }

  public Route getRoute() {
    return route;
  }

  /** The load balancer's scheme: {@code internet-facing} or {@code internal}. */
  public String getScheme() {
    return scheme;
  }

  /**
   * For messages: {@code the other entries are (...)} without a subnet, else {@code subnet ...
   * belongs to ..., not to the cluster's VPC ...} (null when in the cluster's VPC).
   */
  public String getDetail() {
    return detail;
  }

  /** For messages: {@code subnet ... has no route to an internet gateway in ...}; may be null. */
  public String getRouteDetail() {
    return routeDetail;
  }

  public Location location() {
    return location;
  }

  public Location relatedLocation() {
    return related;
  }

  /**
   * The first entry of an ALB's list whose entries the Terraform all holds with their zones: the
   * number of distinct zones of the list; -1 for the other entries and lists.
   */
  public int getListZones() {
    return zones == null ? -1 : zones.count();
  }

  /** With {@link #getListZones}: the subnets of the first zone that holds two; else empty. */
  public List<Subnet> getSameZone() {
    return zones == null ? List.of() : zones.sameZone();
  }

  /** The list as written, comma-separated (the entry itself without zones). */
  public String getListEntries() {
    return zones == null ? entry : zones.entries();
  }

  /** For messages: the subnets that share a zone, else the one zone they are all in. */
  public String describeZones() {
    if (zones == null) {
      return null;
    }
    if (!zones.sameZone().isEmpty()) {
      return LbSubnetRelations.describe(zones.sameZone())
          + " are in the same availability zone, and an ALB takes one subnet per zone";
    }
    return "they are all in "
        + zones.firstZone()
        + ", and an ALB needs subnets in at least two availability zones";
  }

  /** The whole annotation or field, where a finding about the zones belongs. */
  public Location listLocation() {
    return zones == null ? null : zones.location();
  }

  /** A finding about the zones: the second same-zone subnet, else the first subnet. */
  public Location listRelatedLocation() {
    return zones == null ? null : zones.related();
  }
}
