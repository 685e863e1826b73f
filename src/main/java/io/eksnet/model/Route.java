package io.eksnet.model;

/**
 * An {@code aws_route}: one route added to a route table. An {@code
 * aws_vpn_gateway_route_propagation} is a route of unknown destination (whatever the VPN learns).
 */
public final class Route extends TerraformResource {

  private final TfRefs routeTable;
  private final RouteEntry entry;

  public Route(Header h, TfRefs routeTable, RouteEntry entry) {
    super(h);
    this.routeTable = routeTable;
    this.entry = entry;
  }

  public TfRefs getRouteTable() {
    return routeTable;
  }

  public RouteEntry getEntry() {
    return entry;
  }
}
