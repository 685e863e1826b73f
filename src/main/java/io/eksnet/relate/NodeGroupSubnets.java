package io.eksnet.relate;

import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import java.util.List;

/** A node group and its subnets that are in the scan. */
public final class NodeGroupSubnets {

  private final NodeGroup nodeGroup;
  private final List<Subnet> subnets;

  public NodeGroupSubnets(NodeGroup nodeGroup, List<Subnet> subnets) {
    this.nodeGroup = nodeGroup;
    this.subnets = List.copyOf(subnets);
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  public List<Subnet> getSubnets() {
    return subnets;
  }

  /** The subnets that give instances a public IPv4 address on launch. */
  public List<Subnet> getPublicIpSubnets() {
    return subnets.stream().filter(Subnet::assignsPublicIps).toList();
  }

  public boolean isInPublicIpSubnet() {
    return subnets.stream().anyMatch(Subnet::assignsPublicIps);
  }

  /** {@code aws_subnet.a (10.0.0.0/24, eu-west-1a), …} of the public-IP subnets. */
  public String describePublicIpSubnets() {
    return String.join(", ", getPublicIpSubnets().stream().map(Subnet::describe).toList());
  }
}
