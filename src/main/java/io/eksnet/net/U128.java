package io.eksnet.net;

/**
 * Unsigned 128-bit arithmetic on (high, low) long pairs. IPv4 values use the low word only, so one
 * set of operations serves both families.
 */
final class U128 {
  private U128() {}

  static int compare(long aHigh, long aLow, long bHigh, long bLow) {
    int c = Long.compareUnsigned(aHigh, bHigh);
    return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
  }

  /** High word of a mask with the lowest {@code bits} bits set (0..128). */
  static long maskHigh(int bits) {
    if (bits <= 64) {
      return 0;
    }
    return bits >= 128 ? -1L : (1L << (bits - 64)) - 1;
  }

  /** Low word of a mask with the lowest {@code bits} bits set (0..128). */
  static long maskLow(int bits) {
    if (bits <= 0) {
      return 0;
    }
    return bits >= 64 ? -1L : (1L << bits) - 1;
  }

  static int numberOfTrailingZeros(long high, long low) {
    return low != 0 ? Long.numberOfTrailingZeros(low) : 64 + Long.numberOfTrailingZeros(high);
  }

  /** Number of significant bits (0 for the value 0, 128 when the top bit is set). */
  static int bitLength(long high, long low) {
    return high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
  }

  /** High word of {@code value >>> n}, {@code 0 <= n <= 128}. */
  static long shiftRightHigh(long high, int n) {
    return n >= 64 ? 0 : high >>> n;
  }

  /** Low word of {@code value >>> n}, {@code 0 <= n <= 128}. */
  static long shiftRightLow(long high, long low, int n) {
    if (n == 0) {
      return low;
    }
    if (n >= 128) {
      return 0;
    }
    if (n >= 64) {
      return high >>> (n - 64);
    }
    return (low >>> n) | (high << (64 - n));
  }

  /** (a - b) as a non-negative long, saturated at {@link Long#MAX_VALUE}; 0 when b >= a. */
  static long saturatedDifference(long aHigh, long aLow, long bHigh, long bLow) {
    if (compare(aHigh, aLow, bHigh, bLow) <= 0) {
      return 0;
    }
    long low = aLow - bLow;
    long borrow = Long.compareUnsigned(aLow, bLow) < 0 ? 1 : 0;
    long high = aHigh - bHigh - borrow;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  /**
   * {@code floor(log2(b - a + 1))} for {@code a <= b}: the largest k with {@code 2^k <= b - a + 1}.
   */
  static int floorLog2OfSpan(long aHigh, long aLow, long bHigh, long bLow) {
    long low = bLow - aLow;
    long high = bHigh - aHigh - (Long.compareUnsigned(bLow, aLow) < 0 ? 1 : 0);
    if (high == -1L && low == -1L) {
      return 128;
    }
    low += 1;
    if (low == 0) {
      high += 1;
    }
    return bitLength(high, low) - 1;
  }
}
