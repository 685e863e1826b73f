package io.eksnet.net;

import static io.eksnet.net.Ipv4Ranges.BENCHMARK_198_19;
import static io.eksnet.net.Ipv4Ranges.RFC1918_10;
import static io.eksnet.net.Ipv4Ranges.RFC1918_172;
import static io.eksnet.net.Ipv4Ranges.SHARED_ADDRESS_SPACE;

/**
 * Why AWS refuses to associate a secondary IPv4 CIDR with a VPC, given the range its primary CIDR
 * is in: the table "IPv4 CIDR block association restrictions" of the Amazon VPC User Guide.
 *
 * <table>
 *   <caption>Restricted secondary CIDRs by the primary CIDR's range</caption>
 *   <tr><th>primary in</th><th>restricted secondary</th></tr>
 *   <tr><td>10.0.0.0/8</td><td>other RFC 1918 blocks; 198.19.0.0/16; 10.0.0.0/16 when the primary
 *       is inside 10.0.0.0/15</td></tr>
 *   <tr><td>172.16.0.0/12</td><td>other RFC 1918 blocks; 198.19.0.0/16; 172.31.0.0/16</td></tr>
 *   <tr><td>192.168.0.0/16</td><td>other RFC 1918 blocks; 198.19.0.0/16</td></tr>
 *   <tr><td>198.19.0.0/16</td><td>RFC 1918 blocks</td></tr>
 *   <tr><td>anything else (publicly routable, 100.64.0.0/10)</td><td>RFC 1918 blocks;
 *       198.19.0.0/16</td></tr>
 * </table>
 *
 * <p>A secondary CIDR from {@code 100.64.0.0/10} is permitted with every primary. Only the range
 * table is encoded here: size (/16 to /28), overlap with the VPC's other CIDRs and with routes are
 * separate constraints. Both CIDRs are IPv4; anything else is never restricted.
 */
public enum VpcCidrRestriction {
  /** Primary in one RFC 1918 block, secondary in another one. */
  OTHER_RFC1918,
  /** Secondary in 198.19.0.0/16, primary in an RFC 1918 block or outside 198.19.0.0/16. */
  RANGE_198_19,
  /** Primary inside 10.0.0.0/15, secondary inside 10.0.0.0/16. */
  RANGE_10_0_16,
  /** Primary in 172.16.0.0/12, secondary inside 172.31.0.0/16. */
  RANGE_172_31_16,
  /**
   * Primary outside RFC 1918 (publicly routable, 100.64.0.0/10 or 198.19.0.0/16), secondary in an
   * RFC 1918 block: AWS only takes an RFC 1918 range as the primary CIDR of such a VPC.
   */
  RFC1918_ON_OTHER_PRIMARY;

  private static final Cidr TEN_0_15 = Cidr.parse("10.0.0.0/15");
  private static final Cidr TEN_0_16 = Cidr.parse("10.0.0.0/16");
  private static final Cidr ONE72_31_16 = Cidr.parse("172.31.0.0/16");

  /**
   * The restriction that forbids adding {@code secondary} to a VPC whose primary CIDR is {@code
   * primary}, or null when the table permits it (or either CIDR is null or not IPv4).
   */
  public static VpcCidrRestriction of(Cidr primary, Cidr secondary) {
    if (primary == null
        || secondary == null
        || primary.family() != IpFamily.IPV4
        || secondary.family() != IpFamily.IPV4
        || SHARED_ADDRESS_SPACE.contains(secondary)) {
      return null;
    }
    Cidr primaryBlock = Ipv4Ranges.rfc1918BlockOf(primary);
    Cidr secondaryBlock = Ipv4Ranges.rfc1918BlockOf(secondary);
    if (primaryBlock == null) {
      if (secondaryBlock != null) {
        return RFC1918_ON_OTHER_PRIMARY;
      }
      return BENCHMARK_198_19.contains(secondary) && !BENCHMARK_198_19.contains(primary)
          ? RANGE_198_19
          : null;
    }
    if (secondaryBlock != null && !secondaryBlock.equals(primaryBlock)) {
      return OTHER_RFC1918;
    }
    if (BENCHMARK_198_19.contains(secondary)) {
      return RANGE_198_19;
    }
    if (primaryBlock.equals(RFC1918_10)
        && TEN_0_15.contains(primary)
        && TEN_0_16.contains(secondary)) {
      return RANGE_10_0_16;
    }
    if (primaryBlock.equals(RFC1918_172) && ONE72_31_16.contains(secondary)) {
      return RANGE_172_31_16;
    }
    return null;
  }

  /** True when {@link #of} finds a restriction. */
  public static boolean restricts(Cidr primary, Cidr secondary) {
    return of(primary, secondary) != null;
  }

  /**
   * The range the table names for the primary: its RFC 1918 block, {@code 198.19.0.0/16}, or null
   * for the row of publicly routable ranges and {@code 100.64.0.0/10}.
   */
  public static Cidr primaryRange(Cidr primary) {
    Cidr block = Ipv4Ranges.rfc1918BlockOf(primary);
    if (block != null) {
      return block;
    }
    return BENCHMARK_198_19.contains(primary) ? BENCHMARK_198_19 : null;
  }
}
