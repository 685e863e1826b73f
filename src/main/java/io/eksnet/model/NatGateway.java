package io.eksnet.model;

/** An {@code aws_nat_gateway}: the subnet it sits in and whether it is public. */
public final class NatGateway extends TerraformResource {

  private final String id;
  private final TfRefs subnet;
  private final String connectivityType;
  private final boolean regional;

  public NatGateway(Header h, String id, TfRefs subnet, String connectivityType, boolean regional) {
    super(h);
    this.id = id;
    this.subnet = subnet;
    this.connectivityType = connectivityType;
    this.regional = regional;
  }

  public String getId() {
    return id;
  }

  public TfRefs getSubnet() {
    return subnet;
  }

  /** {@code public} (the default) or {@code private}. */
  public String getConnectivityType() {
    return connectivityType;
  }

  /** True for a public NAT gateway, which needs a route to an internet gateway. */
  public boolean isPublicConnectivity() {
    return !"private".equals(connectivityType);
  }

  /**
   * True for a regional NAT gateway ({@code availability_mode = regional}), which has no subnet.
   */
  public boolean isRegional() {
    return regional;
  }
}
