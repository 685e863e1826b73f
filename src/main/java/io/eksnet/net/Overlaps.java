package io.eksnet.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Finds every overlapping pair among many CIDR-keyed items with a sorted interval sweep, in O(n log
 * n + k) time for n items and k pairs, instead of comparing all n² pairs. Two CIDRs overlap when
 * one contains the other (equal blocks included); blocks of different families never overlap.
 */
public final class Overlaps {
  private Overlaps() {}

  /**
   * Two overlapping items; {@code first} comes before {@code second} in the input.
   *
   * @param <T> the item type
   */
  public record Pair<T>(T first, T second) {}

  /** The overlapping pairs among the blocks, ordered by input position of first, then second. */
  public static List<Pair<Cidr>> find(List<Cidr> cidrs) {
    return find(cidrs, Function.identity());
  }

  /**
   * The overlapping pairs among the items, ordered by the input position of {@code first}, then of
   * {@code second}.
   *
   * @param cidrOf the block of an item; items for which it returns null (an unknown value) are left
   *     out
   */
  public static <T> List<Pair<T>> find(List<? extends T> items, Function<? super T, Cidr> cidrOf) {
    int n = items.size();
    List<IpRange> ranges = new ArrayList<>(n);
    List<Integer> present = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Cidr c = cidrOf.apply(items.get(i));
      ranges.add(c == null ? null : c.toRange());
      if (c != null) {
        present.add(i);
      }
    }
    Integer[] order = present.toArray(new Integer[0]);
    Arrays.sort(order, Comparator.comparing(ranges::get));
    PriorityQueue<Integer> active =
        new PriorityQueue<>(Comparator.comparing((Integer i) -> ranges.get(i).last()));
    List<long[]> pairs = new ArrayList<>();
    for (int i : order) {
      IpAddress start = ranges.get(i).first();
      while (!active.isEmpty() && ranges.get(active.peek()).last().compareTo(start) < 0) {
        active.poll();
      }
      // Everything still active starts at or before `start` and ends at or after it.
      for (int j : active) {
        pairs.add(new long[] {Math.min(i, j), Math.max(i, j)});
      }
      active.add(i);
    }
    pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    List<Pair<T>> out = new ArrayList<>(pairs.size());
    for (long[] p : pairs) {
      out.add(new Pair<>(items.get((int) p[0]), items.get((int) p[1])));
    }
    return out;
  }
}
