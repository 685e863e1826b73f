package io.eksnet.relate.terraform;

import io.eksnet.model.Subnet;

/** Two subnets of one VPC whose CIDRs overlap; {@code second} comes later in the file. */
public final class SubnetOverlap {

  private final Subnet first;
  private final Subnet second;

  public SubnetOverlap(Subnet first, Subnet second) {
    this.first = first;
    this.second = second;
  }

  public Subnet getFirst() {
    return first;
  }

  public Subnet getSecond() {
    return second;
  }
}
