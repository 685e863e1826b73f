package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.Subnet;
import io.eksnet.relate.terraform.CniConfig;

/**
 * Custom networking with internet egress routed through the wrong subnets. With {@code
 * AWS_VPC_K8S_CNI_EXTERNALSNAT=true} pods keep their own (ENIConfig subnet) addresses, so the pod
 * subnet needs a default route to a NAT gateway or other NAT; with it false (the default) the CNI
 * SNATs to the node's primary address, so the node subnet needs it, which this reports when only
 * the pod subnets have one.
 */
public final class PodEgressRouteGap {

  private final EniConfig eniConfig;
  private final Subnet subnet;
  private final boolean externalSnat;
  private final String routeTable;
  private final String detail;
  private final CniConfig cni;

  public PodEgressRouteGap(
      EniConfig eniConfig,
      Subnet subnet,
      boolean externalSnat,
      String routeTable,
      String detail,
      CniConfig cni) {
    this.eniConfig = eniConfig;
    this.subnet = subnet;
    this.externalSnat = externalSnat;
    this.routeTable = routeTable;
    this.detail = detail;
    this.cni = cni;
  }

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

  public String getRouteTable() {
    return routeTable;
  }

  /** What the default routes are: none, or to an internet gateway only; or the pod subnets' NAT. */
  public String getDetail() {
    return detail;
  }

  public String describeSnat() {
    return cni.describeSetting("AWS_VPC_K8S_CNI_EXTERNALSNAT");
  }

  /** On: the ENIConfig's {@code spec.subnet} line; off: the node subnet. */
  public Location location() {
    return externalSnat ? eniConfig.at("spec", "subnet") : subnet.getLocation();
  }

  /** On: the subnet; off: the ENIConfig's subnet line. */
  public Location relatedLocation() {
    return externalSnat ? subnet.getLocation() : eniConfig.at("spec", "subnet");
  }
}
