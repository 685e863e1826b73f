package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @Test
  void nonCanonicalCidrIsReportedWithItsNetwork() {
    NonCanonicalCidrException e =
        assertThrows(NonCanonicalCidrException.class, () -> Cidr.parse("10.196.0.0/12"));
    assertEquals("10.196.0.0/12 has host bits set; the network is 10.192.0.0/12", e.getMessage());
    assertEquals(Cidr.parse("10.192.0.0/12"), e.network());
    assertEquals(IpAddress.parse("10.196.0.0"), e.address());
    assertEquals("10.196.0.0/12", e.input());
  }

  @Test
  void nonCanonicalCidrIsUsableAsItsNetworkWhenParsedMasked() {
    assertEquals(Cidr.parse("10.192.0.0/12"), Cidr.parseMasked("10.196.0.0/12"));
    assertEquals(Cidr.parse("100.68.0.0/18"), Cidr.parseMasked("100.68.0.18/18"));
    assertEquals(Cidr.parse("2001:db8::/32"), Cidr.parseMasked("2001:db8:1::5/32"));
  }

  @Test
  void tryParseReportsHostBitsWithoutThrowing() {
    ParsedCidr p = Cidr.tryParse("10.196.0.0/12");
    assertTrue(p.isValid());
    assertTrue(p.hasHostBitsSet());
    assertFalse(p.isCanonical());
    assertEquals(Cidr.parse("10.192.0.0/12"), p.cidr());
    assertEquals("10.196.0.0/12 has host bits set; the network is 10.192.0.0/12", p.problem());
  }

  @Test
  void tryParseReportsMalformedInputWithoutThrowing() {
    ParsedCidr p = Cidr.tryParse("10.0.0.0/33");
    assertFalse(p.isValid());
    assertNull(p.cidr());
    assertEquals(
        "\"10.0.0.0/33\" is not a valid CIDR: prefix length 33 is greater than 32 for IPv4",
        p.problem());
    assertTrue(Cidr.tryParse("10.0.0.0/8").isCanonical());
    assertFalse(Cidr.tryParse(null).isValid());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0| prefix length (\"/n\") is missing",
        "10.0.0.0/| after '/' is empty",
        "10.0.0.0/8/9| more than one '/'",
        "10.0.0.0/-1| decimal digits, found '-'",
        "10.0.0.0/+8| decimal digits, found '+'",
        "10.0.0.0/33| prefix length 33 is greater than 32 for IPv4",
        "10.0.0.0/1000| prefix length 1000 is greater than 32",
        "2001:db8::/129| prefix length 129 is greater than 128 for IPv6",
        "300.0.0.0/8| octet 300 is greater than 255",
        "010.0.0.0/8| leading zero",
        "'10.0.0.0/8 '| found ' '",
        "/8| the address is empty",
        "fe80::1%eth0/64| zone identifiers",
        "internal.example.com/32| unexpected character 'i'",
      })
  void malformedCidrIsRejectedWithTheReason(String text, String reason) {
    AddressFormatException e = assertThrows(AddressFormatException.class, () -> Cidr.parse(text));
    assertFalse(e instanceof NonCanonicalCidrException);
    assertTrue(e.getMessage().startsWith("\"" + text + "\" is not a valid CIDR: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void constructorRefusesHostBits() {
    assertThrows(NonCanonicalCidrException.class, () -> new Cidr(IpAddress.parse("10.0.0.1"), 24));
    assertThrows(IllegalArgumentException.class, () -> new Cidr(IpAddress.parse("10.0.0.0"), 33));
  }

  @Test
  void firstLastAndSizeOfIpv4Block() {
    Cidr c = Cidr.parse("10.0.0.0/22");
    assertEquals(IpAddress.parse("10.0.0.0"), c.first());
    assertEquals(IpAddress.parse("10.0.3.255"), c.last());
    assertEquals(1024, c.size());
    assertEquals(4294967296L, Cidr.parse("0.0.0.0/0").size());
    assertEquals(1, Cidr.parse("10.0.0.7/32").size());
  }

  @Test
  void ipv6SizeSaturatesButExactSizeDoesNot() {
    Cidr c = Cidr.parse("::/0");
    assertEquals(Long.MAX_VALUE, c.size());
    assertEquals(BigInteger.ONE.shiftLeft(128), c.exactSize());
    assertEquals(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), c.last());
    assertEquals(1L << 48, Cidr.parse("2001:db8::/80").size());
  }

  @Test
  void containmentAndOverlapFollowTheBlocks() {
    Cidr vpc = Cidr.parse("10.0.0.0/16");
    assertTrue(vpc.contains(Cidr.parse("10.0.4.0/24")));
    assertTrue(vpc.contains(vpc));
    assertFalse(Cidr.parse("10.0.4.0/24").contains(vpc));
    assertTrue(Cidr.parse("10.0.4.0/24").overlaps(vpc));
    assertFalse(vpc.overlaps(Cidr.parse("10.1.0.0/16")));
    assertTrue(vpc.contains(IpAddress.parse("10.0.255.255")));
    assertFalse(vpc.contains(IpAddress.parse("10.1.0.0")));
    assertFalse(Cidr.parse("::/0").contains(IpAddress.parse("10.0.0.1")), "families never mix");
    assertFalse(Cidr.parse("0.0.0.0/0").overlaps(Cidr.parse("::/0")));
  }

  @Test
  void halvesSplitTheBlock() {
    Cidr c = Cidr.parse("10.0.0.0/8");
    assertEquals(Cidr.parse("10.0.0.0/9"), c.lowerHalf());
    assertEquals(Cidr.parse("10.128.0.0/9"), c.upperHalf());
    assertEquals(Cidr.parse("8000::/1"), Cidr.parse("::/0").upperHalf());
    assertThrows(IllegalStateException.class, () -> Cidr.parse("10.0.0.1/32").lowerHalf());
  }

  @ParameterizedTest(name = "{0} has {1} usable addresses")
  @CsvSource({
    "10.0.0.0/16, 65531",
    "10.0.0.0/24, 251",
    "10.0.0.0/28, 11",
    "10.0.0.0/30, 0",
    "2001:db8::/120, 251",
    "2001:db8::/64, 9223372036854775807",
  })
  void awsSubnetReservesFiveAddresses(String cidr, long usable) {
    assertEquals(usable, Cidr.parse(cidr).usableAddresses());
  }

  @Test
  void awsReservedAddressesAreTheFirstFourAndTheLast() {
    assertEquals(
        "[10.0.0.0/30, 10.0.0.255/32]",
        Cidr.parse("10.0.0.0/24").awsReservedAddresses().toString());
    // The VPC User Guide's IPv6 example.
    CidrSet v6 = Cidr.parse("2001:db8:1234:1a00::/64").awsReservedAddresses();
    assertEquals(
        "[2001:db8:1234:1a00::/126, 2001:db8:1234:1a00:ffff:ffff:ffff:ffff/128]", v6.toString());
  }

  @Test
  void freshSlash24HasFourteenFreePrefixBlocks() {
    assertEquals(14, Cidr.parse("10.0.0.0/24").freePrefixBlocks(CidrSet.empty()));
    assertEquals(4094, Cidr.parse("10.0.0.0/16").freePrefixBlocks(CidrSet.empty()));
    assertEquals(0, Cidr.parse("10.0.0.0/28").freePrefixBlocks(CidrSet.empty()));
    assertEquals(65534, Cidr.parse("2001:db8::/64").freePrefixBlocks(CidrSet.empty()));
  }

  @Test
  void scatteredSecondaryIpsLeaveNoFreePrefixBlock() {
    List<IpAddress> secondaries = new ArrayList<>();
    for (int block = 1; block < 15; block++) {
      secondaries.add(IpAddress.parse("10.0.0." + (block * 16 + 7)));
    }
    Cidr subnet = Cidr.parse("10.0.0.0/24");
    assertEquals(0, subnet.freePrefixBlocks(CidrSet.ofAddresses(secondaries)));
    // 14 secondary IPs use few addresses: the subnet still has plenty of single IPs.
    assertEquals(251 - 14, subnet.usableAddresses() - secondaries.size());
  }

  @Test
  void usedBlocksAndReservationsAreNotCountedAsFree() {
    Cidr subnet = Cidr.parse("10.0.0.0/24");
    CidrSet used =
        CidrSet.of(
            Cidr.parse("10.0.0.16/28"), // a delegated prefix
            Cidr.parse("10.0.0.64/27"), // a CIDR reservation
            Cidr.parse("10.0.0.130/32"), // a secondary IP
            Cidr.parse("192.168.0.0/16")); // elsewhere: ignored
    assertEquals(14 - 1 - 2 - 1, subnet.freePrefixBlocks(used));
    assertEquals(0, subnet.freeAlignedBlocks(25, used));
    assertEquals(2, subnet.freeAlignedBlocks(26, CidrSet.empty()));
    assertEquals(0, subnet.freeAlignedBlocks(16, CidrSet.empty()), "a /16 does not fit in a /24");
  }

  @Test
  void cidrsOrderByNetworkThenPrefix() {
    List<Cidr> sorted =
        new ArrayList<>(
            List.of(
                Cidr.parse("10.1.0.0/16"),
                Cidr.parse("10.0.0.0/16"),
                Cidr.parse("::/0"),
                Cidr.parse("10.0.0.0/8")));
    sorted.sort(null);
    assertEquals("[10.0.0.0/8, 10.0.0.0/16, 10.1.0.0/16, ::/0]", sorted.toString());
  }
}
