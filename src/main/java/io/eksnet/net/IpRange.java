package io.eksnet.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An inclusive range of addresses of one family, {@code first <= last}. Ordered by first, then by
 * last address.
 *
 * @param first the lowest address of the range
 * @param last the highest address, of the same family, not below {@code first}
 */
public record IpRange(IpAddress first, IpAddress last) implements Comparable<IpRange> {

  /** Checks that both ends have the same family and {@code first <= last}. */
  public IpRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.family() != last.family()) {
      throw new IllegalArgumentException("range ends differ in family: " + first + "-" + last);
    }
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("range start is after its end: " + first + "-" + last);
    }
  }

  /** IPv4 or IPv6. */
  public IpFamily family() {
    return first.family();
  }

  /** True when {@code address} is in the range. */
  public boolean contains(IpAddress address) {
    return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
  }

  /** True when {@code other} lies entirely inside this range. */
  public boolean contains(IpRange other) {
    return first.compareTo(other.first) <= 0 && other.last.compareTo(last) <= 0;
  }

  /** True when the ranges share an address. */
  public boolean overlaps(IpRange other) {
    return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
  }

  /** Number of addresses, saturated at {@link Long#MAX_VALUE}. */
  public long size() {
    long d = U128.saturatedDifference(last.high(), last.low(), first.high(), first.low());
    return d == Long.MAX_VALUE ? d : d + 1;
  }

  /** Number of addresses, exactly. */
  public BigInteger exactSize() {
    return last.toBigInteger().subtract(first.toBigInteger()).add(BigInteger.ONE);
  }

  /** The fewest CIDR blocks that cover exactly this range, in address order. */
  public List<Cidr> toCidrs() {
    List<Cidr> out = new ArrayList<>();
    int bits = family().bits();
    IpAddress cur = first;
    while (true) {
      int aligned = Math.min(bits, U128.numberOfTrailingZeros(cur.high(), cur.low()));
      int fits = U128.floorLog2OfSpan(cur.high(), cur.low(), last.high(), last.low());
      int k = Math.min(aligned, fits);
      out.add(new Cidr(cur, bits - k));
      IpAddress end = cur.setHostBits(k);
      if (end.equals(last)) {
        return out;
      }
      cur = end.next();
    }
  }

  @Override
  public int compareTo(IpRange o) {
    int c = first.compareTo(o.first);
    return c != 0 ? c : last.compareTo(o.last);
  }

  /** {@code first-last}, e.g. {@code 10.0.0.0-10.0.0.255}. */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
