package io.eksnet.net;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address held as an unsigned 128-bit number: {@code high} and {@code low} are its
 * upper and lower 64 bits. An IPv4 address uses {@code low} only (0 to 2^32-1). Addresses order by
 * family (IPv4 first), then numerically.
 *
 * <p>{@link #toString()} gives the canonical text: dotted quad for IPv4, RFC 5952 for IPv6 (lower
 * case, zeros compressed, {@code ::ffff:a.b.c.d} for IPv4-mapped addresses). An IPv4-mapped IPv6
 * address stays IPv6; it is not unmapped.
 *
 * @param family IPv4 or IPv6
 * @param high the upper 64 bits (0 for IPv4)
 * @param low the lower 64 bits (an IPv4 address in its low 32)
 */
public record IpAddress(IpFamily family, long high, long low) implements Comparable<IpAddress> {

  /** Checks that an IPv4 value fits in 32 bits. */
  public IpAddress {
    Objects.requireNonNull(family, "family");
    if (family == IpFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
      throw new IllegalArgumentException(
          "IPv4 value out of range: " + Long.toUnsignedString(low) + " (high " + high + ")");
    }
  }

  /**
   * Parses an IPv4 dotted quad ({@code 10.0.0.1}) or an IPv6 address ({@code 2001:db8::1}, {@code
   * ::ffff:10.0.0.1}). Strict: no leading zeros in IPv4 octets, no zone id, no surrounding spaces,
   * never a host name.
   *
   * @throws AddressFormatException naming the input and what is wrong with it
   */
  public static IpAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return AddressText.parseAddress(text);
    } catch (AddressText.Bad e) {
      throw new AddressFormatException(
          text, "\"" + text + "\" is not a valid IP address: " + e.getMessage());
    }
  }

  /** The IPv4 address with the given 32-bit value (0 to 4294967295). */
  public static IpAddress ipv4(long value) {
    return new IpAddress(IpFamily.IPV4, 0, value);
  }

  /** The IPv6 address with the given upper and lower 64 bits. */
  public static IpAddress ipv6(long high, long low) {
    return new IpAddress(IpFamily.IPV6, high, low);
  }

  /** True for IPv4. */
  public boolean isIpv4() {
    return family == IpFamily.IPV4;
  }

  /** The address as a non-negative number. */
  public BigInteger toBigInteger() {
    BigInteger h = new BigInteger(Long.toUnsignedString(high));
    return h.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
  }

  @Override
  public int compareTo(IpAddress o) {
    int c = family.compareTo(o.family);
    return c != 0 ? c : U128.compare(high, low, o.high, o.low);
  }

  /** Canonical text (dotted quad, or RFC 5952 for IPv6). */
  @Override
  public String toString() {
    return AddressText.format(this);
  }

  // ---- package-private arithmetic ----

  static IpAddress zero(IpFamily family) {
    return new IpAddress(family, 0, 0);
  }

  static IpAddress max(IpFamily family) {
    return family == IpFamily.IPV4
        ? new IpAddress(family, 0, 0xFFFFFFFFL)
        : new IpAddress(family, -1L, -1L);
  }

  boolean isMax() {
    return isIpv4() ? low == 0xFFFFFFFFL : (high == -1L && low == -1L);
  }

  boolean isZero() {
    return high == 0 && low == 0;
  }

  /** This address + 1; undefined for the family maximum (check {@link #isMax()}). */
  IpAddress next() {
    long l = low + 1;
    return new IpAddress(family, l == 0 ? high + 1 : high, l);
  }

  /** This address - 1; undefined for zero. */
  IpAddress previous() {
    return new IpAddress(family, low == 0 ? high - 1 : high, low - 1);
  }

  /** This address plus a small non-negative offset, without overflow checks. */
  IpAddress plus(long offset) {
    long l = low + offset;
    return new IpAddress(family, Long.compareUnsigned(l, low) < 0 ? high + 1 : high, l);
  }

  /** This address with its lowest {@code hostBits} bits cleared. */
  IpAddress clearHostBits(int hostBits) {
    return new IpAddress(family, high & ~U128.maskHigh(hostBits), low & ~U128.maskLow(hostBits));
  }

  /** This address with its lowest {@code hostBits} bits set. */
  IpAddress setHostBits(int hostBits) {
    return new IpAddress(family, high | U128.maskHigh(hostBits), low | U128.maskLow(hostBits));
  }

  boolean hasHostBits(int hostBits) {
    return (high & U128.maskHigh(hostBits)) != 0 || (low & U128.maskLow(hostBits)) != 0;
  }
}
