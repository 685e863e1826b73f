package io.eksnet.model;

import io.eksnet.net.Cidr;

/**
 * One route of a route table, from an inline {@code route} block or an {@code aws_route}.
 *
 * @param destination the destination as written (CIDR or prefix list id); null when unknown
 * @param destinationCidr the destination CIDR; null for prefix lists or unknown values
 * @param target what the route sends traffic to
 * @param targets the target resources in the same file (e.g. the NAT gateway's address)
 */
public record RouteEntry(String destination, Cidr destinationCidr, Target target, TfRefs targets) {

  /** Route targets, by the Terraform argument that names them. */
  public enum Target {
    /** {@code gateway_id} of an internet gateway (igw-…) or a virtual private gateway (vgw-…). */
    INTERNET_GATEWAY,
    /** {@code gateway_id} naming a virtual private gateway. */
    VPN_GATEWAY,
    /** {@code nat_gateway_id}. */
    NAT_GATEWAY,
    /** {@code transit_gateway_id}. */
    TRANSIT_GATEWAY,
    /** {@code vpc_peering_connection_id}. */
    PEERING,
    /** {@code network_interface_id} or {@code instance_id}: a NAT instance or appliance. */
    INSTANCE,
    /** {@code vpc_endpoint_id} (Gateway Load Balancer endpoint). */
    VPC_ENDPOINT,
    /** {@code egress_only_gateway_id} (IPv6 only). */
    EGRESS_ONLY,
    /** {@code local_gateway_id}, {@code carrier_gateway_id}, {@code core_network_arn}. */
    OTHER,
    /** No target is known yet (all target arguments unknown until apply). */
    UNKNOWN
  }

  /** True for an IPv4 default route ({@code 0.0.0.0/0}). */
  public boolean isIpv4Default() {
    return destinationCidr != null
        && destinationCidr.prefixLength() == 0
        && destinationCidr.network().isIpv4();
  }
}
