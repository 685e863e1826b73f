package io.eksnet.model;

/**
 * An {@code aws_route_table_association} (subnet or gateway to route table), or an {@code
 * aws_main_route_table_association} (VPC to its main route table; {@link #isMain()}).
 */
public final class RouteTableAssociation extends TerraformResource {

  private final TfRefs routeTable;
  private final TfRefs subnet;
  private final TfRefs vpc;
  private final boolean main;

  public RouteTableAssociation(
      Header h, TfRefs routeTable, TfRefs subnet, TfRefs vpc, boolean main) {
    super(h);
    this.routeTable = routeTable;
    this.subnet = subnet;
    this.vpc = vpc;
    this.main = main;
  }

  public TfRefs getRouteTable() {
    return routeTable;
  }

  /** The subnet; {@link TfRefs#NONE} for gateway and main associations. */
  public TfRefs getSubnet() {
    return subnet;
  }

  /** The VPC of a main route table association; {@link TfRefs#NONE} otherwise. */
  public TfRefs getVpc() {
    return vpc;
  }

  public boolean isMain() {
    return main;
  }
}
