package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrSetTest {

  private static CidrSet set(String... cidrs) {
    return CidrSet.of(List.of(cidrs).stream().map(Cidr::parse).toList());
  }

  @Test
  void twoHalvesOfTheInternetAreTheWholeInternet() {
    CidrSet halves = set("0.0.0.0/1", "128.0.0.0/1");
    assertTrue(halves.coversAll(IpFamily.IPV4));
    assertEquals(set("0.0.0.0/0"), halves);
    assertEquals(List.of(Cidr.parse("0.0.0.0/0")), halves.toCidrs());
    assertFalse(halves.coversAll(IpFamily.IPV6));
  }

  @Test
  void ipv6EverywhereIsRecognisedHoweverItIsWritten() {
    assertTrue(set("::/1", "8000::/1").coversAll(IpFamily.IPV6));
    assertTrue(set("::/0").coversAll(IpFamily.IPV6));
    assertFalse(set("::/1", "8000::/2").coversAll(IpFamily.IPV6));
  }

  @Test
  void exceptHolesStopASetFromCoveringEverything() {
    CidrSet ipBlock = set("0.0.0.0/0").minus(set("10.0.0.0/8", "169.254.169.254/32"));
    assertFalse(ipBlock.coversAll(IpFamily.IPV4));
    assertFalse(ipBlock.contains(IpAddress.parse("10.1.2.3")));
    assertFalse(ipBlock.contains(IpAddress.parse("169.254.169.254")));
    assertTrue(ipBlock.contains(IpAddress.parse("169.254.169.253")));
    assertTrue(ipBlock.covers(Cidr.parse("8.8.8.0/24")));
    assertFalse(ipBlock.covers(Cidr.parse("8.0.0.0/5")));
    assertTrue(ipBlock.overlaps(Cidr.parse("8.0.0.0/5")));
    assertTrue(ipBlock.union(set("10.0.0.0/8", "169.254.169.254/32")).coversAll(IpFamily.IPV4));
    assertEquals("[128.0.0.0/1]", set("0.0.0.0/0").minus(set("0.0.0.0/1")).toString());
    assertEquals(
        "[10.0.0.0/32, 10.0.0.2/31, 10.0.0.4/30, 10.0.0.8/29, 10.0.0.16/28]",
        set("10.0.0.0/27")
            .minus(set("10.0.0.1/32", "10.0.0.16/28"))
            .union(set("10.0.0.16/28"))
            .toString());
  }

  @Test
  void adjacentAndNestedBlocksMerge() {
    CidrSet s = set("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25", "10.0.2.0/23");
    assertEquals(List.of(Cidr.parse("10.0.0.0/22")), s.toCidrs());
    assertEquals(1, s.ranges().size());
  }

  @Test
  void familiesAreKeptApart() {
    CidrSet s = set("::/0", "0.0.0.0/0");
    assertTrue(s.coversAll(IpFamily.IPV4));
    assertTrue(s.coversAll(IpFamily.IPV6));
    assertEquals("[0.0.0.0/0, ::/0]", s.toString());
    assertEquals(set("::/0"), s.minus(CidrSet.all(IpFamily.IPV4)));
    assertEquals(set("0.0.0.0/0"), s.intersection(set("0.0.0.0/0", "10.0.0.0/8")));
  }

  @Test
  void intersectionAndUnionOfOverlappingSets() {
    CidrSet a = set("10.0.0.0/16", "192.168.0.0/24");
    CidrSet b = set("10.0.128.0/17", "192.168.0.128/25", "172.16.0.0/12");
    assertEquals(set("10.0.128.0/17", "192.168.0.128/25"), a.intersection(b));
    assertEquals(set("10.0.0.0/16", "172.16.0.0/12", "192.168.0.0/24"), a.union(b));
    assertEquals(set("10.0.0.0/17", "192.168.0.0/25"), a.minus(b));
    assertTrue(a.overlaps(b));
    assertFalse(a.covers(b));
    assertTrue(a.union(b).covers(b));
  }

  @Test
  void emptySetBehaves() {
    CidrSet e = CidrSet.empty();
    assertTrue(e.isEmpty());
    assertFalse(e.contains(IpAddress.parse("0.0.0.0")));
    assertFalse(e.overlaps(Cidr.parse("0.0.0.0/0")));
    assertEquals(e, set("10.0.0.0/8").minus(set("10.0.0.0/8")));
    assertTrue(set("10.0.0.0/8").covers(e));
  }
}
