package io.eksnet.relate.terraform;

import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import java.util.List;
import java.util.Map;

/**
 * A node group and its subnets that are in the scan, with what their routing says about the
 * public-IP subnets ({@link #getPublicIpRouting()}).
 */
public final class NodeGroupSubnets {

  private final NodeGroup nodeGroup;
  private final List<Subnet> subnets;
  private final PublicIpRouting publicIpRouting;

  /** Whether the public IPs the subnets hand out are reachable from the internet. */
  public enum PublicIpRouting {
    /** A public-IP subnet has a default route to an internet gateway. */
    INTERNET,
    /** Every public-IP subnet's routing is known, and none routes to an internet gateway. */
    NO_INTERNET_ROUTE,
    /** The routing of some public-IP subnet is not (fully) in the scan. */
    UNKNOWN
  }

  public NodeGroupSubnets(
      NodeGroup nodeGroup, List<Subnet> subnets, Map<String, SubnetRouting> routing) {
    this.nodeGroup = nodeGroup;
    this.subnets = List.copyOf(subnets);
    boolean unknown = false;
    boolean internet = false;
    for (Subnet s : getPublicIpSubnets()) {
      SubnetRouting r = routing.get(s.getKey());
      if (r != null && r.isPublicRoute()) {
        internet = true;
      } else if (r == null || !r.isKnown()) {
        unknown = true;
      }
    }
    this.publicIpRouting =
        internet
            ? PublicIpRouting.INTERNET
            : unknown ? PublicIpRouting.UNKNOWN : PublicIpRouting.NO_INTERNET_ROUTE;
  }

  public PublicIpRouting getPublicIpRouting() {
    return publicIpRouting;
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
