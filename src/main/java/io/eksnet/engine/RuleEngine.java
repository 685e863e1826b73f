package io.eksnet.engine;

import io.eksnet.finding.Finding;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The rule bases of a scan: the built-in rules (executable model generated at build time, loaded
 * without compiling anything) and user rules from {@code --rules} directories (compiled at run
 * time). Metadata of every rule becomes the {@link Catalog}.
 */
public final class RuleEngine {

  static final String MODEL_INDEX = "META-INF/kie/io.eksnet/eksnet/drools-model";

  private final List<Base> bases;
  private final Catalog catalog;
  private final boolean keepGoing;

  /** Where the first user rule problem is (null when the user rules loaded cleanly). */
  private final Location brokenAt;

  /**
   * A rule base, the rule names (Drools names) in it mapped to their metadata, and for user rules
   * the file each rule is declared in.
   */
  private record Base(
      KieBase kieBase, Map<String, RuleInfo> rules, Map<String, Path> files, boolean builtIn) {}

  /**
   * The built-in base, built once per process on first use (class initialisation makes that lazy
   * and thread-safe): it is immutable (only user bases lose rules), and sessions are created from
   * it concurrently, so a long-lived process (the daemon) shares it.
   */
  private static final class BuiltIn {
    static final Base BASE = buildBuiltIn(null);
  }

  /**
   * Built-in bases of fewer rules (see {@link #load(List, List, boolean, Path, Predicate)}), by the
   * Drools names of their rules: a long-lived process (the daemon) builds each selection once.
   */
  private static final Map<java.util.Set<String>, Base> SELECTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_SELECTED = 16;

  private RuleEngine(List<Base> bases, boolean keepGoing, Location brokenAt) {
    this.bases = bases;
    this.keepGoing = keepGoing;
    this.brokenAt = brokenAt;
    List<RuleInfo> all = new ArrayList<>();
    for (Base b : bases) {
      all.addAll(b.rules().values());
    }
    this.catalog = new Catalog(all);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** How many rules the rule bases hold (all rules, or those selected when loaded). */
  int ruleCount() {
    int n = 0;
    for (Base b : bases) {
      for (KiePackage p : b.kieBase().getKiePackages()) {
        n += p.getRules().size();
      }
    }
    return n;
  }

  /**
   * {@link #load(List, List, boolean)} without keeping going: a broken user rule stops evaluation.
   */
  public static RuleEngine load(List<Path> userRuleDirs, List<InputProblem> problems) {
    return load(userRuleDirs, problems, false);
  }

  /**
   * Loads the built-in rules and the user rule directories. Problems with user rules (syntax,
   * unknown types, metadata, duplicate ids, unreadable files) are added to {@code problems} with
   * their file and line.
   *
   * <p>Without {@code keepGoing}, any such problem means {@link #run} evaluates no rule at all: a
   * policy that is partly broken must not pass for a complete one. With {@code keepGoing}, what is
   * broken is left out and the rest runs: a rule file that does not compile (the other files of its
   * directory are compiled again without it), a rule with bad metadata, and at run time a rule that
   * throws.
   */
  public static RuleEngine load(
      List<Path> userRuleDirs, List<InputProblem> problems, boolean keepGoing) {
    return load(userRuleDirs, problems, keepGoing, Path.of("").toAbsolutePath());
  }

  /**
   * {@link #load(List, List, boolean)} for a caller whose working directory is {@code workingDir}:
   * rule files under it are shown relative to it in problems and in the catalog.
   */
  public static RuleEngine load(
      List<Path> userRuleDirs, List<InputProblem> problems, boolean keepGoing, Path workingDir) {
    return load(userRuleDirs, problems, keepGoing, workingDir, null);
  }

  /**
   * {@link #load(List, List, boolean, Path)} for a scan that runs only the built-in rules whose ids
   * {@code builtInIds} accepts (null: all): the built-in rule base then holds only those, so facts
   * are not matched against rules that may not fire. The catalog still lists every rule.
   */
  public static RuleEngine load(
      List<Path> userRuleDirs,
      List<InputProblem> problems,
      boolean keepGoing,
      Path workingDir,
      Predicate<String> builtInIds) {
    List<Base> bases = new ArrayList<>();
    Base builtIn = builtIn(builtInIds);
    bases.add(builtIn);
    java.util.Set<String> ids = new java.util.HashSet<>(builtIn.rules().keySet());
    int before = problems.size();
    for (Path dir : userRuleDirs) {
      Base user = compileUserRules(dir, problems, ids, shownFrom(workingDir));
      if (user != null) {
        bases.add(user);
      }
    }
    Location brokenAt = problems.size() > before ? problems.get(before).location() : null;
    return new RuleEngine(bases, keepGoing, brokenAt);
  }

  private static Base builtIn(Predicate<String> ids) {
    if (ids == null) {
      return BuiltIn.BASE;
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Map.Entry<String, RuleInfo> e : BuiltInRules.INFOS.entrySet()) {
      if (ids.test(e.getValue().id())) {
        names.add(e.getKey());
      }
    }
    if (names.size() == BuiltInRules.INFOS.size()) {
      return BuiltIn.BASE;
    }
    Base b = SELECTED.get(names);
    if (b == null) {
      b = buildBuiltIn(names::contains);
      if (SELECTED.size() >= MAX_SELECTED) {
        SELECTED.clear();
      }
      SELECTED.put(java.util.Set.copyOf(names), b);
    }
    return b;
  }

  /**
   * The generated models of the built-in rules and every rule's metadata (by Drools name), read
   * from the models without building a rule base.
   */
  private static final class BuiltInRules {
    static final Map<String, RuleInfo> INFOS = infos(models());

    static Map<String, RuleInfo> infos(List<Model> models) {
      Map<String, RuleInfo> rules = new HashMap<>();
      List<String> bad = new ArrayList<>();
      for (Model m : models) {
        for (org.drools.model.Rule rule : m.getRules()) {
          Map<String, String> md = Metadata.strings(rule.getMetaData());
          List<String> pr = Metadata.problems(rule.getName(), md, true);
          if (!pr.isEmpty()) {
            bad.add(rule.getName() + ": " + String.join("; ", pr));
          } else {
            rules.put(rule.getName(), Metadata.info(md, "built-in"));
          }
        }
      }
      if (!bad.isEmpty()) {
        throw new IllegalStateException("built-in rules with bad metadata: " + bad);
      }
      return Map.copyOf(rules);
    }
  }

  /** The models of the built-in rules, each instantiated anew. */
  private static List<Model> models() {
    ClassLoader cl = RuleEngine.class.getClassLoader();
    List<Model> models = new ArrayList<>();
    try (InputStream in = cl.getResourceAsStream(MODEL_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("built-in rule model missing from the jar: " + MODEL_INDEX);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.trim();
        if (line.contains(".Rules")) {
          models.add((Model) Class.forName(line, true, cl).getDeclaredConstructor().newInstance());
        }
      }
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the built-in rule model", e);
    }
    return models;
  }

  /**
   * The built-in rule base: all rules, or only those whose Drools names {@code names} accepts (the
   * metadata map still holds every rule, for the catalog).
   */
  private static Base buildBuiltIn(Predicate<String> names) {
    List<Model> models = models();
    if (names != null) {
      List<Model> kept = new ArrayList<>();
      for (Model m : models) {
        kept.add(new SelectedRules(m, names));
      }
      KieBase kb = KieBaseBuilder.createKieBaseFromModel(kept);
      return new Base(kb, BuiltInRules.INFOS, Map.of(), true);
    }
    // the metadata of the models just instantiated (BuiltInRules.INFOS would instantiate them
    // again)
    Map<String, RuleInfo> rules = BuiltInRules.infos(models);
    return new Base(KieBaseBuilder.createKieBaseFromModel(models), rules, Map.of(), true);
  }

  /**
   * Compiles a directory's rule files. Files with errors are dropped and the others compiled again
   * (a file may use what another declares, so its own errors show only once that one is gone), and
   * rules with bad metadata are removed, so that every problem is reported at once; whether the
   * rest may run is {@link #run}'s decision.
   */
  private static Base compileUserRules(
      Path dir,
      List<InputProblem> problems,
      java.util.Set<String> ids,
      java.util.function.Function<Path, String> shown) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(f -> f.toString().endsWith(".drl") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.add(
          new InputProblem(
              Location.ofFile(shown.apply(dir)),
              "cannot read rules directory: "
                  + InputProblem.describe(
                      e instanceof java.io.UncheckedIOException u
                          ? u.getCause()
                          : (IOException) e)));
      return null;
    }
    if (files.isEmpty()) {
      problems.add(
          new InputProblem(Location.ofFile(shown.apply(dir)), "no .drl files in rules directory"));
      return null;
    }
    Map<Path, byte[]> sources = new java.util.LinkedHashMap<>();
    for (Path f : files) {
      try {
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length >= 3
            && (bytes[0] & 0xff) == 0xef
            && (bytes[1] & 0xff) == 0xbb
            && (bytes[2] & 0xff) == 0xbf) {
          // saved by a Windows editor: the Drools parser fails on the mark at "Line 1:0"
          bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        sources.put(f, bytes);
      } catch (java.nio.charset.CharacterCodingException e) {
        problems.add(
            new InputProblem(Location.ofFile(shown.apply(f)), "rule file is not valid UTF-8"));
      } catch (IOException e) {
        problems.add(
            new InputProblem(
                Location.ofFile(shown.apply(f)),
                "cannot read rule file: " + InputProblem.describe(e)));
      }
    }
    // the deny list (RuleCodeCheck): a file using a denied name is not compiled, like a broken one
    for (java.util.Iterator<Map.Entry<Path, byte[]>> it = sources.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Path, byte[]> e = it.next();
      List<RuleCodeCheck.Use> uses =
          RuleCodeCheck.check(new String(e.getValue(), StandardCharsets.UTF_8));
      for (RuleCodeCheck.Use u : uses.subList(0, Math.min(uses.size(), 10))) {
        problems.add(
            new InputProblem(
                new Location(shown.apply(e.getKey()), u.line(), u.column(), "", ""),
                (u.rule() == null ? "" : "rule \"" + u.rule() + "\" ")
                    + "uses "
                    + u.what()
                    + ", which user rules may not: "
                    + u.why()
                    + " (the deny list is in the README, User rules)"));
      }
      if (!uses.isEmpty()) {
        it.remove();
      }
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    KnowledgeBuilder kb;
    while (true) {
      if (sources.isEmpty()) {
        return null;
      }
      kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
      try {
        for (Map.Entry<Path, byte[]> e : sources.entrySet()) {
          kb.add(
              ResourceFactory.newByteArrayResource(e.getValue())
                  .setSourcePath(e.getKey().toString()),
              ResourceType.DRL);
        }
      } catch (RuntimeException e) {
        problems.add(
            new InputProblem(
                Location.ofFile(shown.apply(dir)),
                "cannot compile rule files: " + oneLine(e.getMessage())));
        return null;
      }
      if (!kb.hasErrors()) {
        break;
      }
      java.util.Set<Path> bad = new java.util.HashSet<>();
      for (KnowledgeBuilderError err : kb.getErrors()) {
        int line = err.getLines() != null && err.getLines().length > 0 ? err.getLines()[0] : 1;
        String src =
            err.getResource() != null && err.getResource().getSourcePath() != null
                ? err.getResource().getSourcePath()
                : null;
        InputProblem p =
            new InputProblem(
                new Location(shown.apply(src != null ? Path.of(src) : dir), line, 1, "", ""),
                "rule error: " + oneLine(err.getMessage()));
        if (reported.add(p.toString())) {
          problems.add(p);
        }
        bad.add(src == null ? null : Path.of(src));
      }
      if (bad.contains(null) || !sources.keySet().removeAll(bad)) {
        return null; // the broken file cannot be told
      }
    }
    KieBase base = kb.newKieBase();
    List<Path> kept = List.copyOf(sources.keySet());
    Map<String, Path> sourceOf = new HashMap<>();
    Map<String, RuleInfo> rules = new HashMap<>();
    Map<String, Path> ruleFiles = new HashMap<>();
    List<Rule> badRules = new ArrayList<>();
    // in file and line order, so that of two rules with one @id the later one is reported, every
    // run
    record Placed(Rule rule, Path file, String src, int line) {}
    List<Placed> placed = new ArrayList<>();
    for (KiePackage p : base.getKiePackages()) {
      for (Rule rule : p.getRules()) {
        Path file = findRuleFile(kept, rule, sourceOf);
        placed.add(
            new Placed(
                rule,
                file,
                shown.apply(file == null ? dir : file),
                file == null ? 1 : ruleLine(file, rule.getName())));
      }
    }
    placed.sort(
        java.util.Comparator.comparing(Placed::src)
            .thenComparingInt(Placed::line)
            .thenComparing(x -> x.rule().getName()));
    for (Placed pl : placed) {
      Rule rule = pl.rule();
      String src = pl.src();
      int line = pl.line();
      Map<String, String> md = Metadata.strings(rule);
      List<String> pr = new ArrayList<>(Metadata.problems(rule.getName(), md, false));
      if (pr.isEmpty() && !ids.add(md.get("id"))) {
        pr.add("@id " + md.get("id") + " is already used by another rule");
      }
      if (!pr.isEmpty()) {
        problems.add(
            new InputProblem(
                new Location(src, Math.max(1, line), 1, "", ""),
                "rule \"" + rule.getName() + "\": " + String.join("; ", pr)));
        badRules.add(rule);
      } else {
        rules.put(rule.getName(), Metadata.info(md, src));
        if (pl.file() != null) {
          ruleFiles.put(rule.getName(), pl.file());
        }
      }
    }
    for (Rule r : badRules) {
      base.removeRule(r.getPackageName(), r.getName()); // not even its conditions are evaluated
    }
    return rules.isEmpty() ? null : new Base(base, rules, ruleFiles, false);
  }

  /** Shows a path relative to {@code workingDir} when it is under it, else as it is. */
  private static java.util.function.Function<Path, String> shownFrom(Path workingDir) {
    Path wd = workingDir.toAbsolutePath();
    return p ->
        p.isAbsolute() && p.startsWith(wd) && !p.equals(wd)
            ? wd.relativize(p).toString()
            : p.toString();
  }

  /** The file declaring a rule: its {@code rule "name"} line, in a file of the rule's package. */
  private static Path findRuleFile(List<Path> files, Rule rule, Map<String, Path> cache) {
    return cache.computeIfAbsent(
        rule.getPackageName() + "\0" + rule.getName(),
        k -> {
          Path any = null;
          for (Path f : files) {
            if (ruleLine(f, rule.getName()) > 0) {
              if (rule.getPackageName().equals(packageOf(f))) {
                return f;
              }
              any = any == null ? f : any;
            }
          }
          return any;
        });
  }

  private static final java.util.regex.Pattern PACKAGE =
      java.util.regex.Pattern.compile(
          "^\\s*package\\s+([\\w.]+)\\s*;?", java.util.regex.Pattern.MULTILINE);

  private static String packageOf(Path f) {
    try {
      java.util.regex.Matcher m = PACKAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** 1-based line of {@code rule "name"} in a DRL file, or 0. */
  private static int ruleLine(Path f, String ruleName) {
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).trim();
        if (t.startsWith("rule")
            && (t.contains("\"" + ruleName + "\"")
                || t.matches("rule\\s+" + java.util.regex.Pattern.quote(ruleName) + "\\b.*"))) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /**
   * Findings and problems of one evaluation, with firings and consequence time per rule id. {@code
   * complete} is false when user rule errors stopped the evaluation (no keep-going): the findings
   * are then empty, because a partial result must not pass for a clean one.
   */
  public record Outcome(
      List<Finding> findings,
      List<InputProblem> problems,
      Map<String, Long> ruleFirings,
      Map<String, Long> ruleNanos,
      boolean complete) {}

  /**
   * The budget of user rules in one scan (the README's User rules): each run of a user rule base
   * may fire one rule at most {@code perRule} times and all its rules {@code total} times, and may
   * take {@code timeoutMillis} of wall-clock time. System properties {@code
   * eksnet.userRules.maxFirings} (the per-rule base, default 100,000) and {@code
   * eksnet.userRules.timeoutMillis} (default 60,000) tune it.
   */
  record Budget(long perRule, long total, long timeoutMillis) {

    static final long BASE_FIRINGS = 100_000;
    static final long FIRINGS_PER_FACT = 10;
    static final long TIMEOUT_MILLIS = 60_000;

    /** {@code maxFirings + 10 × facts} per rule, ten times that in all. */
    static Budget forFacts(int facts) {
      long base = Long.getLong("eksnet.userRules.maxFirings", BASE_FIRINGS);
      long perRule = base + FIRINGS_PER_FACT * facts;
      return new Budget(
          perRule, 10 * perRule, Long.getLong("eksnet.userRules.timeoutMillis", TIMEOUT_MILLIS));
    }
  }

  /** How long a rule thread gets to stop after its time is up, before it is abandoned. */
  private static final long GRACE_MILLIS = 2_000;

  /**
   * Why an evaluation stopped: the rule (Drools name; null when it cannot be told), what it threw
   * (null for an overrun), what budget it overran (null when it threw), whether that was the time,
   * and whether its thread had to be abandoned, still running.
   */
  private record Failure(
      String ruleName, Throwable cause, String overrun, boolean timedOut, boolean abandoned) {}

  /**
   * The fact types the patterns of the enabled rules match, built-in and user rules alike, read
   * from the compiled bases (every pattern, also inside {@code not}, {@code exists}, {@code
   * accumulate} and {@code from}): the relations no enabled rule reads need not be computed. Null
   * when a rule's conditions cannot be read this way, which means: compute every relation.
   */
  public java.util.Set<Class<?>> factTypesRead(Predicate<String> enabled) {
    java.util.Set<Class<?>> out = new java.util.HashSet<>();
    for (Base b : bases) {
      for (KiePackage p : b.kieBase().getKiePackages()) {
        for (Rule r : p.getRules()) {
          RuleInfo info = b.rules().get(r.getName());
          if (info == null || !enabled.test(info.id())) {
            continue;
          }
          if (!(r instanceof org.drools.base.definitions.rule.impl.RuleImpl impl)
              || !typesOf(impl.getLhs(), out)) {
            return null;
          }
        }
      }
    }
    return out;
  }

  /** Adds the fact types of the element's patterns; false when one has no class. */
  private static boolean typesOf(
      org.drools.base.rule.RuleConditionElement e, java.util.Set<Class<?>> out) {
    if (e instanceof org.drools.base.rule.Pattern p) {
      if (!(p.getObjectType() instanceof org.drools.base.base.ClassObjectType c)) {
        return false;
      }
      out.add(c.getClassType());
    }
    for (org.drools.base.rule.RuleConditionElement n : e.getNestedElements()) {
      if (!typesOf(n, out)) {
        return false;
      }
    }
    return true;
  }

  /** Fires the enabled rules of every base over the facts. */
  public Outcome run(Collection<?> facts, Predicate<String> enabled) {
    List<Finding> findings = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Map<String, Long> firings = new java.util.TreeMap<>();
    Map<String, Long> nanos = new java.util.TreeMap<>();
    if (brokenAt != null && !keepGoing) {
      problems.add(
          new InputProblem(
              brokenAt,
              "no rule was evaluated because user rules have errors;"
                  + " fix them, or keep going without them (--keep-going)"));
      return new Outcome(List.of(), problems, firings, nanos, false);
    }
    Budget budget = Budget.forFacts(facts.size());
    for (Base b : bases) {
      // a user rule that throws or overruns is reported; with keepGoing it is removed and its base
      // run again
      for (int attempt = 0; ; attempt++) {
        Map<String, Long> f = new java.util.TreeMap<>();
        Map<String, Long> n = new java.util.TreeMap<>();
        FindingSink sink = new FindingSink(b.rules());
        Failure failure = null;
        if (b.builtIn()) {
          evaluate(b, facts, enabled, sink, f, n); // throws on a bug in eksnet: exit code 3
        } else {
          failure = evaluateGuarded(b, facts, enabled, sink, f, n, budget);
        }
        if (failure == null) {
          findings.addAll(sink.findings());
          f.forEach((k, v) -> firings.merge(k, v, Long::sum));
          n.forEach((k, v) -> nanos.merge(k, v, Long::sum));
          break;
        }
        Rule rule = failingRule(b, failure);
        problems.add(failureProblem(b, rule, failure, budget));
        if (!keepGoing) {
          return new Outcome(List.of(), problems, firings, nanos, false);
        }
        if (rule == null
            || failure.timedOut()
            || failure.abandoned()
            || attempt > b.rules().size()) {
          // cannot tell which rule failed, or the time is spent (perhaps by others), or it is still
          // running: the base is left out
          break;
        }
        b.kieBase().removeRule(rule.getPackageName(), rule.getName());
      }
    }
    return new Outcome(findings, problems, firings, nanos, true);
  }

  /** Times each firing, counted per rule name, and keeps what is running for the guards. */
  private static final class Watch extends org.kie.api.event.rule.DefaultAgendaEventListener {
    private final Map<String, Long> firings;
    private final Map<String, Long> nanos;
    private final Budget budget;
    private long start;
    private long total;
    private volatile String running;
    private volatile String overrunRule;
    private volatile String overrun;
    private volatile KieSession session;

    /** Facts inserted, updated or deleted by each rule's consequences: who keeps rules firing. */
    private final Map<String, Long> writes = new HashMap<>();

    final org.kie.api.event.rule.RuleRuntimeEventListener writesCounter =
        new org.kie.api.event.rule.RuleRuntimeEventListener() {
          @Override
          public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent e) {
            count(e.getRule());
          }

          @Override
          public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent e) {
            count(e.getRule());
          }

          @Override
          public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent e) {
            count(e.getRule());
          }

          private void count(Rule rule) {
            if (rule != null) {
              writes.merge(rule.getName(), 1L, Long::sum);
            }
          }
        };

    Watch(Map<String, Long> firings, Map<String, Long> nanos, Budget budget) {
      this.firings = firings;
      this.nanos = nanos;
      this.budget = budget;
    }

    @Override
    public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
      running = event.getMatch().getRule().getName();
      start = System.nanoTime();
    }

    @Override
    public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
      String name = event.getMatch().getRule().getName();
      running = null;
      long count = firings.merge(name, 1L, Long::sum);
      nanos.merge(name, System.nanoTime() - start, Long::sum);
      total++;
      if (budget != null && overrun == null) {
        if (count > budget.perRule()) {
          overrun(name, "fired more than " + String.format("%,d", budget.perRule()) + " times");
        } else if (total > budget.total()) {
          String most =
              firings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
          overrun(
              most,
              "fired "
                  + String.format("%,d", firings.get(most))
                  + " times, the most when the user rules together passed "
                  + String.format("%,d", budget.total())
                  + " firings");
        }
      }
    }

    /**
     * Stops an overrun, blaming the rule that wrote facts the most (it is what re-activates the
     * others, which may fire as often), else the rule that fired too often.
     */
    private void overrun(String firedMost, String why) {
      String writer =
          writes.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(null);
      if (writer == null || writer.equals(firedMost)) {
        stop(firedMost, why);
      } else {
        stop(
            writer,
            "kept the rules firing: it inserted, updated or deleted facts "
                + String.format("%,d", writes.get(writer))
                + " times, and "
                + firedMost
                + " "
                + why);
      }
    }

    /** Lets no further match fire, and ends the session's firing as soon as it can. */
    void stop(String rule, String why) {
      overrunRule = rule;
      overrun = why;
      KieSession s = session;
      if (s != null) {
        s.halt();
      }
    }

    boolean stopped() {
      return overrun != null;
    }
  }

  /** Inserts the facts and fires the base's enabled rules, on this thread; the failure, or null. */
  /** Fires a built-in base; an exception from it is a bug in eksnet and propagates. */
  private static void evaluate(
      Base b,
      Collection<?> facts,
      Predicate<String> enabled,
      FindingSink sink,
      Map<String, Long> firings,
      Map<String, Long> nanos) {
    KieSession session = b.kieBase().newKieSession();
    session.addEventListener(new Watch(firings, nanos, null));
    try {
      fire(b, session, facts, enabled, sink, () -> false);
    } finally {
      session.dispose();
    }
  }

  private static void fire(
      Base b,
      KieSession session,
      Collection<?> facts,
      Predicate<String> enabled,
      FindingSink sink,
      java.util.function.BooleanSupplier stopped) {
    if (declaresFindings(b.kieBase())) {
      session.setGlobal("findings", sink);
    }
    for (Object f : facts) {
      session.insert(f);
    }
    session.fireAllRules(
        match -> {
          RuleInfo info = b.rules().get(match.getRule().getName());
          return !stopped.getAsBoolean() && info != null && enabled.test(info.id());
        });
  }

  /**
   * {@link #evaluate} for user rules, under their budget: on a thread of its own with standard
   * output isolated ({@link UserRuleIsolation}), halted when a rule fires too often or the time is
   * up, and given up on (left running, a daemon thread) when it does not stop then. Anything the
   * rules throw, {@link Error}s included (a stack overflow, memory exhausted), is the rule's
   * failure, not eksnet's.
   */
  private static Failure evaluateGuarded(
      Base b,
      Collection<?> facts,
      Predicate<String> enabled,
      FindingSink sink,
      Map<String, Long> firings,
      Map<String, Long> nanos,
      Budget budget) {
    KieSession session = b.kieBase().newKieSession();
    Watch watch = new Watch(firings, nanos, budget);
    watch.session = session;
    session.addEventListener(watch);
    session.addEventListener(watch.writesCounter);
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                fire(b, session, facts, enabled, sink, watch::stopped);
              } catch (Throwable t) { // NOPMD: a user rule's Error is the rule's failure
                thrown.set(t);
              }
            },
            "eksnet-user-rules");
    worker.setDaemon(true);
    boolean abandoned = false;
    boolean timedOut = false;
    UserRuleIsolation.enter(worker, () -> describeRunning(b, watch.running));
    try {
      worker.start();
      worker.join(budget.timeoutMillis());
      if (worker.isAlive()) {
        timedOut = true;
        watch.stop(
            watch.running,
            "was running when the user rules' time budget ("
                + budget.timeoutMillis() / 1000.0
                + " s) ran out");
        worker.interrupt();
        worker.join(GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      timedOut = true;
      watch.stop(watch.running, "was running when the scan was interrupted");
      Thread.currentThread().interrupt();
    } finally {
      abandoned = worker.isAlive();
      UserRuleIsolation.exit(worker, abandoned);
      if (!abandoned) {
        session.dispose();
      }
    }
    Throwable t = thrown.get();
    if (t != null && !watch.stopped()) {
      return new Failure(watch.running, t, null, false, false);
    }
    if (watch.stopped()) {
      return new Failure(watch.overrunRule, null, watch.overrun, timedOut, abandoned);
    }
    return null;
  }

  /** The one file the base's rules come from, else the directory they share. */
  private static String commonSource(Base b) {
    java.util.SortedSet<String> sources = new java.util.TreeSet<>();
    b.rules().values().forEach(r -> sources.add(r.source()));
    if (sources.size() == 1) {
      return sources.first();
    }
    Path common = Path.of(sources.first()).getParent();
    for (String src : sources) {
      while (common != null && !Path.of(src).startsWith(common)) {
        common = common.getParent();
      }
    }
    return common == null ? "rules" : common.toString();
  }

  private static String describeRunning(Base b, String ruleName) {
    RuleInfo info = ruleName == null ? null : b.rules().get(ruleName);
    return info == null
        ? "a user rule"
        : "user rule " + info.id() + " (" + info.source() + ":" + ruleLineOf(b, ruleName) + ")";
  }

  private static int ruleLineOf(Base b, String ruleName) {
    Path file = b.files().get(ruleName);
    return Math.max(1, file == null ? 0 : ruleLine(file, ruleName));
  }

  private static final java.util.regex.Pattern RULE_IN_MESSAGE =
      java.util.regex.Pattern.compile("Rule \"([^\"]+)\"");

  /**
   * The rule that failed: the one overrunning, else from the match of a consequence, else named in
   * a condition's error, else the one whose consequence was running when an Error was thrown.
   */
  private static Rule failingRule(Base b, Failure failure) {
    String name = failure.overrun() != null ? failure.ruleName() : null;
    Throwable e = failure.cause();
    if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
      name = ce.getMatch().getRule().getName();
    }
    for (Throwable t = e; name == null && t != null; t = t.getCause()) {
      java.util.regex.Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        name = m.group(1);
      }
    }
    if (name == null) {
      name = failure.ruleName();
    }
    for (KiePackage p : b.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        if (r.getName().equals(name)) {
          return r;
        }
      }
    }
    return null;
  }

  private InputProblem failureProblem(Base b, Rule rule, Failure failure, Budget budget) {
    RuleInfo info = rule == null ? null : b.rules().get(rule.getName());
    Location where = Location.ofFile("rules");
    String what = "a user rule";
    if (info != null) {
      where = new Location(info.source(), ruleLineOf(b, rule.getName()), 1, "", "");
      what = "rule " + info.id();
    } else if (!b.rules().isEmpty()) {
      where = Location.ofFile(commonSource(b));
    }
    String consequence;
    if (failure.overrun() != null) {
      consequence =
          (keepGoing
                  ? failure.abandoned() || failure.timedOut() || rule == null
                      ? "; its rule base was left out of this run"
                      : "; it was left out of this run"
                  : "; no findings are reported (fix the rule, or keep going without it: --keep-going)")
              + (failure.abandoned() ? " (its thread did not stop and was abandoned)" : "");
      return new InputProblem(
          where,
          what
              + " "
              + failure.overrun()
              + " (the budget of a user rule: "
              + String.format("%,d", budget.perRule())
              + " firings, "
              + String.format("%,d", budget.total())
              + " for all, "
              + budget.timeoutMillis() / 1000.0
              + " s"
              + (failure.timedOut()
                  ? ")"
                  : "; a rule that modifies or inserts what its own condition matches re-fires"
                      + " forever)")
              + consequence);
    }
    Throwable e = failure.cause();
    String on = "";
    if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
      for (Object o : ce.getMatch().getObjects()) {
        if (o instanceof io.eksnet.model.K8sObject k) {
          on = " on " + k.getDisplayName();
          break;
        }
      }
    } else if (e instanceof Error) {
      on = failure.ruleName() != null ? "" : " in a condition";
    } else {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("constraint '(.*)' in \\[")
              .matcher(String.valueOf(e.getMessage()));
      on = m.find() ? " in its condition " + m.group(1) : " in its condition";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String cause =
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()));
    return new InputProblem(
        where,
        what
            + " failed"
            + on
            + ": "
            + cause
            + (keepGoing
                ? rule == null
                    ? "; its rule base was left out of this run"
                    : "; it was left out of this run"
                : "; no findings are reported (fix the rule, or keep going without it: --keep-going)"));
  }

  private static boolean declaresFindings(KieBase kb) {
    for (KiePackage p : kb.getKiePackages()) {
      for (Global g : p.getGlobalVariables()) {
        if ("findings".equals(g.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Folds Drools' multi-line messages into one line. */
  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /** A model with only some of its rules; everything else (globals, types) as the model has it. */
  private record SelectedRules(Model model, Predicate<String> names) implements Model {
    @Override
    public String getName() {
      return model.getName();
    }

    @Override
    public String getPackageName() {
      return model.getPackageName();
    }

    @Override
    public List<org.drools.model.Global> getGlobals() {
      return model.getGlobals();
    }

    @Override
    public List<org.drools.model.Rule> getRules() {
      return model.getRules().stream().filter(r -> names.test(r.getName())).toList();
    }

    @Override
    public List<org.drools.model.Query> getQueries() {
      return model.getQueries();
    }

    @Override
    public List<org.drools.model.TypeMetaData> getTypeMetaDatas() {
      return model.getTypeMetaDatas();
    }

    @Override
    public List<org.drools.model.EntryPoint> getEntryPoints() {
      return model.getEntryPoints();
    }
  }
}
