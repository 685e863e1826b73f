package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.eksnet.SharedData;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real-repository regression suite, in the manner of PMD's regression tester: every finding
 * eksnet gives on real repositories nobody here wrote, each scanned on its own with no
 * configuration (a user's first run), is pinned in {@code src/test/realrepos/verdicts.tsv} with a
 * reviewed verdict (TP or FP) and a one-line reason. A new or a lost finding fails until it is
 * reviewed; so does an input problem (a file that is not a manifest must never break a scan).
 *
 * <p>The repositories are those of {@code ../shared/corpus} (when present: CI has it) and the
 * repositories listed in {@code src/test/realrepos/SOURCES.md}, scanned where they are present:
 * folders under {@code src/test/realrepos/}, {@code ../shared/realrepos/} or the folder named by
 * {@code -Deksnet.realrepos.extra=DIR} (their verdicts are pinned whether or not they are). The
 * whole suite runs by default (well under a minute); {@code -Deksnet.realrepos=NAME,...} runs only
 * the repositories whose name contains one of the given parts. {@code
 * -Deksnet.realrepos.write=FILE} writes the current findings in the verdict file's format (verdict
 * {@code ?}) to review them.
 */
class RealRepositoryTest {

  static final Path OWN = Path.of("src", "test", "realrepos");
  static final Path VERDICTS = OWN.resolve("verdicts.tsv");

  /**
   * The verdict file's rule column for an input problem a real repository really has (a manifest
   * that is invalid upstream); its verdict is TP. Any other input problem fails the suite.
   */
  static final String INPUT_PROBLEM = "INPUT-PROBLEM";

  /** Precision the suite must keep: TP / (TP + FP) over all its findings. */
  static final double MIN_PRECISION = 0.90;

  /** One pinned finding. */
  record Verdict(String repo, String rule, String location, String verdict, String reason) {
    String key() {
      return repo + "\t" + rule + "\t" + location;
    }
  }

  /** A repository folder to scan on its own, with the name the verdict file uses. */
  record Repo(String name, Path dir) {}

  @Test
  void everyFindingOnRealRepositoriesIsReviewedAndPrecisionHolds() throws IOException {
    List<Repo> repos = selected(repositories());
    assertTrue(!repos.isEmpty(), "no real repository to scan");
    Map<String, Verdict> pinned = readVerdicts();
    List<String> unreviewed = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> seriousFalse = new ArrayList<>();
    List<String> current = new ArrayList<>();
    java.util.Set<String> seenProblems = new java.util.HashSet<>();
    int tp = 0;
    int fp = 0;
    Map<String, int[]> perRule = new TreeMap<>();
    for (Repo repo : repos) {
      ScanResult r = new Scanner().scan(ScanRequest.of(repo.dir(), List.of(repo.dir())));
      for (InputProblem p : r.problems()) {
        String key =
            repo.name()
                + "\t"
                + INPUT_PROBLEM
                + "\t"
                + p.location().file()
                + ":"
                + p.location().line()
                + ":"
                + p.location().column();
        Verdict v = pinned.get(key);
        seenProblems.add(key);
        current.add(key + "\t" + (v == null ? "?\t" + p.message() : "TP\t" + v.reason()));
        if (v == null || !v.verdict().equals("TP")) {
          problems.add(key + "\t?\t" + p.message());
        }
      }
      Map<String, Finding> found = new LinkedHashMap<>();
      for (Finding f : r.findings()) {
        String loc = f.location().file() + ":" + f.location().line() + ":" + f.location().column();
        found.putIfAbsent(repo.name() + "\t" + f.ruleId() + "\t" + loc, f);
      }
      for (Map.Entry<String, Finding> e : found.entrySet()) {
        Verdict v = pinned.get(e.getKey());
        Finding f = e.getValue();
        current.add(
            e.getKey()
                + "\t"
                + (v == null ? "?" : v.verdict())
                + "\t"
                + (v == null ? f.severity() + " " + f.message() : v.reason()));
        if (v == null) {
          unreviewed.add(e.getKey() + "\t?\t" + f.severity() + " " + f.message());
          continue;
        }
        int[] counts = perRule.computeIfAbsent(f.ruleId(), k -> new int[2]);
        if (v.verdict().equals("TP")) {
          tp++;
          counts[0]++;
        } else {
          fp++;
          counts[1]++;
          if (f.severity().compareTo(Severity.HIGH) <= 0) {
            seriousFalse.add(e.getKey() + " (" + f.severity() + "): " + v.reason());
          }
        }
      }
      for (Verdict v : pinned.values()) {
        boolean problem = v.rule().equals(INPUT_PROBLEM);
        if (v.repo().equals(repo.name())
            && !(problem ? seenProblems.contains(v.key()) : found.containsKey(v.key()))) {
          lost.add(v.key() + "\t" + v.verdict() + "\t" + v.reason());
        }
      }
    }
    String write = System.getProperty("eksnet.realrepos.write");
    if (write != null) {
      Files.write(Path.of(write), current, StandardCharsets.UTF_8);
    }
    double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    StringBuilder summary = new StringBuilder();
    summary.append(
        String.format(
            "real repositories: %d scanned, %d findings reviewed, %d TP, %d FP, precision %.1f%%%n",
            repos.size(), tp + fp, tp, fp, 100 * precision));
    perRule.forEach(
        (rule, c) -> summary.append(String.format("  %-15s TP %3d  FP %3d%n", rule, c[0], c[1])));
    System.out.print(summary);

    StringBuilder failures = new StringBuilder();
    section(
        failures,
        "input problems (a file that is not a manifest must never break a scan; pin a real one"
            + " as "
            + INPUT_PROBLEM
            + " TP)",
        problems);
    section(failures, "new findings to review (add them to " + VERDICTS + ")", unreviewed);
    section(failures, "findings no longer reported (review, then remove them)", lost);
    section(failures, "HIGH or CRITICAL false positives", seriousFalse);
    if (precision < MIN_PRECISION) {
      failures.append(
          String.format(
              "precision %.1f%% is below %.0f%%%n", 100 * precision, 100 * MIN_PRECISION));
    }
    if (failures.length() > 0) {
      fail(summary + failures.toString());
    }
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.append(title).append(":\n");
      lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }
  }

  /** The corpus's repository folders (when ../shared is there) and the project's own. */
  static List<Repo> repositories() throws IOException {
    List<Repo> out = new ArrayList<>();
    Path corpus = SharedData.dir().resolve("corpus");
    if (Files.isDirectory(corpus)) {
      for (String group : List.of("k8s", "terraform", "terraform-hcl")) {
        for (Path d : folders(corpus.resolve(group))) {
          out.add(new Repo("corpus/" + group + "/" + d.getFileName(), d));
        }
      }
    } else {
      System.out.println(
          "real repositories: "
              + corpus.toAbsolutePath().normalize()
              + " is not present (it ships beside the repository in CI only); scanning only "
              + OWN);
    }
    List<Path> own = new ArrayList<>(List.of(OWN, SharedData.dir().resolve("realrepos")));
    String extra = System.getProperty("eksnet.realrepos.extra");
    if (extra != null && !extra.isBlank()) {
      own.add(Path.of(extra));
    }
    for (Path dir : own) {
      for (Path d : folders(dir)) {
        out.add(new Repo("realrepos/" + d.getFileName(), d));
      }
    }
    return out;
  }

  private static List<Repo> selected(List<Repo> all) {
    String only = System.getProperty("eksnet.realrepos");
    if (only == null || only.isBlank() || only.equals("all")) {
      return all;
    }
    List<Repo> out = new ArrayList<>();
    for (Repo r : all) {
      for (String part : only.split(",")) {
        if (!part.isBlank() && r.name().contains(part.trim())) {
          out.add(r);
          break;
        }
      }
    }
    return out;
  }

  private static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The verdict file: tab-separated repo, rule, file:line:column, TP or FP, reason. */
  static Map<String, Verdict> readVerdicts() throws IOException {
    Map<String, Verdict> out = new LinkedHashMap<>();
    if (!Files.exists(VERDICTS)) {
      return out;
    }
    int n = 0;
    for (String line : Files.readAllLines(VERDICTS, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 5);
      if (f.length < 5 || !(f[3].equals("TP") || f[3].equals("FP")) || f[4].isBlank()) {
        fail(VERDICTS + ":" + n + ": want repo, rule, location, TP|FP, reason: " + line);
      }
      Verdict v = new Verdict(f[0], f[1], f[2], f[3], f[4]);
      if (out.put(v.key(), v) != null) {
        fail(VERDICTS + ":" + n + ": pinned twice: " + v.key());
      }
    }
    return out;
  }
}
