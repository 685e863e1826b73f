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

  /** A rule base and the rule names (Drools names) in it mapped to their metadata. */
  private record Base(KieBase kieBase, Map<String, RuleInfo> rules, boolean builtIn) {}

  private RuleEngine(List<Base> bases) {
    this.bases = bases;
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
   * Loads the built-in rules and the user rule directories. Problems with user rules (syntax,
   * unknown types, metadata, duplicate ids) are added to {@code problems}; a user directory with
   * any problem contributes no rules.
   */
  public static RuleEngine load(List<Path> userRuleDirs, List<InputProblem> problems) {
    List<Base> bases = new ArrayList<>();
    Base builtIn = builtIn();
    bases.add(builtIn);
    java.util.Set<String> ids = new java.util.HashSet<>(builtIn.rules().keySet());
    for (Path dir : userRuleDirs) {
      Base user = compileUserRules(dir, problems, ids);
      if (user != null) {
        bases.add(user);
      }
    }
    return new RuleEngine(bases);
  }

  private static Base builtIn() {
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
    return new Base(kb, rules, true);
  }

  private static Base compileUserRules(Path dir, List<InputProblem> problems, java.util.Set<String> ids) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(f -> f.toString().endsWith(".drl") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      problems.add(new InputProblem(Location.ofFile(dir.toString()), "cannot read rules directory: " + e.getMessage()));
      return null;
    }
    if (files.isEmpty()) {
      problems.add(new InputProblem(Location.ofFile(dir.toString()), "no .drl files in rules directory"));
      return null;
    }
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
    Map<String, Path> sourceOf = new HashMap<>();
    for (Path f : files) {
      try {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        kb.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
            .setSourcePath(f.toString()), ResourceType.DRL);
      } catch (IOException e) {
        problems.add(new InputProblem(Location.ofFile(f.toString()), "cannot read rule file: " + e.getMessage()));
        return null;
      } catch (RuntimeException e) {
        problems.add(new InputProblem(Location.ofFile(f.toString()), "cannot compile rule file: " + e.getMessage()));
        return null;
      }
    }
    if (kb.hasErrors()) {
      for (KnowledgeBuilderError err : kb.getErrors()) {
        int line = err.getLines() != null && err.getLines().length > 0 ? err.getLines()[0] : 1;
        String src = err.getResource() != null && err.getResource().getSourcePath() != null
            ? err.getResource().getSourcePath() : dir.toString();
        problems.add(new InputProblem(new Location(src, line, 1, "", ""),
            "rule error: " + oneLine(err.getMessage())));
      }
      return null;
    }
    KieBase base = kb.newKieBase();
    Map<String, RuleInfo> rules = new HashMap<>();
    boolean ok = true;
    for (KiePackage p : base.getKiePackages()) {
      for (Rule rule : p.getRules()) {
        Path file = findRuleFile(files, rule.getName(), sourceOf);
        String src = file == null ? dir.toString() : file.toString();
        int line = file == null ? 1 : ruleLine(file, rule.getName());
        Map<String, String> md = Metadata.strings(rule);
        List<String> pr = new ArrayList<>(Metadata.problems(rule.getName(), md, false));
        if (pr.isEmpty() && !ids.add(md.get("id"))) {
          pr.add("@id " + md.get("id") + " is already used by another rule");
        }
        if (!pr.isEmpty()) {
          problems.add(new InputProblem(new Location(src, line, 1, "", ""),
              "rule \"" + rule.getName() + "\": " + String.join("; ", pr)));
          ok = false;
        } else {
          rules.put(rule.getName(), Metadata.info(md, src));
        }
      }
    }
    return ok ? new Base(base, rules, false) : null;
  }

  private static Path findRuleFile(List<Path> files, String ruleName, Map<String, Path> cache) {
    return cache.computeIfAbsent(ruleName, n -> {
      for (Path f : files) {
        if (ruleLine(f, n) > 0) {
          return f;
        }
      }
      return null;
    });
  }

  /** 1-based line of {@code rule "name"} in a DRL file, or 0. */
  private static int ruleLine(Path f, String ruleName) {
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).trim();
        if (t.startsWith("rule") && (t.contains("\"" + ruleName + "\"") || t.matches("rule\\s+" + java.util.regex.Pattern.quote(ruleName) + "\\b.*"))) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** Findings and problems of one evaluation, with firings and consequence time per rule id. */
  public record Outcome(
      List<Finding> findings, List<InputProblem> problems, Map<String, Long> ruleFirings, Map<String, Long> ruleNanos) {}

  /** Fires the enabled rules of every base over the facts. */
  public Outcome run(Collection<?> facts, Predicate<String> enabled) {
    List<Finding> findings = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Map<String, Long> firings = new java.util.TreeMap<>();
    Map<String, Long> nanos = new java.util.TreeMap<>();
    for (Base b : bases) {
      FindingSink sink = new FindingSink(b.rules());
      KieSession session = b.kieBase().newKieSession();
      session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
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
        session.fireAllRules(match -> {
          RuleInfo info = b.rules().get(match.getRule().getName());
          return info != null && enabled.test(info.id());
        });
      } catch (ConsequenceException e) {
        if (b.builtIn()) {
          throw e;
        }
        String name = e.getMatch() != null ? e.getMatch().getRule().getName() : "?";
        RuleInfo info = b.rules().get(name);
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        problems.add(new InputProblem(Location.ofFile(info != null ? info.source() : "rules"),
            "rule " + (info != null ? info.id() : name) + " failed: " + cause));
        continue;
      } finally {
        session.dispose();
      }
      findings.addAll(sink.findings());
    }
    return new Outcome(findings, problems, firings, nanos);
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
