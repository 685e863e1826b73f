package io.eksnet.net;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A canonical CIDR block: a network address with no host bits set and a prefix length. Ordered by
 * network address, then by prefix length (a supernet before its first subnet).
 *
 * <p>Parse strictly with {@link #parse}, leniently with {@link #parseMasked}, or without exceptions
 * with {@link #tryParse}. Sizes are exact up to 2^63-1; {@link #size()} saturates at {@link
 * Long#MAX_VALUE} for IPv6 blocks of /65 and wider, use {@link #exactSize()} there.
 *
 * <p>AWS subnet helpers follow the VPC User Guide ("Subnet CIDR blocks"): in every IPv4 and IPv6
 * subnet AWS reserves the first four addresses (network, VPC router, DNS, future use) and the last
 * one.
 *
 * @param network the first address; no host bits may be set
 * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
 */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {

  /** AWS reserves the first four and the last address of every subnet. */
  private static final int AWS_RESERVED_LEADING = 4;

  /** Prefix delegation hands out /28 blocks for IPv4 and /80 blocks for IPv6. */
  private static final int PD_PREFIX_IPV4 = 28;

  private static final int PD_PREFIX_IPV6 = 80;

  /**
   * Checks the prefix length and that no host bits are set.
   *
   * @throws NonCanonicalCidrException when host bits are set
   * @throws IllegalArgumentException when the prefix length is out of range
   */
  public Cidr {
    Objects.requireNonNull(network, "network");
    int bits = network.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefix length " + prefixLength + " is out of range 0-" + bits);
    }
    if (network.hasHostBits(bits - prefixLength)) {
      throw new NonCanonicalCidrException(
          network + "/" + prefixLength,
          network,
          new Cidr(network.clearHostBits(bits - prefixLength), prefixLength));
    }
  }

  /**
   * Parses a canonical CIDR such as {@code 10.0.0.0/16} or {@code 2001:db8::/32}.
   *
   * @throws NonCanonicalCidrException when host bits are set ({@code 10.196.0.0/12}); it carries
   *     the canonical network
   * @throws AddressFormatException when the text is not a CIDR (the message says why)
   */
  public static Cidr parse(String text) {
    Parts p = parts(text);
    Cidr network = containing(p.address, p.prefixLength);
    if (!network.network.equals(p.address)) {
      throw new NonCanonicalCidrException(text, p.address, network);
    }
    return network;
  }

  /**
   * Parses a CIDR and clears any host bits, as AWS does when it creates a subnet: {@code
   * 10.196.0.0/12} gives {@code 10.192.0.0/12}.
   *
   * @throws AddressFormatException when the text is not a CIDR
   */
  public static Cidr parseMasked(String text) {
    Parts p = parts(text);
    return containing(p.address, p.prefixLength);
  }

  /** Parses without throwing: the result holds the canonical network and/or a problem message. */
  public static ParsedCidr tryParse(String text) {
    if (text == null) {
      return new ParsedCidr(null, null, "the CIDR is missing");
    }
    Parts p;
    try {
      p = parts(text);
    } catch (AddressFormatException e) {
      return new ParsedCidr(text, null, e.getMessage());
    }
    Cidr network = containing(p.address, p.prefixLength);
    return network.network.equals(p.address)
        ? new ParsedCidr(text, network, null)
        : new ParsedCidr(
            text, network, NonCanonicalCidrException.nonCanonicalMessage(text, network));
  }

  /** The block of the given prefix length that contains {@code address} (host bits cleared). */
  public static Cidr containing(IpAddress address, int prefixLength) {
    int bits = address.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefix length " + prefixLength + " is out of range 0-" + bits);
    }
    return new Cidr(address.clearHostBits(bits - prefixLength), prefixLength);
  }

  /** The single-address block: /32 for IPv4, /128 for IPv6. */
  public static Cidr host(IpAddress address) {
    return new Cidr(address, address.family().bits());
  }

  private record Parts(IpAddress address, int prefixLength) {}

  private static Parts parts(String text) {
    Objects.requireNonNull(text, "text");
    try {
      int slash = text.indexOf('/');
      if (slash < 0) {
        throw new AddressText.Bad("the prefix length (\"/n\") is missing");
      }
      if (text.indexOf('/', slash + 1) >= 0) {
        throw new AddressText.Bad("more than one '/'");
      }
      IpAddress address = AddressText.parseAddress(text.substring(0, slash));
      return new Parts(address, parsePrefixLength(text, slash + 1, address.family()));
    } catch (AddressText.Bad e) {
      throw new AddressFormatException(
          text, "\"" + text + "\" is not a valid CIDR: " + e.getMessage());
    }
  }

  private static int parsePrefixLength(String text, int from, IpFamily family) {
    int n = text.length();
    if (from == n) {
      throw new AddressText.Bad("the prefix length after '/' is empty");
    }
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new AddressText.Bad("the prefix length must be decimal digits, found '" + c + "'");
      }
    }
    if (n - from > 3 || Integer.parseInt(text, from, n, 10) > family.bits()) {
      throw new AddressText.Bad(
          "prefix length "
              + text.substring(from)
              + " is greater than "
              + family.bits()
              + " for "
              + (family == IpFamily.IPV4 ? "IPv4" : "IPv6"));
    }
    return Integer.parseInt(text, from, n, 10);
  }

  /** IPv4 or IPv6. */
  public IpFamily family() {
    return network.family();
  }

  /** Number of host bits: address width minus prefix length. */
  public int hostBits() {
    return network.family().bits() - prefixLength;
  }

  /** The first address (the network address). */
  public IpAddress first() {
    return network;
  }

  /** The last address (the broadcast address for IPv4). */
  public IpAddress last() {
    return network.setHostBits(hostBits());
  }

  /** Number of addresses, 2^hostBits, saturated at {@link Long#MAX_VALUE} (IPv6 /65 and wider). */
  public long size() {
    return hostBits() >= 63 ? Long.MAX_VALUE : 1L << hostBits();
  }

  /** Number of addresses, exactly. */
  public BigInteger exactSize() {
    return BigInteger.ONE.shiftLeft(hostBits());
  }

  /** True when {@code address} is in this block (always false across families). */
  public boolean contains(IpAddress address) {
    return address.family() == family() && address.clearHostBits(hostBits()).equals(network);
  }

  /** True when {@code other} lies entirely inside this block (a block contains itself). */
  public boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.network);
  }

  /** True when the blocks share an address; for CIDRs that means one contains the other. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** The first half of this block, one bit longer. */
  public Cidr lowerHalf() {
    requireSplittable();
    return new Cidr(network, prefixLength + 1);
  }

  /** The second half of this block, one bit longer. */
  public Cidr upperHalf() {
    requireSplittable();
    return new Cidr(network.setHostBits(hostBits() - 1).next(), prefixLength + 1);
  }

  private void requireSplittable() {
    if (hostBits() == 0) {
      throw new IllegalStateException(this + " is a single address and has no halves");
    }
  }

  /** The addresses of this block as a range. */
  public IpRange toRange() {
    return new IpRange(first(), last());
  }

  /**
   * Addresses an AWS subnet of this CIDR can give out: the size minus the 5 that AWS reserves (e.g.
   * 251 for a /24), never negative; saturated for IPv6 blocks of /65 and wider.
   */
  public long usableAddresses() {
    return hostBits() >= 63 ? Long.MAX_VALUE : Math.max(0, size() - 5);
  }

  /** The 5 addresses AWS reserves in a subnet of this CIDR (fewer for blocks under 5 addresses). */
  public CidrSet awsReservedAddresses() {
    IpAddress lastLeading = hostBits() >= 2 ? network.plus(AWS_RESERVED_LEADING - 1) : last();
    return CidrSet.ofRanges(
        List.of(new IpRange(network, lastLeading), new IpRange(last(), last())));
  }

  /**
   * Counts the aligned blocks of {@code blockPrefixLength} (e.g. 28) inside this subnet that are
   * entirely free: no address in {@code used} and none of the AWS-reserved addresses. This is the
   * number of prefixes prefix delegation can still carve out; scattered secondary IPs
   * (fragmentation) lower it even when many single addresses remain. A fresh /24 has 14 free /28s:
   * the first /28 holds the 4 leading reserved addresses and the last holds the final one.
   *
   * @param used addresses and blocks already taken (secondary IPs, prefixes, CIDR reservations);
   *     entries outside this subnet or of the other family are ignored
   * @return the count, saturated at {@link Long#MAX_VALUE}; 0 when the block is wider than this
   *     subnet
   */
  public long freeAlignedBlocks(int blockPrefixLength, CidrSet used) {
    int bits = family().bits();
    if (blockPrefixLength < 0 || blockPrefixLength > bits) {
      throw new IllegalArgumentException(
          "block prefix length " + blockPrefixLength + " is out of range 0-" + bits);
    }
    if (blockPrefixLength < prefixLength) {
      return 0;
    }
    int k = bits - blockPrefixLength;
    long total = 0;
    for (IpRange free : CidrSet.of(this).minus(used).minus(awsReservedAddresses()).ranges()) {
      total = saturatedAdd(total, alignedBlocksIn(free, k));
    }
    return total;
  }

  /**
   * {@link #freeAlignedBlocks} with the prefix-delegation block size of this family: /28 for IPv4,
   * /80 for IPv6.
   */
  public long freePrefixBlocks(CidrSet used) {
    return freeAlignedBlocks(family() == IpFamily.IPV4 ? PD_PREFIX_IPV4 : PD_PREFIX_IPV6, used);
  }

  /** Number of whole 2^k-aligned blocks of 2^k addresses inside the range. */
  private static long alignedBlocksIn(IpRange r, int k) {
    IpAddress a = r.first();
    IpAddress b = r.last();
    // first block index = ceil(a / 2^k); end block index (exclusive) = floor((b + 1) / 2^k)
    long firstHigh = U128.shiftRightHigh(a.high(), k);
    long firstLow = U128.shiftRightLow(a.high(), a.low(), k);
    if (a.hasHostBits(k)) {
      firstLow++;
      if (firstLow == 0) {
        firstHigh++;
      }
    }
    long endHigh = U128.shiftRightHigh(b.high(), k);
    long endLow = U128.shiftRightLow(b.high(), b.low(), k);
    if (b.setHostBits(k).equals(b)) {
      endLow++;
      if (endLow == 0) {
        endHigh++;
      }
    }
    return U128.saturatedDifference(endHigh, endLow, firstHigh, firstLow);
  }

  private static long saturatedAdd(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }

  @Override
  public int compareTo(Cidr o) {
    int c = network.compareTo(o.network);
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  /** Canonical text, e.g. {@code 10.0.0.0/16} or {@code 2001:db8::/32}. */
  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
