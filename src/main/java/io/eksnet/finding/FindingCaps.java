package io.eksnet.finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Caps how many findings of one rule a report lists: at most {@link #PER_FILE} in one file and
 * {@link #PER_RULE} in the whole scan. Two thousand subnets sharing one CIDR must not make a report
 * of millions of lines; past a handful, more of the same finding tells nothing new. What is left
 * out is counted, per rule and file, in {@link Truncation}s that every report shows.
 *
 * <p>Which findings are kept: unsuppressed before suppressed (a suppressed finding never takes the
 * place of one that fails the build), new before those in the baseline, the more severe first, then
 * in report order ({@link Finding#ORDER}). So the exit code is the same as without the caps: every
 * rule and file with a finding keeps its most relevant one, up to the per-rule total.
 */
public final class FindingCaps {

  /** At most this many findings of one rule in one file. */
  public static final int PER_FILE = 50;

  /** At most this many findings of one rule in the scan. */
  public static final int PER_RULE = 1_000;

  private FindingCaps() {}

  /**
   * Findings of one rule in one file that were left out of the report.
   *
   * @param shown findings of this rule in this file that are listed (suppressed ones included)
   * @param omitted unsuppressed findings left out
   * @param omittedSuppressed suppressed findings left out
   */
  public record Truncation(
      String ruleId, String file, int shown, int omitted, int omittedSuppressed) {

    /** {@code … and 1,950 more EKS-VPC-001 findings in plan.json not shown (…)}. */
    public String note() {
      return "... and "
          + String.format(java.util.Locale.ROOT, "%,d", omitted)
          + " more "
          + ruleId
          + " findings in "
          + file
          + " not shown"
          + (omittedSuppressed > 0 ? " (and " + omittedSuppressed + " suppressed)" : "")
          + " (at most "
          + PER_FILE
          + " of one rule in one file, "
          + String.format(java.util.Locale.ROOT, "%,d", PER_RULE)
          + " in all)";
    }
  }

  /** The findings kept, in their input order, and what was left out. */
  public record Capped(List<Finding> findings, List<Truncation> truncations) {
    public Capped {
      findings = List.copyOf(findings);
      truncations = List.copyOf(truncations);
    }
  }

  /**
   * @param findings the scan's findings (suppressions applied)
   * @param known true for a finding already in the baseline (never, without one)
   */
  public static Capped apply(List<Finding> findings, Predicate<Finding> known) {
    Map<String, List<Finding>> byRule = new TreeMap<>();
    for (Finding f : findings) {
      byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    }
    if (byRule.values().stream().allMatch(l -> l.size() <= PER_FILE)) {
      return new Capped(findings, List.of()); // the common case: nothing to count
    }
    Comparator<Finding> priority =
        Comparator.comparing(Finding::isSuppressed)
            .thenComparing(known::test)
            .thenComparing(Finding::severity) // CRITICAL first
            .thenComparing(Finding.ORDER);
    Set<Finding> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<List<String>, int[]> counts = new TreeMap<>(FindingCaps::compareKeys);
    for (List<Finding> ofRule : byRule.values()) {
      List<Finding> ordered = new ArrayList<>(ofRule);
      ordered.sort(priority);
      int total = 0;
      for (Finding f : ordered) {
        int[] c = counts.computeIfAbsent(List.of(f.ruleId(), f.location().file()), k -> new int[3]);
        if (c[0] < PER_FILE && total < PER_RULE) { // c[0]: kept so far of this rule in this file
          total++;
          kept.add(f);
          c[0]++;
        } else if (f.isSuppressed()) {
          c[2]++;
        } else {
          c[1]++;
        }
      }
    }
    List<Finding> out = new ArrayList<>(kept.size());
    for (Finding f : findings) {
      if (kept.contains(f)) {
        out.add(f);
      }
    }
    List<Truncation> truncations = new ArrayList<>();
    counts.forEach(
        (k, c) -> {
          if (c[1] + c[2] > 0) {
            truncations.add(new Truncation(k.get(0), k.get(1), c[0], c[1], c[2]));
          }
        });
    return new Capped(out, truncations);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
