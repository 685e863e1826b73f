package io.eksnet.relate.terraform;

import io.eksnet.model.EksAddon;
import io.eksnet.model.Vpc;
import io.eksnet.net.Cidr;
import java.util.List;

/**
 * The vpc-cni add-on of a cluster with the cluster's VPC and that VPC's secondary IPv4 CIDRs
 * (associations, and subnets outside the primary CIDR). Only when the VPC is in the scan.
 */
public final class ClusterNetwork {

  private final EksAddon addon;
  private final Vpc vpc;
  private final List<Cidr> secondaryCidrs;

  public ClusterNetwork(EksAddon addon, Vpc vpc, List<Cidr> secondaryCidrs) {
    this.addon = addon;
    this.vpc = vpc;
    this.secondaryCidrs = List.copyOf(secondaryCidrs);
  }

  public EksAddon getAddon() {
    return addon;
  }

  public Vpc getVpc() {
    return vpc;
  }

  public List<Cidr> getSecondaryCidrs() {
    return secondaryCidrs;
  }

  public boolean hasSecondaryCidr() {
    return !secondaryCidrs.isEmpty();
  }
}
