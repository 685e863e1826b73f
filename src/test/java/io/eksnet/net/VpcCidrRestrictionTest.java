package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VPC User Guide's "IPv4 CIDR block association restrictions" table, row by row. */
class VpcCidrRestrictionTest {

  private static VpcCidrRestriction of(String primary, String secondary) {
    return VpcCidrRestriction.of(Cidr.parse(primary), Cidr.parse(secondary));
  }

  @ParameterizedTest(name = "primary {0}, secondary {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 10.0.0.0/8 row
        "10.1.0.0/16     | 172.16.0.0/16    | OTHER_RFC1918",
        "10.1.0.0/16     | 192.168.0.0/16   | OTHER_RFC1918",
        "10.1.0.0/16     | 198.19.0.0/16    | RANGE_198_19",
        "10.1.0.0/16     | 198.19.255.0/24  | RANGE_198_19",
        "10.1.0.0/16     | 10.0.0.0/16      | RANGE_10_0_16",
        "10.1.255.240/28 | 10.0.255.0/24    | RANGE_10_0_16",
        "10.0.0.0/16     | 10.0.128.0/17    | RANGE_10_0_16",
        // 172.16.0.0/12 row
        "172.16.0.0/16   | 10.0.0.0/16      | OTHER_RFC1918",
        "172.16.0.0/16   | 192.168.0.0/20   | OTHER_RFC1918",
        "172.16.0.0/16   | 172.31.0.0/16    | RANGE_172_31_16",
        "172.31.0.0/20   | 172.31.16.0/20   | RANGE_172_31_16",
        "172.16.0.0/16   | 198.19.0.0/16    | RANGE_198_19",
        // 192.168.0.0/16 row
        "192.168.0.0/20  | 10.50.0.0/16     | OTHER_RFC1918",
        "192.168.0.0/20  | 172.20.0.0/16    | OTHER_RFC1918",
        "192.168.0.0/20  | 198.19.0.0/16    | RANGE_198_19",
        // 198.19.0.0/16 row
        "198.19.0.0/16   | 10.0.0.0/16      | RFC1918_ON_OTHER_PRIMARY",
        "198.19.0.0/20   | 192.168.0.0/16   | RFC1918_ON_OTHER_PRIMARY",
        // publicly routable and 100.64.0.0/10 row
        "100.64.0.0/16   | 10.0.0.0/16      | RFC1918_ON_OTHER_PRIMARY",
        "100.64.0.0/16   | 198.19.0.0/16    | RANGE_198_19",
        "203.0.113.0/24  | 172.16.0.0/16    | RFC1918_ON_OTHER_PRIMARY",
        "203.0.113.0/24  | 198.19.0.0/24    | RANGE_198_19",
      })
  void restrictedAssociationsFollowTheTable(
      String primary, String secondary, VpcCidrRestriction expected) {
    assertEquals(expected, of(primary, secondary));
    assertTrue(VpcCidrRestriction.restricts(Cidr.parse(primary), Cidr.parse(secondary)));
  }

  @ParameterizedTest(name = "primary {0}, secondary {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 100.64.0.0/10 is permitted with every primary, from its first to its last /16
        "10.0.0.0/16     | 100.64.0.0/16",
        "172.16.0.0/16   | 100.127.0.0/16",
        "192.168.0.0/16  | 100.64.0.0/10",
        "198.19.0.0/16   | 100.100.0.0/16",
        "203.0.113.0/24  | 100.64.0.0/16",
        // the primary's own RFC 1918 block
        "10.0.0.0/16     | 10.1.0.0/16",
        "10.5.0.0/16     | 10.6.0.0/16",
        "172.16.0.0/16   | 172.30.0.0/16",
        "192.168.0.0/20  | 192.168.16.0/20",
        // 10.0.0.0/16 is only restricted when the primary is inside 10.0.0.0/15
        "10.2.0.0/16     | 10.0.0.0/16",
        "10.0.0.0/16     | 10.1.0.0/16",
        // 172.31.0.0/16 is only restricted with a 172.16.0.0/12 primary
        "10.0.0.0/16     | 10.31.0.0/16",
        // publicly routable secondaries, and neighbours of the special ranges
        "10.0.0.0/16     | 198.18.0.0/16",
        "10.0.0.0/16     | 198.20.0.0/16",
        "10.0.0.0/16     | 100.128.0.0/16",
        "172.16.0.0/16   | 11.0.0.0/16",
        "192.168.0.0/16  | 172.32.0.0/16",
        "100.64.0.0/16   | 203.0.113.0/24",
        "198.19.0.0/16   | 203.0.113.0/24",
        // the 198.19.0.0/16 row does not restrict its own range
        "198.19.0.0/20   | 198.19.16.0/20",
      })
  void permittedAssociationsAreNotRestricted(String primary, String secondary) {
    assertNull(of(primary, secondary));
    assertFalse(VpcCidrRestriction.restricts(Cidr.parse(primary), Cidr.parse(secondary)));
  }

  @Test
  void unknownOrIpv6CidrsAreNeverRestricted() {
    assertNull(VpcCidrRestriction.of(null, Cidr.parse("198.19.0.0/16")));
    assertNull(VpcCidrRestriction.of(Cidr.parse("10.0.0.0/16"), null));
    assertNull(of("10.0.0.0/16", "2001:db8::/56"));
    assertNull(of("2001:db8::/56", "10.0.0.0/16"));
  }

  @Test
  void primaryRangeIsTheTableRow() {
    assertEquals(Ipv4Ranges.RFC1918_10, VpcCidrRestriction.primaryRange(Cidr.parse("10.1.0.0/16")));
    assertEquals(
        Ipv4Ranges.RFC1918_172, VpcCidrRestriction.primaryRange(Cidr.parse("172.31.0.0/16")));
    assertEquals(
        Ipv4Ranges.RFC1918_192, VpcCidrRestriction.primaryRange(Cidr.parse("192.168.4.0/24")));
    assertEquals(
        Ipv4Ranges.BENCHMARK_198_19, VpcCidrRestriction.primaryRange(Cidr.parse("198.19.0.0/20")));
    assertNull(VpcCidrRestriction.primaryRange(Cidr.parse("100.64.0.0/16")));
    assertNull(VpcCidrRestriction.primaryRange(Cidr.parse("203.0.113.0/24")));
  }
}
