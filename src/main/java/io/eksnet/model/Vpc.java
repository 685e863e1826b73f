package io.eksnet.model;

import io.eksnet.net.Cidr;

/** An {@code aws_vpc} (or {@code aws_default_vpc}): its primary IPv4 CIDR. */
@PublicFact("An `aws_vpc` (or `data.aws_vpc`) with its primary CIDR.")
public final class Vpc extends TerraformResource {

  private final String id;
  private final String cidrText;
  private final Cidr cidr;

  public Vpc(Header h, String id, String cidrText, Cidr cidr) {
    super(h);
    this.id = id;
    this.cidrText = cidrText;
    this.cidr = cidr;
  }

  /** The VPC id; null until apply. */
  @FactField("`id`; null until apply.")
  public String getId() {
    return id;
  }

  /** {@code cidr_block} as written; null when unknown (IPAM) or absent. */
  @FactField("`cidr_block` as written, or null when unknown.")
  public String getCidrText() {
    return cidrText;
  }

  /** The primary CIDR (host bits cleared); null when unknown. */
  public Cidr getCidr() {
    return cidr;
  }
}
