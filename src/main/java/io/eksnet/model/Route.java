package io.eksnet.model;

/** An {@code aws_route}: one route added to a route table. */
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
