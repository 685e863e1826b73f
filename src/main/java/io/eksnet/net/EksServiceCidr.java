package io.eksnet.net;

/**
 * What EKS accepts as a cluster's Kubernetes service IPv4 CIDR ({@code
 * kubernetes_network_config.service_ipv4_cidr}, {@code KubernetesNetworkConfigRequest
 * .serviceIpv4Cidr}): a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix
 * length from /12 to /24. Not overlapping the VPC is a further requirement that needs the VPC.
 */
public final class EksServiceCidr {

  /** The widest service CIDR EKS accepts. */
  public static final int MIN_PREFIX_LENGTH = 12;

  /** The narrowest service CIDR EKS accepts. */
  public static final int MAX_PREFIX_LENGTH = 24;

  private EksServiceCidr() {}

  /** True when {@code c} is an IPv4 block inside one of the RFC 1918 blocks. */
  public static boolean inAllowedRange(Cidr c) {
    return c.family() == IpFamily.IPV4 && Ipv4Ranges.isRfc1918(c);
  }

  /** True when the prefix length is between /12 and /24, both included. */
  public static boolean prefixLengthAllowed(Cidr c) {
    return c.prefixLength() >= MIN_PREFIX_LENGTH && c.prefixLength() <= MAX_PREFIX_LENGTH;
  }

  /** True when EKS accepts {@code c} by range and size; null is unknown and counts as valid. */
  public static boolean valid(Cidr c) {
    return c == null || (inAllowedRange(c) && prefixLengthAllowed(c));
  }
}
