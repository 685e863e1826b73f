package io.eksnet.bench;

import io.eksnet.relate.Relations;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each relation provider costs: loads the files once, relates them {@code ROUNDS} times (all
 * relations, as a scan with every rule) and prints each provider's thread CPU time in the first
 * (cold: interpreted and compiling, as in a scan) round and the median of the others (warm: the
 * work itself), the costliest first. Usage: {@code RelateProfile DIR [ROUNDS]} (default 7).
 */
public final class RelateProfile {

  private RelateProfile() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Object> facts = BenchFacts.load(dir);
    List<Map<String, Long>> runs = new ArrayList<>();
    long[] totals = new long[rounds];
    var cpu = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < rounds; i++) {
      Map<String, Long> cost = new LinkedHashMap<>();
      long t = cpu.getCurrentThreadCpuTime();
      Relations.compute(facts, null, cost);
      totals[i] = cpu.getCurrentThreadCpuTime() - t;
      runs.add(cost);
    }
    System.out.printf(
        "relate, %d facts loaded: first round %d ms CPU, median of the other %d: %d ms%n",
        facts.size(),
        totals[0] / 1_000_000,
        rounds - 1,
        median(Arrays.copyOfRange(totals, 1, rounds)) / 1_000_000);
    List<String> names = new ArrayList<>(runs.get(0).keySet());
    names.sort(Comparator.comparingLong((String n) -> -runs.get(0).get(n)));
    System.out.println("| provider | first round ms | warm median ms |");
    System.out.println("|---|---|---|");
    for (String n : names) {
      long[] warm = new long[rounds - 1];
      for (int i = 1; i < rounds; i++) {
        warm[i - 1] = runs.get(i).getOrDefault(n, 0L);
      }
      long first = runs.get(0).get(n) / 1_000_000;
      long w = median(warm) / 1_000_000;
      if (first > 0 || w > 0) {
        System.out.printf("| %s | %d | %d |%n", n, first, w);
      }
    }
  }

  private static long median(long[] nanos) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
