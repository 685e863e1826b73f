package io.eksnet.relate.terraform;

import io.eksnet.model.NatGateway;

/** A NAT gateway and the routing of the subnet it sits in. */
public final class NatPlacement {

  private final NatGateway natGateway;
  private final SubnetRouting routing;

  public NatPlacement(NatGateway natGateway, SubnetRouting routing) {
    this.natGateway = natGateway;
    this.routing = routing;
  }

  public NatGateway getNatGateway() {
    return natGateway;
  }

  public SubnetRouting getRouting() {
    return routing;
  }
}
