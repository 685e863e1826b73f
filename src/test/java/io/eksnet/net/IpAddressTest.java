package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:DB8::1, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "1:0:0:0:0:0:0:0, 1::",
    "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
    "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
    "::FFFF:192.0.2.1, ::ffff:192.0.2.1",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
    "fe80:0000:0000:0000:0204:61ff:fe9d:f156, fe80::204:61ff:fe9d:f156",
  })
  void ipv6IsFormattedPerRfc5952(String input, String canonical) {
    assertEquals(canonical, IpAddress.parse(input).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "192.168.255.255", "255.255.255.255"})
  void ipv4IsFormattedAsDottedQuad(String text) {
    IpAddress a = IpAddress.parse(text);
    assertEquals(IpFamily.IPV4, a.family());
    assertEquals(text, a.toString());
  }

  @Test
  void ipv4MappedAddressStaysIpv6() {
    IpAddress mapped = IpAddress.parse("::ffff:10.0.0.1");
    assertEquals(IpFamily.IPV6, mapped.family());
    assertTrue(mapped.compareTo(IpAddress.parse("10.0.0.1")) > 0, "IPv6 sorts after IPv4");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| the address is empty",
        "10.0.0.256| octet 256 is greater than 255",
        "10.0.0| 4 decimal octets",
        "10.0.0.1.2| 4 decimal octets",
        "010.0.0.1| leading zero",
        "10..0.1| 4 decimal octets",
        "' 10.0.0.1'| unexpected character ' '",
        "example.com| unexpected character 'e'",
        "fe80::1%eth0| zone identifiers",
        "1:2:3:4:5:6:7:8:9| more than 8 groups",
        "1::2::3| '::' may appear only once",
        "12345::| more than 4 hex digits",
        ":1:2:3:4:5:6:7| single leading ':'",
        "1:2:3:4:5:6:7:| ends with a single ':'",
        "1:2:3| 8 groups",
        "1:2:3:4::5:6:7:8| at least one group",
        "::ffff:1.2.3.256| greater than 255",
        "1:2:3:4:5:6:7:1.2.3.4| too many groups",
        "::g| unexpected character 'g'",
      })
  void malformedAddressIsRejectedWithTheReason(String text, String reason) {
    AddressFormatException e =
        assertThrows(AddressFormatException.class, () -> IpAddress.parse(text));
    assertTrue(
        e.getMessage().startsWith("\"" + text + "\" is not a valid IP address: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertEquals(text, e.input());
  }

  @Test
  void nonAsciiDigitsAreNotAccepted() {
    assertThrows(AddressFormatException.class, () -> IpAddress.parse("١٠.0.0.1"));
    assertThrows(AddressFormatException.class, () -> IpAddress.parse("::١"));
  }
}
