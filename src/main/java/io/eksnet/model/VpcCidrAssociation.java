package io.eksnet.model;

import io.eksnet.net.Cidr;

/** An {@code aws_vpc_ipv4_cidr_block_association}: a secondary IPv4 CIDR of a VPC. */
public final class VpcCidrAssociation extends TerraformResource {

  private final TfRefs vpc;
  private final String cidrText;
  private final Cidr cidr;

  public VpcCidrAssociation(Header h, TfRefs vpc, String cidrText, Cidr cidr) {
    super(h);
    this.vpc = vpc;
    this.cidrText = cidrText;
    this.cidr = cidr;
  }

  public TfRefs getVpc() {
    return vpc;
  }

  /** The VPC's address in the same file, or null when not resolved. */
  public String getVpcAddress() {
    return vpc.single();
  }

  public String getCidrText() {
    return cidrText;
  }

  /** Null when unknown (IPAM-allocated) or invalid. */
  public Cidr getCidr() {
    return cidr;
  }
}
