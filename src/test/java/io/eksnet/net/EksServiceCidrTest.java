package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EksServiceCidrTest {

  @ParameterizedTest(name = "{0}: range {1}, prefix {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the EKS defaults and the bounds of every allowed block
        "10.100.0.0/16     | true  | true",
        "172.20.0.0/16     | true  | true",
        "10.0.0.0/12       | true  | true",
        "10.240.0.0/12     | true  | true",
        "172.16.0.0/12     | true  | true",
        "192.168.0.0/16    | true  | true",
        "192.168.255.0/24  | true  | true",
        "10.255.255.0/24   | true  | true",
        // one bit too wide or too narrow
        "10.0.0.0/11       | true  | false",
        "10.0.0.0/8        | true  | false",
        "10.0.0.0/25       | true  | false",
        "192.168.0.0/28    | true  | false",
        // outside the private blocks, or wider than the block it starts in
        "100.64.0.0/16     | false | true",
        "100.64.0.0/10     | false | false",
        "172.32.0.0/16     | false | true",
        "172.15.0.0/16     | false | true",
        "11.0.0.0/16       | false | true",
        "192.169.0.0/16    | false | true",
        "192.160.0.0/12    | false | true",
        "172.0.0.0/11      | false | false",
        "fd00::/108        | false | false",
      })
  void rangeAndPrefixAreCheckedSeparately(String cidr, boolean range, boolean prefix) {
    Cidr c = Cidr.parse(cidr);
    assertEquals(range, EksServiceCidr.inAllowedRange(c));
    assertEquals(prefix, EksServiceCidr.prefixLengthAllowed(c));
    assertEquals(range && prefix, EksServiceCidr.valid(c));
  }

  @Test
  void unknownCountsAsValid() {
    assertTrue(EksServiceCidr.valid(null));
  }
}
