package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapsTest {

  record Subnet(String id, Cidr cidr) {
    Subnet(String id, String cidr) {
      this(id, cidr == null ? null : Cidr.parse(cidr));
    }

    @Override
    public String toString() {
      return id;
    }
  }

  @Test
  void nestedAndEqualBlocksAreReportedInInputOrder() {
    List<Subnet> subnets =
        List.of(
            new Subnet("a", "10.0.1.0/24"),
            new Subnet("vpc", "10.0.0.0/16"),
            new Subnet("b", "10.0.2.0/24"),
            new Subnet("dup-a", "10.0.1.0/24"),
            new Subnet("other", "10.1.0.0/16"),
            new Subnet("v6", "::/0"),
            new Subnet("unknown", (String) null));
    assertEquals(
        "[Pair[first=a, second=vpc], Pair[first=a, second=dup-a], Pair[first=vpc, second=b],"
            + " Pair[first=vpc, second=dup-a]]",
        Overlaps.find(subnets, Subnet::cidr).toString());
  }

  @Test
  void disjointBlocksHaveNoOverlap() {
    List<Cidr> cidrs =
        List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("10.0.1.0/24"), Cidr.parse("10.0.2.0/23"));
    assertEquals(List.of(), Overlaps.find(cidrs));
  }

  @Test
  void twoHundredThousandBlocksAreSweptQuickly() {
    // 200,000 disjoint /32s plus one /8 over all of them: a pairwise check would need 2*10^10
    // comparisons; the sweep needs a sort.
    List<Cidr> cidrs = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      cidrs.add(Cidr.host(IpAddress.ipv4((10L << 24) + i * 7L)));
    }
    cidrs.add(Cidr.parse("11.0.0.0/8"));
    cidrs.add(Cidr.parse("11.0.0.0/16"));
    List<Overlaps.Pair<Cidr>> pairs =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Overlaps.find(cidrs));
    assertEquals(
        Arrays.asList(new Overlaps.Pair<>(Cidr.parse("11.0.0.0/8"), Cidr.parse("11.0.0.0/16"))),
        pairs);
  }
}
