package io.eksnet.model;

import io.eksnet.net.Cidr;

/**
 * An {@code aws_ec2_subnet_cidr_reservation}: a range of a subnet kept for {@code prefix}
 * delegation or for {@code explicit} assignment only.
 */
public final class SubnetCidrReservation extends TerraformResource {

  private final TfRefs subnet;
  private final Cidr cidr;
  private final String reservationType;

  public SubnetCidrReservation(Header h, TfRefs subnet, Cidr cidr, String reservationType) {
    super(h);
    this.subnet = subnet;
    this.cidr = cidr;
    this.reservationType = reservationType;
  }

  public TfRefs getSubnet() {
    return subnet;
  }

  public Cidr getCidr() {
    return cidr;
  }

  /** {@code prefix} or {@code explicit}. */
  public String getReservationType() {
    return reservationType;
  }

  public boolean isPrefix() {
    return "prefix".equals(reservationType);
  }
}
