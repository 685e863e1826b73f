package io.eksnet.scan;

import io.eksnet.engine.Catalog;
import io.eksnet.engine.RuleEngine;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Baseline;
import io.eksnet.finding.Config;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.finding.Severity;
import io.eksnet.finding.Suppressions;
import io.eksnet.model.InputProblem;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.Suppression;
import io.eksnet.model.Thresholds;
import io.eksnet.relate.Relations;
import io.eksnet.source.ConfigLoader;
import io.eksnet.source.Discovery;
import io.eksnet.source.Loader;
import io.eksnet.source.TerraformSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one entry point: discover → load → relate → rules → suppress. The CLI, the Maven plugin and
 * the pre-commit hook only map their options onto a {@link ScanRequest} and the {@link ScanResult}
 * onto output and exit codes.
 */
public final class Scanner {

  /** Annotation that suppresses rules on one object. */
  public static final String IGNORE_ANNOTATION = "eksnet.io/ignore";

  /** Optional reason for {@link #IGNORE_ANNOTATION}. */
  public static final String IGNORE_REASON_ANNOTATION = "eksnet.io/ignore-reason";

  /** Scans; never throws for bad input (that becomes {@link ScanResult#problems()}). */
  public ScanResult scan(ScanRequest req) {
    long t0 = System.nanoTime();
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Config config = loadConfig(req, problems);

    // Building the rule base is most of a small scan's start-up: do it while the files load.
    List<InputProblem> ruleProblems = new ArrayList<>();
    java.util.concurrent.CompletableFuture<RuleEngine> engineLoad =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> RuleEngine.load(req.ruleDirs(), ruleProblems, req.keepGoing(), req.workingDir()),
            r -> {
              Thread t = new Thread(r, "eksnet-rule-base");
              t.setDaemon(true);
              t.start();
            });

    List<String> excludes = new ArrayList<>(config.excludes());
    excludes.addAll(req.excludes());
    // the config is read as the config, not as a manifest (its errors once, not twice)
    Path configPath =
        (req.configFile() != null ? req.configFile() : req.root().resolve(".eksnet.yaml"))
            .toAbsolutePath()
            .normalize();
    ScanInputs inputs = ScanInputs.discover(req, excludes, configPath, problems);
    notes.addAll(inputs.notices());

    List<Object> facts = new ArrayList<>();
    List<Suppression> suppressions = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<TerraformSources.Block> tfBlocks = new ArrayList<>();
    for (ScanInputs.Input in : inputs) {
      files.add(in.file().relative());
      if (in.isTerraformSource()) {
        tfBlocks.addAll(TerraformSources.read(in.file()));
        continue;
      }
      Loader.Loaded l = in.loaded();
      facts.addAll(l.facts());
      facts.addAll(in.terraformFacts());
      problems.addAll(l.problems());
      suppressions.addAll(l.suppressions());
      notes.addAll(l.notes());
    }
    for (Object f : facts) {
      if (f instanceof K8sObject o && o.annotation(IGNORE_ANNOTATION) != null) {
        String reason = o.annotation(IGNORE_REASON_ANNOTATION);
        suppressions.add(
            new Suppression(
                Suppression.Kind.ANNOTATION,
                o.annotationLocation(IGNORE_ANNOTATION),
                ids(o.annotation(IGNORE_ANNOTATION)),
                reason == null ? "suppressed by annotation" : reason,
                null));
      }
    }
    String configName = configDisplayName(req);
    for (Config.Ignore ig : config.ignores()) {
      suppressions.add(
          new Suppression(
              Suppression.Kind.CONFIG,
              new Location(configName, ig.line(), 1, ig.object(), ""),
              ids(ig.rule()),
              ig.reason(),
              ig.path()));
    }
    RuleEngine engine;
    try {
      engine = await(engineLoad);
    } catch (OutOfMemoryError e) {
      // a file that exhausted the heap (now an input problem, its memory free) can make the rule
      // base, built beside it, fail instead: build it again
      ruleProblems.clear();
      engine = RuleEngine.load(req.ruleDirs(), ruleProblems, req.keepGoing(), req.workingDir());
    }
    problems.addAll(ruleProblems);
    Predicate<String> enabled = enabledRules(req, config, engine.catalog(), problems);
    long t1 = System.nanoTime();

    facts.add(new Thresholds(config.thresholds()));
    facts.addAll(Relations.compute(facts));
    long t2 = System.nanoTime();

    RuleEngine.Outcome outcome = engine.run(facts, enabled);
    problems.addAll(outcome.problems());
    List<Finding> findings = new ArrayList<>();
    for (Finding f : new TerraformBlockLinker(tfBlocks, facts).link(outcome.findings())) {
      Severity override = config.severities().get(f.ruleId());
      findings.add(override == null ? f : f.withSeverity(override));
    }
    Set<String> ran = new HashSet<>();
    List<RuleInfo> enabledInfos = new ArrayList<>();
    for (RuleInfo r : engine.catalog().rules()) {
      if (enabled.test(r.id())) {
        if (outcome.complete()) {
          ran.add(r.id()); // after an aborted evaluation no suppression is "unused"
        }
        Severity override = config.severities().get(r.id());
        enabledInfos.add(
            override == null
                ? r
                : new RuleInfo(
                    r.id(),
                    r.name(),
                    override,
                    r.summary(),
                    r.messages(),
                    r.remediation(),
                    r.tags(),
                    r.since(),
                    r.source()));
      }
    }
    Suppressions.Applied applied = Suppressions.apply(dedupe(findings), suppressions, ran);
    List<Finding> sorted = new ArrayList<>(applied.findings());
    sorted.sort(Finding.ORDER);
    Collections.sort(problems);
    problems = firstPerFile(problems);
    for (int i = 0; i < applied.unusedNotes().size(); i++) {
      notes.add(applied.unusedLocations().get(i) + ": " + applied.unusedNotes().get(i));
    }
    Baseline.Comparison comparison = compareWithBaseline(req, sorted, problems, notes);
    FindingCaps.Capped capped =
        FindingCaps.apply(sorted, f -> comparison != null && comparison.isUnchanged(f));
    Collections.sort(problems);
    long t3 = System.nanoTime();
    return new ScanResult(
        capped.findings(),
        problems,
        new Catalog(enabledInfos),
        files,
        notes,
        new ScanResult.Timings(
            ms(t1 - t0),
            ms(t2 - t1),
            ms(t3 - t2),
            ms(t3 - t0),
            outcome.ruleFirings(),
            outcome.ruleNanos()),
        config.failOn(),
        comparison,
        capped.truncations());
  }

  /** Null without a baseline or when it cannot be used (then there is an input problem). */
  private static Baseline.Comparison compareWithBaseline(
      ScanRequest req, List<Finding> findings, List<InputProblem> problems, List<String> notes) {
    if (req.baseline() == null) {
      return null;
    }
    String name = Discovery.relative(req.root(), req.baseline());
    Baseline baseline = Baseline.read(req.baseline(), name, problems);
    if (baseline == null) {
      return null;
    }
    Baseline.Comparison c = baseline.compare(findings);
    notes.add(
        "baseline "
            + name
            + ": "
            + c.newCount()
            + " new, "
            + c.unchangedCount()
            + " unchanged, "
            + c.absent()
            + " absent (fixed or removed)");
    return c;
  }

  private static RuleEngine await(java.util.concurrent.CompletableFuture<RuleEngine> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Input problems listed per file at most; a file with a thousand duplicate keys is one story. */
  static final int MAX_PROBLEMS_PER_FILE = 100;

  /**
   * The first {@link #MAX_PROBLEMS_PER_FILE} problems of each file, then one that counts the rest.
   */
  static List<InputProblem> firstPerFile(List<InputProblem> sorted) {
    List<InputProblem> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); ) {
      String file = sorted.get(i).location().file();
      int end = i;
      while (end < sorted.size() && sorted.get(end).location().file().equals(file)) {
        end++;
      }
      int keep = Math.min(end - i, MAX_PROBLEMS_PER_FILE);
      out.addAll(sorted.subList(i, i + keep));
      if (end - i > keep) {
        out.add(
            new InputProblem(
                sorted.get(i + keep).location(),
                "and "
                    + (end - i - keep)
                    + " more problems in this file (only the first "
                    + MAX_PROBLEMS_PER_FILE
                    + " are listed)"));
      }
      i = end;
    }
    return out;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /** The same rule at the same place with the same message is one finding. */
  private static List<Finding> dedupe(List<Finding> in) {
    Set<String> seen = new HashSet<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : in) {
      if (seen.add(f.ruleId() + "\0" + f.location() + "\0" + f.message())) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<String> ids(String csv) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static String configDisplayName(ScanRequest req) {
    Path p = req.configFile() != null ? req.configFile() : req.root().resolve(".eksnet.yaml");
    return Discovery.relative(req.root(), p);
  }

  /**
   * The request's config: its {@code configFile}, else {@code .eksnet.yaml} at the root, else none.
   */
  static Config loadConfig(ScanRequest req, List<InputProblem> problems) {
    return ConfigLoader.forScan(req.root(), req.configFile(), configDisplayName(req), problems);
  }

  private static Predicate<String> enabledRules(
      ScanRequest req, Config config, Catalog catalog, List<InputProblem> problems) {
    Set<String> enable = new HashSet<>(config.enable());
    enable.addAll(req.enable());
    Set<String> disable = new HashSet<>(config.disable());
    disable.addAll(req.disable());
    List<String> unknown = new ArrayList<>();
    for (String id : enable) {
      if (!catalog.contains(id)) {
        unknown.add(id);
      }
    }
    for (String id : disable) {
      if (!catalog.contains(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      Collections.sort(unknown);
      problems.add(
          new InputProblem(
              Location.ofFile(configDisplayName(req)),
              "unknown rule id(s): " + String.join(", ", unknown) + " (see `eksnet rules`)"));
    }
    return id -> (enable.isEmpty() || enable.contains(id)) && !disable.contains(id);
  }
}
