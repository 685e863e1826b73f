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
    static final Base BASE = buildBuiltIn();
  }

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
    List<Base> bases = new ArrayList<>();
    Base builtIn = builtIn();
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

  private static Base builtIn() {
    return BuiltIn.BASE;
  }

  private static Base buildBuiltIn() {
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
    KieBase kb = KieBaseBuilder.createKieBaseFromModel(models);
    Map<String, RuleInfo> rules = new HashMap<>();
    List<String> bad = new ArrayList<>();
    for (KiePackage p : kb.getKiePackages()) {
      for (Rule rule : p.getRules()) {
        Map<String, String> md = Metadata.strings(rule);
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
    return new Base(kb, rules, Map.of(), true);
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
    for (Base b : bases) {
      // a user rule that throws is reported; with keepGoing it is removed and its base run again
      for (int attempt = 0; ; attempt++) {
        Map<String, Long> f = new java.util.TreeMap<>();
        Map<String, Long> n = new java.util.TreeMap<>();
        FindingSink sink = new FindingSink(b.rules());
        RuntimeException failure = evaluate(b, facts, enabled, sink, f, n);
        if (failure == null) {
          findings.addAll(sink.findings());
          f.forEach((k, v) -> firings.merge(k, v, Long::sum));
          n.forEach((k, v) -> nanos.merge(k, v, Long::sum));
          break;
        }
        if (b.builtIn()) {
          throw failure; // a bug in eksnet: exit code 3 with the stack trace on request
        }
        Rule rule = failingRule(b, failure);
        problems.add(failureProblem(b, rule, failure));
        if (!keepGoing) {
          return new Outcome(List.of(), problems, firings, nanos, false);
        }
        if (rule == null || attempt > b.rules().size()) {
          break; // cannot tell which rule failed: the whole base is left out
        }
        b.kieBase().removeRule(rule.getPackageName(), rule.getName());
      }
    }
    return new Outcome(findings, problems, firings, nanos, true);
  }

  /** Inserts the facts and fires the base's enabled rules; the failure, or null. */
  private static RuntimeException evaluate(
      Base b,
      Collection<?> facts,
      Predicate<String> enabled,
      FindingSink sink,
      Map<String, Long> firings,
      Map<String, Long> nanos) {
    KieSession session = b.kieBase().newKieSession();
    session.addEventListener(
        new org.kie.api.event.rule.DefaultAgendaEventListener() {
          private long start;

          @Override
          public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            start = System.nanoTime();
          }

          @Override
          public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            firings.merge(name, 1L, Long::sum);
            nanos.merge(name, System.nanoTime() - start, Long::sum);
          }
        });
    try {
      if (declaresFindings(b.kieBase())) {
        session.setGlobal("findings", sink);
      }
      for (Object f : facts) {
        session.insert(f);
      }
      session.fireAllRules(
          match -> {
            RuleInfo info = b.rules().get(match.getRule().getName());
            return info != null && enabled.test(info.id());
          });
      return null;
    } catch (RuntimeException e) {
      return e;
    } finally {
      session.dispose();
    }
  }

  private static final java.util.regex.Pattern RULE_IN_MESSAGE =
      java.util.regex.Pattern.compile("Rule \"([^\"]+)\"");

  /** The rule that threw: from the match of a consequence, else named in a condition's error. */
  private static Rule failingRule(Base b, RuntimeException e) {
    String name = null;
    if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
      name = ce.getMatch().getRule().getName();
    }
    for (Throwable t = e; name == null && t != null; t = t.getCause()) {
      java.util.regex.Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        name = m.group(1);
      }
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

  private InputProblem failureProblem(Base b, Rule rule, RuntimeException e) {
    RuleInfo info = rule == null ? null : b.rules().get(rule.getName());
    Location where = Location.ofFile("rules");
    String what = "a user rule";
    if (info != null) {
      Path file = b.files().get(rule.getName());
      int line = file == null ? 0 : ruleLine(file, rule.getName());
      where = new Location(info.source(), Math.max(1, line), 1, "", "");
      what = "rule " + info.id();
    }
    String on = "";
    if (e instanceof ConsequenceException ce && ce.getMatch() != null) {
      for (Object o : ce.getMatch().getObjects()) {
        if (o instanceof io.eksnet.model.K8sObject k) {
          on = " on " + k.getDisplayName();
          break;
        }
      }
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
                ? "; it was left out of this run"
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
}
