package io.eksnet.net;

import java.util.List;

/**
 * Special-purpose IPv4 blocks that AWS treats differently in VPCs and EKS. A block is "from" one of
 * these ranges when the range contains it entirely.
 */
public final class Ipv4Ranges {

  /** RFC 1918 private block {@code 10.0.0.0/8}. */
  public static final Cidr RFC1918_10 = Cidr.parse("10.0.0.0/8");

  /** RFC 1918 private block {@code 172.16.0.0/12}. */
  public static final Cidr RFC1918_172 = Cidr.parse("172.16.0.0/12");

  /** RFC 1918 private block {@code 192.168.0.0/16}. */
  public static final Cidr RFC1918_192 = Cidr.parse("192.168.0.0/16");

  /** The three RFC 1918 blocks, in address order. */
  public static final List<Cidr> RFC1918 = List.of(RFC1918_10, RFC1918_172, RFC1918_192);

  /** RFC 6598 shared address space (carrier-grade NAT), {@code 100.64.0.0/10}. */
  public static final Cidr SHARED_ADDRESS_SPACE = Cidr.parse("100.64.0.0/10");

  /**
   * {@code 198.19.0.0/16}, the upper half of the RFC 2544 benchmarking block {@code 198.18.0.0/15};
   * AWS suggests it, beside {@code 100.64.0.0/10}, for secondary VPC ranges.
   */
  public static final Cidr BENCHMARK_198_19 = Cidr.parse("198.19.0.0/16");

  private Ipv4Ranges() {}

  /** The RFC 1918 block that contains {@code c} entirely, or null (also for IPv6). */
  public static Cidr rfc1918BlockOf(Cidr c) {
    for (Cidr b : RFC1918) {
      if (b.contains(c)) {
        return b;
      }
    }
    return null;
  }

  /** True when {@code c} lies entirely inside one of the RFC 1918 blocks. */
  public static boolean isRfc1918(Cidr c) {
    return rfc1918BlockOf(c) != null;
  }
}
