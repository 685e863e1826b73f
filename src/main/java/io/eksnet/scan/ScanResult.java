package io.eksnet.scan;

import io.eksnet.engine.Catalog;
import io.eksnet.finding.Baseline;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.model.InputProblem;
import java.util.List;

/**
 * What a scan produced: findings (sorted; suppressed ones carry their reason), input problems
 * (sorted), the catalog of the rules that were enabled, the files read (relative to the root),
 * notes (skipped chart templates, unused suppressions), phase timings in milliseconds, the config's
 * fail-on level (null when the config sets none), the comparison with the baseline (null when no
 * baseline was given or it could not be read), and the findings left out by {@link FindingCaps}
 * (per rule and file; empty when all are listed).
 */
public record ScanResult(
    List<Finding> findings,
    List<InputProblem> problems,
    Catalog enabledRules,
    List<String> files,
    List<String> notes,
    Timings timings,
    String configFailOn,
    Baseline.Comparison baseline,
    List<FindingCaps.Truncation> truncated) {

  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    files = List.copyOf(files);
    notes = List.copyOf(notes);
    truncated = List.copyOf(truncated);
  }

  /** How many findings the caps left out of the lists (0 when nothing was cut). */
  public int notShown() {
    return truncated.stream().mapToInt(FindingCaps.Truncation::omitted).sum();
  }

  /** The shape the report package was first written against: no notes, no config fail-on. */
  public ScanResult(
      List<Finding> findings,
      List<InputProblem> problems,
      Catalog enabledRules,
      List<String> files,
      Timings timings) {
    this(findings, problems, enabledRules, files, List.of(), timings, null, null, List.of());
  }

  /**
   * Milliseconds spent in each phase, and per rule its firings and the nanoseconds its consequences
   * took ({@code ruleFirings}, {@code ruleNanos}; matching itself is in rulesMs); of each phase's
   * time, how much the garbage collectors paused ({@code *GcMs}), the CPU time of the whole process
   * ({@code *ProcessCpuMs}: every thread, the compilers and collectors too), and for relating and
   * the rules (on the scanning thread) that thread's CPU time ({@code *CpuMs}).
   */
  public record Timings(
      long loadMs,
      long relateMs,
      long rulesMs,
      long totalMs,
      java.util.Map<String, Long> ruleFirings,
      java.util.Map<String, Long> ruleNanos,
      long loadGcMs,
      long relateGcMs,
      long rulesGcMs,
      long relateCpuMs,
      long rulesCpuMs,
      long loadProcessCpuMs,
      long relateProcessCpuMs,
      long rulesProcessCpuMs) {
    public Timings {
      ruleFirings = java.util.Map.copyOf(ruleFirings);
      ruleNanos = java.util.Map.copyOf(ruleNanos);
    }

    public Timings(long loadMs, long relateMs, long rulesMs, long totalMs) {
      this(
          loadMs,
          relateMs,
          rulesMs,
          totalMs,
          java.util.Map.of(),
          java.util.Map.of(),
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0);
    }
  }

  /** Findings not suppressed. */
  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  /**
   * Findings not suppressed and not in the baseline: what fails a build and what the text report
   * prints. Equal to {@link #activeFindings()} without a baseline.
   */
  public List<Finding> newFindings() {
    return findings.stream()
        .filter(f -> !f.isSuppressed() && (baseline == null || !baseline.isUnchanged(f)))
        .toList();
  }
}
