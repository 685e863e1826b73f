package io.eksnet.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of addresses of either family, held as sorted, disjoint, non-adjacent ranges.
 * Two sets are equal when they hold the same addresses, however they were written: {@code
 * 0.0.0.0/1} plus {@code 128.0.0.0/1} equals {@code 0.0.0.0/0}. Use it for questions a list of CIDR
 * strings gets wrong, e.g. a NetworkPolicy {@code ipBlock} with {@code except} holes:
 *
 * <pre>{@code
 * CidrSet allowed = CidrSet.of(Cidr.parse("0.0.0.0/0")).minus(CidrSet.of(excepts));
 * allowed.coversAll(IpFamily.IPV4); // false once any hole is cut
 * }</pre>
 *
 * <p>Set operations run in time linear in the number of ranges; lookups are binary searches.
 */
public final class CidrSet {
  private static final CidrSet EMPTY = new CidrSet(new IpRange[0]);

  private final IpRange[] ranges; // sorted, disjoint, non-adjacent

  private CidrSet(IpRange[] normalized) {
    this.ranges = normalized;
  }

  /** The empty set. */
  public static CidrSet empty() {
    return EMPTY;
  }

  /** Every address of one family (0.0.0.0/0 or ::/0). */
  public static CidrSet all(IpFamily family) {
    return new CidrSet(new IpRange[] {new IpRange(IpAddress.zero(family), IpAddress.max(family))});
  }

  /** The union of the given blocks. */
  public static CidrSet of(Cidr... cidrs) {
    return of(Arrays.asList(cidrs));
  }

  /** The union of the given blocks. */
  public static CidrSet of(Collection<Cidr> cidrs) {
    IpRange[] r = new IpRange[cidrs.size()];
    int i = 0;
    for (Cidr c : cidrs) {
      r[i++] = c.toRange();
    }
    return normalize(r);
  }

  /** The set of the given single addresses. */
  public static CidrSet ofAddresses(Collection<IpAddress> addresses) {
    IpRange[] r = new IpRange[addresses.size()];
    int i = 0;
    for (IpAddress a : addresses) {
      r[i++] = new IpRange(a, a);
    }
    return normalize(r);
  }

  /** The union of the given ranges. */
  public static CidrSet ofRanges(Collection<IpRange> ranges) {
    return normalize(ranges.toArray(new IpRange[0]));
  }

  private static CidrSet normalize(IpRange[] r) {
    if (r.length == 0) {
      return EMPTY;
    }
    Arrays.sort(r);
    int n = 0;
    IpRange cur = r[0];
    for (int i = 1; i < r.length; i++) {
      IpRange next = r[i];
      if (touches(cur, next)) {
        if (next.last().compareTo(cur.last()) > 0) {
          cur = new IpRange(cur.first(), next.last());
        }
      } else {
        r[n++] = cur;
        cur = next;
      }
    }
    r[n++] = cur;
    return new CidrSet(n == r.length ? r : Arrays.copyOf(r, n));
  }

  /** True when b (starting at or after a) overlaps a or starts right after it. */
  private static boolean touches(IpRange a, IpRange b) {
    return a.family() == b.family()
        && (a.last().isMax() || b.first().compareTo(a.last().next()) <= 0);
  }

  /** Addresses in this set or in {@code other}. */
  public CidrSet union(CidrSet other) {
    if (other.ranges.length == 0) {
      return this;
    }
    if (ranges.length == 0) {
      return other;
    }
    IpRange[] all = Arrays.copyOf(ranges, ranges.length + other.ranges.length);
    System.arraycopy(other.ranges, 0, all, ranges.length, other.ranges.length);
    return normalize(all);
  }

  /** Addresses in this set and not in {@code other}. */
  public CidrSet minus(CidrSet other) {
    if (ranges.length == 0 || other.ranges.length == 0) {
      return this;
    }
    IpRange[] b = other.ranges;
    List<IpRange> out = new ArrayList<>();
    int j = 0;
    for (IpRange a : ranges) {
      IpAddress start = a.first();
      while (j < b.length && b[j].last().compareTo(start) < 0) {
        j++;
      }
      boolean consumed = false;
      for (int k = j; k < b.length && b[k].first().compareTo(a.last()) <= 0; k++) {
        if (b[k].first().compareTo(start) > 0) {
          out.add(new IpRange(start, b[k].first().previous()));
        }
        if (b[k].last().compareTo(a.last()) >= 0) {
          consumed = true;
          break;
        }
        start = b[k].last().next();
      }
      if (!consumed) {
        out.add(new IpRange(start, a.last()));
      }
    }
    return new CidrSet(out.toArray(new IpRange[0]));
  }

  /** Addresses in both sets. */
  public CidrSet intersection(CidrSet other) {
    IpRange[] a = ranges;
    IpRange[] b = other.ranges;
    List<IpRange> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      IpAddress lo = max(a[i].first(), b[j].first());
      IpAddress hi = min(a[i].last(), b[j].last());
      if (lo.family() == hi.family() && lo.compareTo(hi) <= 0) {
        out.add(new IpRange(lo, hi));
      }
      if (a[i].last().compareTo(b[j].last()) < 0) {
        i++;
      } else {
        j++;
      }
    }
    return out.isEmpty() ? EMPTY : new CidrSet(out.toArray(new IpRange[0]));
  }

  private static IpAddress max(IpAddress a, IpAddress b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static IpAddress min(IpAddress a, IpAddress b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Index of the last range whose first address is {@code <= address}, or -1. */
  private int floorIndex(IpAddress address) {
    int lo = 0;
    int hi = ranges.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[mid].first().compareTo(address) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** True when the address is in the set. */
  public boolean contains(IpAddress address) {
    int i = floorIndex(address);
    return i >= 0 && ranges[i].last().compareTo(address) >= 0;
  }

  /** True when every address of the block is in the set. */
  public boolean covers(Cidr cidr) {
    int i = floorIndex(cidr.first());
    return i >= 0 && ranges[i].last().compareTo(cidr.last()) >= 0;
  }

  /** True when every address of {@code other} is in this set. */
  public boolean covers(CidrSet other) {
    return other.minus(this).isEmpty();
  }

  /** True when at least one address of the block is in the set. */
  public boolean overlaps(Cidr cidr) {
    int i = floorIndex(cidr.last());
    return i >= 0 && ranges[i].last().compareTo(cidr.first()) >= 0;
  }

  /** True when the sets share at least one address. */
  public boolean overlaps(CidrSet other) {
    return !intersection(other).isEmpty();
  }

  /** True when the set holds every address of the family (it covers 0.0.0.0/0 or ::/0). */
  public boolean coversAll(IpFamily family) {
    return covers(new Cidr(IpAddress.zero(family), 0));
  }

  /** True when the set holds no address. */
  public boolean isEmpty() {
    return ranges.length == 0;
  }

  /** The maximal ranges of the set, in address order (IPv4 first). */
  public List<IpRange> ranges() {
    return List.of(ranges);
  }

  /** The fewest CIDR blocks that hold exactly this set, in address order. */
  public List<Cidr> toCidrs() {
    List<Cidr> out = new ArrayList<>();
    for (IpRange r : ranges) {
      out.addAll(r.toCidrs());
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrSet other && Arrays.equals(ranges, other.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }

  /** The set as its minimal CIDR list, e.g. {@code [10.0.0.0/8, 192.168.0.0/16]}. */
  @Override
  public String toString() {
    return toCidrs().toString();
  }
}
