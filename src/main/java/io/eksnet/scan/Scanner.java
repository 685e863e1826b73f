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
import io.eksnet.finding.TestDataNote;
import io.eksnet.model.InputProblem;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.Suppression;
import io.eksnet.model.Thresholds;
import io.eksnet.relate.Relations;
import io.eksnet.source.ConfigLoader;
import io.eksnet.source.Discovery;
import io.eksnet.source.Glob;
import io.eksnet.source.Kustomization;
import io.eksnet.source.Loader;
import io.eksnet.source.TerraformSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

  private final Progress progress;

  public Scanner() {
    this(Progress.NONE);
  }

  /** A scanner that tells {@code progress} what it is doing (the CLI on a terminal). */
  public Scanner(Progress progress) {
    this.progress = progress;
  }

  /** Scans; never throws for bad input (that becomes {@link ScanResult#problems()}). */
  public ScanResult scan(ScanRequest req) {
    long t0 = System.nanoTime();
    Meter m0 = Meter.now();
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Config config = loadConfig(req, problems);

    // Building the rule base is most of a small scan's start-up: do it while the files load, with
    // only the built-in rules that may fire (--enable, --disable)
    List<InputProblem> ruleProblems = new ArrayList<>();
    Predicate<String> selected = selection(req, config);
    java.util.concurrent.CompletableFuture<RuleEngine> engineLoad =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                RuleEngine.load(
                    req.ruleDirs(), ruleProblems, req.keepGoing(), req.workingDir(), selected),
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
    List<List<Object>> factsByFile = new ArrayList<>();
    BitSet terraformFiles = new BitSet();
    List<Kustomization> kustomizations = new ArrayList<>();
    List<Suppression> suppressions = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<TerraformSources.Block> tfBlocks = new ArrayList<>();
    Budget budget = new Budget(t0);
    progress.phase("loading");
    int total = inputs.size();
    for (ScanInputs.Input in : inputs) {
      if (budget.spent(problems, in.file().relative(), "loading it")) {
        break;
      }
      files.add(in.file().relative());
      progress.loaded(files.size(), total);
      if (in.isTerraformSource()) {
        factsByFile.add(List.of());
        tfBlocks.addAll(TerraformSources.read(in.file()));
        continue;
      }
      Loader.Loaded l = in.loaded();
      List<Object> own = new ArrayList<>(l.facts());
      own.addAll(in.terraformFacts());
      if (!in.terraformFacts().isEmpty()) {
        terraformFiles.set(files.size() - 1);
      }
      factsByFile.add(own);
      facts.addAll(own);
      if (Kustomization.isKustomizationFile(in.file().relative())) {
        // read on its own: a kustomization often has no apiVersion or kind, so the loader skips it
        Kustomization k = Kustomization.read(in.file());
        if (k != null) {
          kustomizations.add(k);
        }
      }
      inputs.addProblems(in.file().relative(), l.problems());
      suppressions.addAll(l.suppressions());
      if (inputs.inFocus(in.file().relative())) {
        notes.addAll(l.notes());
      }
      if (inputs.named(in.file())
          && in.file().relative().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
          && own.isEmpty()
          && l.terraform().isEmpty()
          && l.problems().isEmpty()
          && l.notes().isEmpty()) {
        notes.add(
            in.file().relative()
                + ": named on the command line but neither a Kubernetes object (apiVersion and"
                + " kind) nor Terraform JSON (`terraform show -json` output or a state file), so"
                + " nothing was read from it");
      }
    }
    if (inputs.contextProblems() > 0) {
      notes.add(
          inputs.contextProblems()
              + (inputs.contextProblems() == 1 ? " input problem" : " input problems")
              + " in context files not reported (only the named files' are; scan the context to"
              + " see them)");
    }
    if (files.isEmpty()) {
      notes.add(
          "no file was scanned: eksnet reads *.yaml, *.yml, *.json (and *.tf for locations), and"
              + " none was found under the paths given (or all were excluded); the result says"
              + " nothing about them");
    }
    int patches = dropKustomizePatches(files, factsByFile, kustomizations);
    if (patches > 0) {
      facts.clear();
      factsByFile.forEach(facts::addAll);
      notes.add(
          patches
              + (patches == 1 ? " file is a kustomize patch" : " files are kustomize patches")
              + " (partial objects a kustomization names under patches): not checked on their own");
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
      engine =
          RuleEngine.load(
              req.ruleDirs(), ruleProblems, req.keepGoing(), req.workingDir(), selected);
    }
    problems.addAll(ruleProblems);
    progress.phase("relating and checking");
    Predicate<String> enabled = enabledRules(req, config, engine.catalog(), problems);
    if (ruleProblems.isEmpty()) { // else a rule that did not load would look unknown
      checkNamedRuleIds(
          config, suppressions, engine.catalog(), configName, inputs::inFocus, problems, notes);
    }
    if (req.partial()) {
      enabled = withoutAbsenceRules(enabled, engine.catalog(), notes);
    }
    long t1 = System.nanoTime();
    Meter m1 = Meter.now();

    List<ClusterScopes.Scope> scopes =
        ClusterScopes.of(
            files, nonEmpty(factsByFile), terraformFiles, kustomizations, declared(config));
    if (scopes.size() > 1) {
      notes.add(
          "related the files as "
              + scopes.size()
              + " clusters (by declared clusters, kustomizations and directories; see README,"
              + " 'What belongs to one cluster')");
    }
    boolean split = scopes.size() > 1;
    if (inputs.focus() != null) {
      scopes = withFocus(scopes, files, terraformFiles, inputs);
    }
    long t2 = System.nanoTime();
    Meter m2 = Meter.now();
    Runs runs = new Runs(engine, config, enabled);
    if (!split) {
      if (inputs.focus() == null) {
        runs.add(runs.run(facts), r -> true);
      } else if (!scopes.isEmpty()) {
        runs.add(runs.run(scopeFacts(scopes.get(0), factsByFile)), r -> true);
      }
    } else {
      // an absence ("no workload has these labels") must hold in the whole scan, not one cluster
      Set<String> absenceRules = new HashSet<>();
      for (RuleInfo r : engine.catalog().rules()) {
        if (r.judgesAbsence()) {
          absenceRules.add(r.id());
        }
      }
      Predicate<String> absence = absenceRules::contains;
      RuleEngine.Outcome whole = runs.run(facts, enabled.and(absence));
      Set<String> wholeKeys = new HashSet<>();
      for (Finding f : whole.findings()) {
        wholeKeys.add(f.ruleId() + "\0" + f.location());
      }
      runs.problems.addAll(whole.problems());
      runs.complete &= whole.complete();
      int done = 0;
      for (ClusterScopes.Scope scope : scopes) {
        progress.phase("relating and checking cluster " + ++done + "/" + scopes.size());
        String first = files.get(scope.members().nextSetBit(0));
        if (budget.spent(
            problems, first, "relating and checking its cluster (" + scope.name() + ")")) {
          break;
        }
        runs.add(
            runs.run(scopeFacts(scope, factsByFile)),
            f -> !absence.test(f.ruleId()) || wholeKeys.contains(f.ruleId() + "\0" + f.location()));
      }
    }
    problems.addAll(dedupeProblems(runs.problems));
    List<Finding> findings = new ArrayList<>();
    for (Finding f : runs.findings) {
      Severity override = config.severities().get(f.ruleId());
      findings.add(override == null ? f : f.withSeverity(override));
    }
    Set<String> ran = new HashSet<>();
    List<RuleInfo> enabledInfos = new ArrayList<>();
    for (RuleInfo r : engine.catalog().rules()) {
      if (enabled.test(r.id())) {
        if (runs.complete) {
          ran.add(r.id()); // after an aborted evaluation no suppression is "unused"
        }
        Severity override = config.severities().get(r.id());
        enabledInfos.add(override == null ? r : r.withSeverity(override));
      }
    }
    Suppressions.Applied applied = Suppressions.apply(dedupe(findings), suppressions, ran);
    // suppressions match where the rules reported (a config ignore naming the plan JSON still
    // applies); then a Terraform finding moves onto its .tf block when the scan has it
    List<Finding> sorted = new ArrayList<>();
    for (Finding f : new TerraformBlockLinker(tfBlocks, facts).link(applied.findings())) {
      if (inputs.inFocus(f.location().file())
          || f.related().stream().anyMatch(r -> inputs.inFocus(r.file()))) {
        sorted.add(f);
      }
    }
    sorted.sort(Finding.ORDER);
    Collections.sort(problems);
    problems = firstPerFile(problems);
    for (int i = 0; i < applied.unusedNotes().size(); i++) {
      if (!inputs.inFocus(applied.unusedLocations().get(i).file())) {
        continue;
      }
      notes.add(applied.unusedLocations().get(i) + ": " + applied.unusedNotes().get(i));
    }
    Baseline.Comparison comparison = compareWithBaseline(req, sorted, problems, notes);
    TestDataNote.of(
            sorted.stream()
                .filter(f -> !f.isSuppressed())
                .filter(f -> comparison == null || !comparison.isUnchanged(f))
                .toList())
        .ifPresent(notes::add);
    FindingCaps.Capped capped =
        FindingCaps.apply(sorted, f -> comparison != null && comparison.isUnchanged(f));
    Collections.sort(problems);
    progress.phase("done");
    long t3 = System.nanoTime();
    Meter m3 = Meter.now();
    return new ScanResult(
        capped.findings(),
        problems,
        new Catalog(enabledInfos),
        files,
        notes,
        new ScanResult.Timings(
            ms(t1 - t0),
            ms(t2 - t1 + runs.relateNanos),
            ms(t3 - t2 - runs.relateNanos),
            ms(t3 - t0),
            runs.firings,
            runs.nanos,
            m1.gcMs - m0.gcMs,
            m2.gcMs - m1.gcMs + runs.relateMeter.gcMs,
            m3.gcMs - m2.gcMs - runs.relateMeter.gcMs,
            ms(m2.cpuNanos - m1.cpuNanos + runs.relateMeter.cpuNanos),
            ms(m3.cpuNanos - m2.cpuNanos - runs.relateMeter.cpuNanos),
            ms(m1.processNanos - m0.processNanos),
            ms(m2.processNanos - m1.processNanos + runs.relateMeter.processNanos),
            ms(m3.processNanos - m2.processNanos - runs.relateMeter.processNanos)),
        config.failOn(),
        comparison,
        capped.truncations());
  }

  /**
   * The whole scan's time budget: {@code eksnet.scan.budgetSeconds} (default 600 s) for loading,
   * relating and the rules together, checked before each file and each cluster. A scan that uses it
   * up, or whose thread is interrupted (the daemon's client went away), stops there with an input
   * problem: what was scanned so far is still reported, and the exit code is 2, never a silent
   * all-clear.
   */
  static final class Budget {
    static final long DEFAULT_SECONDS = 600;
    private final long deadline;
    private final long seconds;
    private boolean spent;

    Budget(long startNanos) {
      this.seconds = Math.max(0, Long.getLong("eksnet.scan.budgetSeconds", DEFAULT_SECONDS));
      this.deadline = startNanos + seconds * 1_000_000_000L;
    }

    /** True (once with a problem) when the budget is used up or the scan was cancelled. */
    boolean spent(List<InputProblem> problems, String file, String next) {
      if (spent) {
        return true;
      }
      boolean cancelled = Thread.currentThread().isInterrupted();
      if (!cancelled && System.nanoTime() - deadline < 0) {
        return false;
      }
      spent = true;
      problems.add(
          new InputProblem(
              Location.ofFile(file),
              (cancelled ? "scan cancelled" : "scan time budget of " + seconds + " s used up")
                  + " before "
                  + next
                  + "; the rest was not scanned (set -Deksnet.scan.budgetSeconds to change the"
                  + " budget)"));
      return true;
    }
  }

  /**
   * The scanning thread's CPU time, the whole process's (every thread: loading, compiling,
   * collecting) and the garbage collectors' pause time so far, for {@code EKSNET_TIMINGS}: what a
   * phase's wall time is made of.
   */
  private static final class Meter {
    long cpuNanos;
    long processNanos;
    long gcMs;

    Meter(long cpuNanos, long processNanos, long gcMs) {
      this.cpuNanos = cpuNanos;
      this.processNanos = processNanos;
      this.gcMs = gcMs;
    }

    static Meter now() {
      long gc = 0;
      for (java.lang.management.GarbageCollectorMXBean b :
          java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += Math.max(0, b.getCollectionTime());
      }
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
      long process =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  instanceof com.sun.management.OperatingSystemMXBean os
              ? os.getProcessCpuTime()
              : 0;
      return new Meter(Math.max(0, cpu), Math.max(0, process), gc);
    }

    void add(Meter from, Meter to) {
      cpuNanos += to.cpuNanos - from.cpuNanos;
      processNanos += to.processNanos - from.processNanos;
      gcMs += to.gcMs - from.gcMs;
    }
  }

  /**
   * The relate and rule runs of one scan, one per cluster, with their results merged: a finding
   * reported in several clusters (a shared base) is one finding.
   */
  private static final class Runs {
    private final RuleEngine engine;
    private final Config config;
    private final Predicate<String> enabled;
    final List<Finding> findings = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    final Map<String, Long> firings = new TreeMap<>();
    final Map<String, Long> nanos = new TreeMap<>();
    boolean complete = true;
    long relateNanos;
    final Meter relateMeter = new Meter(0, 0, 0);

    Runs(RuleEngine engine, Config config, Predicate<String> enabled) {
      this.engine = engine;
      this.config = config;
      this.enabled = enabled;
    }

    RuleEngine.Outcome run(List<Object> facts) {
      return run(facts, enabled);
    }

    /** The fact types each rule selection reads (empty: all), computed once per selection. */
    private final Map<Predicate<String>, Optional<Set<Class<?>>>> reads =
        new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Relates these facts and fires the rules over them; relations that none of these rules reads
     * (built-in or user rules, as their compiled patterns say) are not computed.
     */
    RuleEngine.Outcome run(List<Object> facts, Predicate<String> rules) {
      long t = System.nanoTime();
      Meter before = Meter.now();
      List<Object> all = new ArrayList<>(facts);
      all.add(new Thresholds(config.thresholds()));
      Set<Class<?>> read =
          reads
              .computeIfAbsent(rules, r -> Optional.ofNullable(engine.factTypesRead(r)))
              .orElse(null);
      all.addAll(Relations.compute(all, read));
      relateNanos += System.nanoTime() - t;
      relateMeter.add(before, Meter.now());
      return engine.run(all, rules);
    }

    void add(RuleEngine.Outcome o, Predicate<Finding> keep) {
      for (Finding f : o.findings()) {
        if (keep.test(f)) {
          findings.add(f);
        }
      }
      problems.addAll(o.problems());
      o.ruleFirings().forEach((k, v) -> firings.merge(k, v, Long::sum));
      o.ruleNanos().forEach((k, v) -> nanos.merge(k, v, Long::sum));
      complete &= o.complete();
    }
  }

  /**
   * Clears the facts of the files a kustomization names as patches (and none as a resource): a
   * patch is part of an object, not one (a Deployment patch without containers is no workload).
   * Returns how many files it cleared.
   */
  private static int dropKustomizePatches(
      List<String> files, List<List<Object>> factsByFile, List<Kustomization> kustomizations) {
    Set<String> patches = new HashSet<>();
    Set<String> resources = new HashSet<>();
    for (Kustomization k : kustomizations) {
      patches.addAll(k.patches());
      resources.addAll(k.refs());
    }
    patches.removeAll(resources);
    int n = 0;
    for (int i = 0; i < files.size(); i++) {
      if (patches.contains(files.get(i)) && !factsByFile.get(i).isEmpty()) {
        factsByFile.set(i, new ArrayList<>(factsByFile.get(i)));
        if (factsByFile.get(i).removeIf(f -> f instanceof K8sObject)) {
          n++;
        }
      }
    }
    return n;
  }

  private static BitSet nonEmpty(List<List<Object>> factsByFile) {
    BitSet out = new BitSet();
    for (int i = 0; i < factsByFile.size(); i++) {
      if (!factsByFile.get(i).isEmpty()) {
        out.set(i);
      }
    }
    return out;
  }

  /** The facts of a scope's files. */
  private static List<Object> scopeFacts(
      ClusterScopes.Scope scope, List<List<Object>> factsByFile) {
    List<Object> scoped = new ArrayList<>();
    for (int i = scope.members().nextSetBit(0); i >= 0; i = scope.members().nextSetBit(i + 1)) {
      scoped.addAll(factsByFile.get(i));
    }
    return scoped;
  }

  /**
   * With context, only the clusters that hold a named file (or, for a named {@code .tf} file, a
   * Terraform JSON file) are checked: the others cannot give a finding on a named file.
   */
  private static List<ClusterScopes.Scope> withFocus(
      List<ClusterScopes.Scope> scopes, List<String> files, BitSet terraform, ScanInputs inputs) {
    // a named .tf file has no facts of its own: its findings come from the Terraform JSON
    boolean tfSource = inputs.focus().stream().anyMatch(TerraformSources::isTerraformSource);
    List<ClusterScopes.Scope> out = new ArrayList<>();
    for (ClusterScopes.Scope s : scopes) {
      for (int i = s.members().nextSetBit(0); i >= 0; i = s.members().nextSetBit(i + 1)) {
        if (inputs.inFocus(files.get(i)) || (tfSource && terraform.get(i))) {
          out.add(s);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The rules that judge an absence are left out of a partial scan (a module of a larger tree),
   * with a note naming them.
   */
  private static Predicate<String> withoutAbsenceRules(
      Predicate<String> enabled, Catalog catalog, List<String> notes) {
    Set<String> absence = new java.util.TreeSet<>();
    for (RuleInfo r : catalog.rules()) {
      if (r.judgesAbsence() && enabled.test(r.id())) {
        absence.add(r.id());
      }
    }
    if (!absence.isEmpty()) {
      notes.add(
          "this scan is part of a larger tree (a module of a multi-module build), so the rules"
              + " that judge an absence did not run: "
              + String.join(", ", absence)
              + " (what is missing here may be in a sibling module; scan the modules together to"
              + " run them)");
    }
    return enabled.and(id -> !absence.contains(id));
  }

  /** The config's clusters, each with a matcher of root-relative paths. */
  private static List<ClusterScopes.Declared> declared(Config config) {
    List<ClusterScopes.Declared> out = new ArrayList<>();
    for (Config.Cluster c : config.clusters()) {
      List<Glob> globs = new ArrayList<>();
      for (String g : c.paths()) {
        globs.add(Glob.compile(g)); // checked when the config was read
      }
      out.add(
          new ClusterScopes.Declared(
              c.name(), rel -> globs.stream().anyMatch(g -> g.matches(rel))));
    }
    return out;
  }

  /** The same problem from several cluster runs (a user rule that throws) is listed once. */
  private static List<InputProblem> dedupeProblems(List<InputProblem> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
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

  /**
   * Rule ids that name no rule, in severity overrides and suppressions, where a typo would silently
   * change nothing. In the config they are input problems at their line, as in {@code enable} and
   * {@code disable}; in a manifest (an {@code eksnet.io/ignore} annotation or an {@code
   * eksnet:ignore} comment) a note, because a manifest may name a user rule that not every run
   * loads, and a note never changes the exit code.
   */
  private static void checkNamedRuleIds(
      Config config,
      List<Suppression> suppressions,
      Catalog catalog,
      String configName,
      Predicate<String> inFocus,
      List<InputProblem> problems,
      List<String> notes) {
    for (Map.Entry<String, Integer> e : new TreeMap<>(config.severityLines()).entrySet()) {
      if (!catalog.contains(e.getKey())) {
        problems.add(
            new InputProblem(
                new Location(configName, e.getValue(), 1, "", ""),
                "severity: unknown rule id '"
                    + e.getKey()
                    + "', so no severity was changed (see `eksnet rules`)"));
      }
    }
    for (Suppression s : suppressions) {
      List<String> unknown =
          s.ruleIds().stream().filter(id -> !"*".equals(id) && !catalog.contains(id)).toList();
      if (unknown.isEmpty()) {
        continue;
      }
      String what =
          (unknown.size() == 1 ? "unknown rule id '" : "unknown rule ids '")
              + String.join("', '", unknown)
              + "'";
      switch (s.kind()) {
        case CONFIG ->
            problems.add(
                new InputProblem(
                    new Location(s.location().file(), s.location().line(), 1, "", ""),
                    "ignore: " + what + ", which suppresses nothing (see `eksnet rules`)"));
        case ANNOTATION, COMMENT -> {
          if (inFocus.test(s.location().file())) {
            notes.add(
                s.location()
                    + ": "
                    + (s.kind() == Suppression.Kind.COMMENT
                        ? "eksnet:ignore names "
                        : "eksnet.io/ignore names ")
                    + what
                    + ", so it suppresses nothing (see `eksnet rules`)");
          }
        }
      }
    }
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

  /**
   * The rule ids the request and the config enable and do not disable; null when they restrict
   * nothing.
   */
  private static Predicate<String> selection(ScanRequest req, Config config) {
    Set<String> enable = new HashSet<>(config.enable());
    enable.addAll(req.enable());
    Set<String> disable = new HashSet<>(config.disable());
    disable.addAll(req.disable());
    if (enable.isEmpty() && disable.isEmpty()) {
      return null;
    }
    return id -> (enable.isEmpty() || enable.contains(id)) && !disable.contains(id);
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
