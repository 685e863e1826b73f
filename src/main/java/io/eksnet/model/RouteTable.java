package io.eksnet.model;

import java.util.List;

/**
 * An {@code aws_route_table} with its inline routes, or an {@code aws_default_route_table} (the
 * VPC's main route table, which subnets without an explicit association use).
 */
public final class RouteTable extends TerraformResource {

  private final String id;
  private final TfRefs vpc;
  private final List<RouteEntry> routes;
  private final boolean defaultTable;
  private final boolean routesKnown;

  public RouteTable(
      Header h,
      String id,
      TfRefs vpc,
      List<RouteEntry> routes,
      boolean defaultTable,
      boolean routesKnown) {
    super(h);
    this.routesKnown = routesKnown;
    this.id = id;
    this.vpc = vpc;
    this.routes = List.copyOf(routes);
    this.defaultTable = defaultTable;
  }

  public String getId() {
    return id;
  }

  public TfRefs getVpc() {
    return vpc;
  }

  public String getVpcAddress() {
    return vpc.single();
  }

  /** Inline {@code route} blocks. */
  public List<RouteEntry> getRoutes() {
    return routes;
  }

  /** False when the inline routes are unknown until apply and the configuration does not say. */
  public boolean isRoutesKnown() {
    return routesKnown;
  }

  /** True for {@code aws_default_route_table}: the VPC's main route table. */
  public boolean isDefaultTable() {
    return defaultTable;
  }
}
