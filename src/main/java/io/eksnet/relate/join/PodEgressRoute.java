package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.Subnet;
import io.eksnet.relate.terraform.CniConfig;

/**
 * With custom networking, a subnet the pods' internet traffic leaves from, and its default route.
 * With {@code AWS_VPC_K8S_CNI_EXTERNALSNAT=true} pods keep their own addresses, so it is each
 * ENIConfig's pod subnet (one fact per ENIConfig name); with it false (the default) the CNI
 * translates pod traffic to the node's primary address, so it is each node subnet (one fact per
 * subnet), beside the first ENIConfig whose pod subnet routes 0.0.0.0/0 to a NAT gateway. Subnets
 * whose routing is not known, and VPCs with an ECR interface endpoint, have no fact.
 */
public final class PodEgressRoute {

  private final EniConfig eniConfig;
  private final Subnet subnet;
  private final boolean externalSnat;
  private final boolean defaultRoute;
  private final boolean publicRoute;
  private final boolean natRoute;
  private final String routeTable;
  private final String natPodSubnet;
  private final CniConfig cni;

  /**
   * @param eniConfig the ENIConfig of the pod subnet (external SNAT on), or the first ENIConfig
   *     whose pod subnet has a NAT gateway route (off; null when none has)
   * @param subnet the pod subnet (on) or the node subnet (off)
   * @param natRoute true when the subnet's default route goes to a NAT (any target but an internet
   *     gateway or an egress-only internet gateway)
   * @param natPodSubnet off: the pod subnet with the NAT route and its route table, for messages
   */
  PodEgressRoute(
      EniConfig eniConfig,
      Subnet subnet,
      boolean externalSnat,
      boolean defaultRoute,
      boolean publicRoute,
      boolean natRoute,
      String routeTable,
      String natPodSubnet,
      CniConfig cni) {
    this.eniConfig = eniConfig;
    this.subnet = subnet;
    this.externalSnat = externalSnat;
    this.defaultRoute = defaultRoute;
    this.publicRoute = publicRoute;
    this.natRoute = natRoute;
    this.routeTable = routeTable;
    this.natPodSubnet = natPodSubnet;
    this.cni = cni;
  }

  /**
   * External SNAT on: the ENIConfig of the pod subnet; off: the first ENIConfig whose pod subnet
   * routes 0.0.0.0/0 to a NAT gateway, or null.
   */
  public EniConfig getEniConfig() {
    return eniConfig;
  }

  /** The pod subnet (external SNAT on) or the node subnet (off). */
  public Subnet getSubnet() {
    return subnet;
  }

  public boolean isExternalSnat() {
    return externalSnat;
  }

  /** True when the subnet's route table has a default route (0.0.0.0/0). */
  public boolean isDefaultRoute() {
    return defaultRoute;
  }

  /** True when the default route goes to a NAT, not only to an internet gateway. */
  public boolean isNatRoute() {
    return natRoute;
  }

  public String getRouteTable() {
    return routeTable;
  }

  /**
   * The subnet's default route as messages say it: none, or to an internet gateway only; off: the
   * pod subnet with the NAT route.
   */
  public String describeRoute() {
    if (!externalSnat) {
      return natPodSubnet;
    }
    return routeTable
        + (publicRoute
            ? " sends 0.0.0.0/0 only to an internet gateway, which does not translate the pods' private addresses"
            : " has no default route (0.0.0.0/0)");
  }

  public String describeSnat() {
    return cni.describeSetting("AWS_VPC_K8S_CNI_EXTERNALSNAT");
  }

  /** On: the ENIConfig's {@code spec.subnet} line; off: the node subnet. */
  public Location location() {
    return externalSnat ? eniConfig.at("spec", "subnet") : subnet.getLocation();
  }

  /** On: the subnet; off: the ENIConfig's subnet line (null without one). */
  public Location relatedLocation() {
    return externalSnat
        ? subnet.getLocation()
        : eniConfig == null ? null : eniConfig.at("spec", "subnet");
  }
}
