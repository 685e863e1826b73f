package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests of the IP algebra. Set operations are checked against a bit-set model over a small
 * universe (10.0.0.0/20 and 2001:db8::/116, 4096 addresses each), where every address can be
 * enumerated.
 */
class NetAlgebraPropertyTest {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  // ---- generators ----

  @Provide
  Arbitrary<IpAddress> addresses() {
    Arbitrary<IpAddress> v4 = Arbitraries.longs().between(0, 0xFFFFFFFFL).map(IpAddress::ipv4);
    // Groups are zero half the time, so that "::" compression gets exercised.
    Arbitrary<Integer> group =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0)),
            Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
    Arbitrary<IpAddress> v6 =
        group
            .list()
            .ofSize(8)
            .map(
                g -> {
                  long high = 0;
                  long low = 0;
                  for (int i = 0; i < 4; i++) {
                    high = (high << 16) | g.get(i);
                    low = (low << 16) | g.get(i + 4);
                  }
                  return IpAddress.ipv6(high, low);
                });
    return Arbitraries.oneOf(v4, v6);
  }

  @Provide
  Arbitrary<Cidr> cidrs() {
    return addresses()
        .flatMap(
            a ->
                Arbitraries.integers()
                    .between(0, a.family().bits())
                    .map(p -> Cidr.containing(a, p)));
  }

  private static final Cidr UNIVERSE_V4 = Cidr.parse("10.0.0.0/20");
  private static final Cidr UNIVERSE_V6 = Cidr.parse("2001:db8::/116");
  private static final int UNIVERSE_SIZE = 4096;

  @Provide
  Arbitrary<Cidr> smallCidrs() {
    return Combinators.combine(
            Arbitraries.of(UNIVERSE_V4, UNIVERSE_V6),
            Arbitraries.integers().between(0, UNIVERSE_SIZE - 1),
            Arbitraries.integers().between(0, 12))
        .as(
            (u, offset, extraBits) ->
                Cidr.containing(u.network().plus(offset), u.prefixLength() + extraBits));
  }

  @Provide
  Arbitrary<List<Cidr>> smallCidrLists() {
    return smallCidrs().list().ofMaxSize(40);
  }

  // ---- model helpers ----

  private static int index(IpAddress a) {
    Cidr u = a.isIpv4() ? UNIVERSE_V4 : UNIVERSE_V6;
    int base = a.isIpv4() ? 0 : UNIVERSE_SIZE;
    return base + (int) (a.low() - u.network().low());
  }

  private static IpAddress addressAt(int index) {
    return index < UNIVERSE_SIZE
        ? UNIVERSE_V4.network().plus(index)
        : UNIVERSE_V6.network().plus(index - UNIVERSE_SIZE);
  }

  private static BitSet model(List<Cidr> cidrs) {
    BitSet bits = new BitSet(2 * UNIVERSE_SIZE);
    for (Cidr c : cidrs) {
      bits.set(index(c.first()), index(c.last()) + 1);
    }
    return bits;
  }

  /** The set's addresses read through ranges(); every one must lie in the universe. */
  private static BitSet bitsOf(CidrSet s) {
    BitSet bits = new BitSet(2 * UNIVERSE_SIZE);
    for (IpRange r : s.ranges()) {
      Cidr u = r.family() == IpFamily.IPV4 ? UNIVERSE_V4 : UNIVERSE_V6;
      assertTrue(u.contains(r.first()) && u.contains(r.last()), r + " escapes the universe");
      bits.set(index(r.first()), index(r.last()) + 1);
    }
    return bits;
  }

  private static void assertSetEquals(BitSet expected, CidrSet actual) {
    assertEquals(expected, bitsOf(actual));
    // contains() agrees with ranges() on every address of the universe.
    for (int i = 0; i < 2 * UNIVERSE_SIZE; i++) {
      if (actual.contains(addressAt(i)) != expected.get(i)) {
        throw new AssertionError("contains(" + addressAt(i) + ") disagrees with the model");
      }
    }
    // Ranges are sorted, disjoint and not adjacent (the representation is canonical).
    List<IpRange> r = actual.ranges();
    for (int i = 1; i < r.size(); i++) {
      IpRange a = r.get(i - 1);
      IpRange b = r.get(i);
      assertTrue(
          a.family() != b.family() || a.last().next().compareTo(b.first()) < 0,
          "ranges " + a + " and " + b + " should have been merged");
    }
  }

  private static IpAddress fromBig(IpFamily family, BigInteger v) {
    return new IpAddress(family, v.shiftRight(64).longValue(), v.mod(TWO_64).longValue());
  }

  // ---- text ----

  @Property
  void formattedAddressParsesBackToItself(@ForAll("addresses") IpAddress a) {
    assertEquals(a, IpAddress.parse(a.toString()));
  }

  @Property
  void formattedCidrParsesBackToItself(@ForAll("cidrs") Cidr c) {
    assertEquals(c, Cidr.parse(c.toString()));
    assertTrue(Cidr.tryParse(c.toString()).isCanonical());
  }

  @Property
  void ipv6TextIsCanonical(@ForAll("addresses") IpAddress a) {
    String s = a.toString();
    if (a.isIpv4() || s.startsWith("::ffff:") && s.contains(".")) {
      return;
    }
    assertEquals(s.toLowerCase(), s);
    assertTrue(s.indexOf("::") == s.lastIndexOf("::"), "at most one '::' in " + s);
    String[] groups = s.replace("::", ":x:").split(":");
    int written = 0;
    for (String g : groups) {
      if (g.isEmpty() || g.equals("x")) {
        continue;
      }
      written++;
      assertFalse(g.length() > 1 && g.startsWith("0"), "leading zero in " + s);
    }
    if (s.contains("::")) {
      assertTrue(written <= 6, "'::' must replace at least two groups in " + s);
    }
    // The longest run of zero groups (2 or more) is the one compressed.
    long[] parts = {a.high(), a.low()};
    int longest = 0;
    int run = 0;
    for (int i = 0; i < 8; i++) {
      long g = (parts[i / 4] >>> (48 - 16 * (i % 4))) & 0xFFFF;
      run = g == 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertEquals(longest >= 2, s.contains("::"), s);
  }

  @Property
  void hostBitsAreReportedExactlyWhenSet(
      @ForAll("addresses") IpAddress a, @ForAll @IntRange(min = 0, max = 128) int prefix) {
    int p = Math.min(prefix, a.family().bits());
    String text = a + "/" + p;
    Cidr network = Cidr.containing(a, p);
    assertEquals(network, Cidr.parseMasked(text));
    ParsedCidr parsed = Cidr.tryParse(text);
    assertEquals(network, parsed.cidr());
    if (network.network().equals(a)) {
      assertTrue(parsed.isCanonical());
      assertEquals(network, Cidr.parse(text));
    } else {
      assertTrue(parsed.hasHostBitsSet());
      NonCanonicalCidrException e =
          assertThrows(NonCanonicalCidrException.class, () -> Cidr.parse(text));
      assertEquals(network, e.network());
      assertEquals(text + " has host bits set; the network is " + network, e.getMessage());
    }
  }

  // ---- containment and ranges ----

  @Property
  void containmentAgreesWithRangeArithmetic(
      @ForAll("cidrs") Cidr c,
      @ForAll("addresses") IpAddress random,
      @ForAll @IntRange(min = 0, max = 5) int pick) {
    BigInteger first = c.network().toBigInteger();
    BigInteger size = BigInteger.ONE.shiftLeft(c.hostBits());
    BigInteger last = first.add(size).subtract(BigInteger.ONE);
    BigInteger max = BigInteger.ONE.shiftLeft(c.family().bits()).subtract(BigInteger.ONE);
    BigInteger candidate =
        switch (pick) {
          case 0 -> first.subtract(BigInteger.ONE);
          case 1 -> first;
          case 2 -> last;
          case 3 -> last.add(BigInteger.ONE);
          case 4 -> first.add(random.toBigInteger().mod(size));
          default -> random.family() == c.family() ? random.toBigInteger() : first;
        };
    if (candidate.signum() < 0 || candidate.compareTo(max) > 0) {
      return;
    }
    IpAddress a = fromBig(c.family(), candidate);
    boolean inside = candidate.compareTo(first) >= 0 && candidate.compareTo(last) <= 0;
    assertEquals(inside, c.contains(a));
    assertEquals(inside, c.toRange().contains(a));
    assertEquals(last, c.last().toBigInteger());
    assertEquals(size, c.exactSize());
    assertEquals(size, c.toRange().exactSize());
    IpAddress otherFamily = c.family() == IpFamily.IPV4 ? IpAddress.ipv6(0, 1) : IpAddress.ipv4(1);
    assertFalse(c.contains(otherFamily));
  }

  @Property
  void blockContainmentAgreesWithRangeArithmetic(@ForAll("cidrs") Cidr a, @ForAll("cidrs") Cidr b) {
    boolean sameFamily = a.family() == b.family();
    BigInteger af = a.first().toBigInteger();
    BigInteger al = a.last().toBigInteger();
    BigInteger bf = b.first().toBigInteger();
    BigInteger bl = b.last().toBigInteger();
    assertEquals(sameFamily && af.compareTo(bf) <= 0 && bl.compareTo(al) <= 0, a.contains(b));
    assertEquals(sameFamily && af.compareTo(bl) <= 0 && bf.compareTo(al) <= 0, a.overlaps(b));
  }

  @Property
  void theTwoHalvesOfABlockAreTheWholeBlock(@ForAll("cidrs") Cidr c) {
    if (c.hostBits() == 0) {
      return;
    }
    Cidr lower = c.lowerHalf();
    Cidr upper = c.upperHalf();
    assertEquals(CidrSet.of(c), CidrSet.of(lower, upper));
    assertEquals(List.of(c), CidrSet.of(upper, lower).toCidrs());
    assertFalse(lower.overlaps(upper));
    assertTrue(c.contains(lower) && c.contains(upper));
    assertEquals(lower.last().next(), upper.first());
  }

  @Property
  void rangeSplitsIntoTheFewestAlignedBlocks(
      @ForAll("addresses") IpAddress a, @ForAll("addresses") IpAddress b) {
    if (a.family() != b.family()) {
      return;
    }
    IpRange r = a.compareTo(b) <= 0 ? new IpRange(a, b) : new IpRange(b, a);
    List<Cidr> blocks = r.toCidrs();
    assertEquals(r.first(), blocks.get(0).first());
    assertEquals(r.last(), blocks.get(blocks.size() - 1).last());
    for (int i = 1; i < blocks.size(); i++) {
      Cidr prev = blocks.get(i - 1);
      Cidr next = blocks.get(i);
      assertEquals(prev.last().next(), next.first(), "blocks are contiguous");
      boolean siblings =
          prev.prefixLength() == next.prefixLength()
              && prev.prefixLength() > 0
              && Cidr.containing(prev.network(), prev.prefixLength() - 1).lowerHalf().equals(prev);
      assertFalse(siblings, prev + " and " + next + " should be one block");
    }
    assertEquals(List.of(r), CidrSet.of(blocks).ranges());
  }

  // ---- sets against the model ----

  @Property(tries = 300)
  void setOperationsAgreeWithTheModel(
      @ForAll("smallCidrLists") List<Cidr> a, @ForAll("smallCidrLists") List<Cidr> b) {
    CidrSet sa = CidrSet.of(a);
    CidrSet sb = CidrSet.of(b);
    BitSet ma = model(a);
    BitSet mb = model(b);
    assertSetEquals(ma, sa);

    BitSet union = (BitSet) ma.clone();
    union.or(mb);
    assertSetEquals(union, sa.union(sb));

    BitSet minus = (BitSet) ma.clone();
    minus.andNot(mb);
    assertSetEquals(minus, sa.minus(sb));

    BitSet both = (BitSet) ma.clone();
    both.and(mb);
    assertSetEquals(both, sa.intersection(sb));

    assertEquals(!both.isEmpty(), sa.overlaps(sb));
    assertEquals(minus.isEmpty(), sb.covers(sa));
    for (Cidr c : b) {
      BitSet block = model(List.of(c));
      BitSet inA = (BitSet) block.clone();
      inA.and(ma);
      assertEquals(inA.equals(block), sa.covers(c), "covers " + c);
      assertEquals(!inA.isEmpty(), sa.overlaps(c), "overlaps " + c);
    }
  }

  @Property(tries = 300)
  void setLawsHold(
      @ForAll("smallCidrLists") List<Cidr> a,
      @ForAll("smallCidrLists") List<Cidr> b,
      @ForAll("smallCidrLists") List<Cidr> c) {
    CidrSet sa = CidrSet.of(a);
    CidrSet sb = CidrSet.of(b);
    CidrSet sc = CidrSet.of(c);
    assertEquals(sa.union(sb), sb.union(sa));
    assertEquals(sa.intersection(sb), sb.intersection(sa));
    assertEquals(sa.union(sb).union(sc), sa.union(sb.union(sc)));
    assertEquals(sa, sa.minus(sb).union(sa.intersection(sb)));
    assertTrue(sa.minus(sb).intersection(sb).isEmpty());
    assertEquals(sa.intersection(sb), sa.minus(sa.minus(sb)));
    assertEquals(sa.minus(sb), sa.union(sb).minus(sb));
    assertEquals(sa.minus(sb.union(sc)), sa.minus(sb).intersection(sa.minus(sc)));
    assertEquals(sa.intersection(sb.union(sc)), sa.intersection(sb).union(sa.intersection(sc)));
    assertEquals(sa, CidrSet.of(sa.toCidrs()));
    assertTrue(sa.union(sb).covers(sa));
    CidrSet everything = CidrSet.all(IpFamily.IPV4).union(CidrSet.all(IpFamily.IPV6));
    assertEquals(
        everything.minus(sa.union(sb)), everything.minus(sa).intersection(everything.minus(sb)));
    assertEquals(sa, everything.minus(everything.minus(sa)));
  }

  @Property
  void halvesCoverEverythingOnlyTogether(@ForAll("addresses") IpAddress a) {
    Cidr all = new Cidr(IpAddress.zero(a.family()), 0);
    assertTrue(CidrSet.of(all.lowerHalf(), all.upperHalf()).coversAll(a.family()));
    assertFalse(CidrSet.of(all.lowerHalf()).coversAll(a.family()));
    assertFalse(
        CidrSet.all(a.family()).minus(CidrSet.ofAddresses(List.of(a))).coversAll(a.family()));
  }

  // ---- overlap finder ----

  @Property(tries = 300)
  void overlapFinderAgreesWithThePairwiseCheck(@ForAll("smallCidrLists") List<Cidr> cidrs) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      ids.add(i);
    }
    Set<List<Integer>> expected = new HashSet<>();
    for (int i = 0; i < cidrs.size(); i++) {
      for (int j = i + 1; j < cidrs.size(); j++) {
        if (cidrs.get(i).toRange().overlaps(cidrs.get(j).toRange())
            && cidrs.get(i).family() == cidrs.get(j).family()) {
          expected.add(List.of(i, j));
        }
      }
    }
    List<Overlaps.Pair<Integer>> found = Overlaps.find(ids, cidrs::get);
    Set<List<Integer>> actual = new HashSet<>();
    for (Overlaps.Pair<Integer> p : found) {
      assertTrue(p.first() < p.second(), "pairs keep input order");
      actual.add(List.of(p.first(), p.second()));
    }
    assertEquals(expected, actual);
    assertEquals(expected.size(), found.size(), "no pair twice");
  }

  // ---- free aligned blocks ----

  @Property(tries = 300)
  void freeAlignedBlocksAgreeWithEnumeration(
      @ForAll("smallCidrs") Cidr candidate, @ForAll("smallCidrLists") List<Cidr> used) {
    int width = candidate.family().bits();
    Cidr subnet =
        candidate.prefixLength() > width - 4 // at least one 16-address block
            ? Cidr.containing(candidate.network(), width - 4)
            : candidate;
    BitSet taken = model(used);
    int firstIndex = index(subnet.first());
    int lastIndex = index(subnet.last());
    for (int i = 0; i < 4; i++) {
      taken.set(firstIndex + i);
    }
    taken.set(lastIndex);
    long expected = 0;
    for (int block = firstIndex; block <= lastIndex; block += 16) {
      if (taken.get(block, block + 16).isEmpty()) {
        expected++;
      }
    }
    assertEquals(expected, subnet.freeAlignedBlocks(width - 4, CidrSet.of(used)));
  }
}
