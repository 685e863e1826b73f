package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;

/**
 * An ENIConfig's {@code spec.subnet} looked up among the Terraform subnets (by id), with what is
 * wrong about it: a subnet id the Terraform does not hold while it holds the other ENIConfigs'
 * subnets, a subnet of another VPC than the cluster's, or a subnet inside the VPC's primary CIDR
 * (where the nodes are).
 */
public final class EniConfigSubnet {

  private final EniConfig eniConfig;
  private final Subnet subnet;
  private final TerraformResource related;
  private final boolean unknownSubnet;
  private final String otherVpc;
  private final String clusterVpc;
  private final String primaryCidr;
  private final String nodeGroups;
  private final String knownSubnets;

  public EniConfigSubnet(
      EniConfig eniConfig,
      Subnet subnet,
      TerraformResource related,
      boolean unknownSubnet,
      String otherVpc,
      String clusterVpc,
      String primaryCidr,
      String nodeGroups,
      String knownSubnets) {
    this.eniConfig = eniConfig;
    this.subnet = subnet;
    this.related = related;
    this.unknownSubnet = unknownSubnet;
    this.otherVpc = otherVpc;
    this.clusterVpc = clusterVpc;
    this.primaryCidr = primaryCidr;
    this.nodeGroups = nodeGroups;
    this.knownSubnets = knownSubnets;
  }

  public EniConfig getEniConfig() {
    return eniConfig;
  }

  /** The Terraform subnet; null when the id names none. */
  public Subnet getSubnet() {
    return subnet;
  }

  /** True when the id names no subnet of the scan while other ENIConfigs' ids do. */
  public boolean isUnknownSubnet() {
    return unknownSubnet;
  }

  /** True when the subnet is in another VPC than the cluster's. */
  public boolean isInOtherVpc() {
    return otherVpc != null;
  }

  /** The subnet's VPC (address or id) when it is not the cluster's, else null. */
  public String getOtherVpc() {
    return otherVpc;
  }

  /** The cluster's VPC (address or id), or null. */
  public String getClusterVpc() {
    return clusterVpc;
  }

  /** True when the subnet lies in its VPC's primary CIDR. */
  public boolean isInPrimaryCidr() {
    return primaryCidr != null;
  }

  /** The VPC's primary CIDR when the subnet lies in it, else null. */
  public String getPrimaryCidr() {
    return primaryCidr;
  }

  /** {@code ", and is itself a subnet of node group X"} or empty, for messages. */
  public String describeNodeUse() {
    return nodeGroups == null ? "" : ", and is itself a node subnet of " + nodeGroups;
  }

  /** The other ENIConfigs' subnets the Terraform holds, for messages. */
  public String getKnownSubnets() {
    return knownSubnets;
  }

  /** The {@code spec.subnet} line. */
  public Location subnetLocation() {
    return eniConfig.at("spec", "subnet");
  }

  /** The subnet resource, or the cluster's VPC (or another ENIConfig's subnet) when unknown. */
  public Location relatedLocation() {
    return subnet != null ? subnet.getLocation() : related == null ? null : related.getLocation();
  }
}
