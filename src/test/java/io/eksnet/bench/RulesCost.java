package io.eksnet.bench;

import io.eksnet.engine.RuleEngine;
import io.eksnet.model.InputProblem;
import io.eksnet.relate.Relations;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rule phase alone: loads and relates the files once, then fires every built-in rule over the
 * facts {@code ROUNDS} times and prints the thread CPU time of the first round (cold, as in a scan)
 * and the median of the others. Usage: {@code RulesCost DIR [ROUNDS]} (default 7).
 */
public final class RulesCost {

  private RulesCost() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Object> facts = BenchFacts.load(dir);
    facts.addAll(Relations.compute(facts));
    RuleEngine engine = RuleEngine.load(List.of(), new ArrayList<InputProblem>());
    var cpu = ManagementFactory.getThreadMXBean();
    long[] t = new long[rounds];
    int findings = 0;
    for (int i = 0; i < rounds; i++) {
      long s = cpu.getCurrentThreadCpuTime();
      findings = engine.run(facts, id -> true).findings().size();
      t[i] = cpu.getCurrentThreadCpuTime() - s;
    }
    long[] warm = Arrays.copyOfRange(t, 1, rounds);
    Arrays.sort(warm);
    System.out.printf(
        "rules, %d facts: first round %d ms CPU, median of the other %d: %d ms; %d findings%n",
        facts.size(),
        t[0] / 1_000_000,
        rounds - 1,
        warm.length == 0 ? 0 : warm[warm.length / 2] / 1_000_000,
        findings);
  }
}
