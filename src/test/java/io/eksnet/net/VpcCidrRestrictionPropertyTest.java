package io.eksnet.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link VpcCidrRestriction} against a model of the VPC User Guide table written over the first two
 * octets, for blocks of VPC sizes (/16 to /28), which never straddle the table's ranges.
 */
class VpcCidrRestrictionPropertyTest {

  /** VPC-sized IPv4 blocks, half of them in or next to the ranges the table names. */
  @Provide
  Arbitrary<Cidr> vpcBlocks() {
    Arbitrary<int[]> special =
        Arbitraries.of(
            new int[] {10, 0},
            new int[] {10, 1},
            new int[] {10, 2},
            new int[] {10, 255},
            new int[] {9, 255},
            new int[] {11, 0},
            new int[] {172, 15},
            new int[] {172, 16},
            new int[] {172, 31},
            new int[] {172, 32},
            new int[] {192, 167},
            new int[] {192, 168},
            new int[] {192, 169},
            new int[] {198, 18},
            new int[] {198, 19},
            new int[] {198, 20},
            new int[] {100, 63},
            new int[] {100, 64},
            new int[] {100, 127},
            new int[] {100, 128});
    Arbitrary<int[]> any =
        Combinators.combine(
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
            .as((a, b) -> new int[] {a, b});
    Arbitrary<int[]> head = Arbitraries.oneOf(special, any);
    return Combinators.combine(
            head, Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(16, 28))
        .as(
            (h, rest, len) ->
                Cidr.containing(
                    IpAddress.ipv4(((long) h[0] << 24) | ((long) h[1] << 16) | rest), len));
  }

  @Property
  void agreesWithTheTableOverTheFirstTwoOctets(
      @ForAll("vpcBlocks") Cidr primary, @ForAll("vpcBlocks") Cidr secondary) {
    assertEquals(
        model(primary, secondary),
        VpcCidrRestriction.restricts(primary, secondary),
        () -> primary + " + " + secondary + ": " + VpcCidrRestriction.of(primary, secondary));
  }

  @Property
  void sharedAddressSpaceIsPermittedWithEveryPrimary(
      @ForAll("vpcBlocks") Cidr primary, @ForAll("vpcBlocks") Cidr any) {
    Cidr secondary =
        Cidr.containing(
            IpAddress.ipv4(0x64400000L | (any.network().low() & 0x3FFFFFL)), any.prefixLength());
    assertNull(VpcCidrRestriction.of(primary, secondary));
  }

  private static boolean model(Cidr primary, Cidr secondary) {
    int pa = octet(primary, 0);
    int pb = octet(primary, 1);
    int sa = octet(secondary, 0);
    int sb = octet(secondary, 1);
    if (sa == 100 && sb >= 64 && sb <= 127) {
      return false;
    }
    int p = privateBlock(pa, pb);
    int s = privateBlock(sa, sb);
    boolean bench = sa == 198 && sb == 19;
    if (p != 0) {
      return (s != 0 && s != p)
          || bench
          || (p == 10 && pb <= 1 && sa == 10 && sb == 0)
          || (p == 172 && sa == 172 && sb == 31);
    }
    return s != 0 || (bench && !(pa == 198 && pb == 19));
  }

  private static int privateBlock(int a, int b) {
    if (a == 10) {
      return 10;
    }
    if (a == 172 && b >= 16 && b <= 31) {
      return 172;
    }
    return a == 192 && b == 168 ? 192 : 0;
  }

  private static int octet(Cidr c, int i) {
    return (int) (c.network().low() >>> (24 - 8 * i)) & 0xFF;
  }
}
