package io.eksnet.bench;

import io.eksnet.engine.RuleEngine;
import io.eksnet.model.InputProblem;
import io.eksnet.relate.Relations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The relate phase for all rules against a selection: loads the files once, then computes the
 * relations every rule needs and those the selected rules read (as a scan with {@code --enable}
 * does), alternately, and prints the median thread CPU time of each (CPU time, so that other load
 * on the machine counts little). Usage: {@code RelateCost DIR RULE-ID,RULE-ID,... [ROUNDS]}.
 */
public final class RelateCost {

  private RelateCost() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Set<String> ids = Set.of(args[1].split(","));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<Object> facts = BenchFacts.load(dir);
    List<InputProblem> problems = new ArrayList<>();
    RuleEngine engine = RuleEngine.load(List.of(), problems);
    Set<Class<?>> read = engine.factTypesRead(ids::contains);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] all = new long[rounds];
    long[] some = new long[rounds];
    int allFacts = 0;
    int someFacts = 0;
    for (int i = -3; i < rounds; i++) { // three rounds to warm up
      long t = cpu.getCurrentThreadCpuTime();
      allFacts = Relations.compute(facts).size();
      long a = cpu.getCurrentThreadCpuTime() - t;
      t = cpu.getCurrentThreadCpuTime();
      someFacts = Relations.compute(facts, read).size();
      long s = cpu.getCurrentThreadCpuTime() - t;
      if (i >= 0) {
        all[i] = a;
        some[i] = s;
      }
    }
    System.out.printf(
        "relate, %d facts loaded: all rules %d ms CPU (%d relation facts), %s %d ms CPU (%d)%n",
        facts.size(), median(all), allFacts, String.join(",", ids), median(some), someFacts);
  }

  private static long median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1_000_000;
  }
}
