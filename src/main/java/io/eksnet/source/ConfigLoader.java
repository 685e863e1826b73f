package io.eksnet.source;

import io.eksnet.finding.Config;
import io.eksnet.finding.FailOn;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code .eksnet.yaml}. Every mistake (unknown key, bad severity, unknown threshold) is an
 * input problem with its line, so a typo never silently changes what is checked.
 */
public final class ConfigLoader {

  private static final Set<String> TOP_KEYS =
      Set.of(
          "failOn", "enable", "disable", "severity", "thresholds", "exclude", "ignore", "clusters");

  private static final Set<String> IGNORE_KEYS = Set.of("rule", "path", "object", "reason");

  private ConfigLoader() {}

  public record Result(Config config, List<InputProblem> problems) {}

  /**
   * The scan's config: {@code explicit} when given (a missing file is a problem), else {@code
   * .eksnet.yaml} at the root when present, else the empty config. Problems name the file as {@code
   * displayName}. A {@code .eksnet.yaml} that is a symbolic link out of the root is a problem and
   * is not read (its content is never echoed); an explicit file is read wherever it is.
   */
  public static Config forScan(
      Path root, Path explicit, String displayName, List<InputProblem> problems) {
    Path p = explicit;
    if (p == null) {
      p = root.resolve(".eksnet.yaml");
      if (!Files.isRegularFile(p)) {
        return Config.EMPTY;
      }
      if (!insideRoot(root, p)) {
        // nothing outside the root is read: a link to ~/.aws/credentials must not be echoed
        problems.add(
            new InputProblem(
                Location.ofFile(displayName),
                "config is a symbolic link out of the repository root; not read (name the file"
                    + " with --config to use it)"));
        return Config.EMPTY;
      }
    } else if (Files.isDirectory(p)) {
      problems.add(
          new InputProblem(
              Location.ofFile(p.toString()), "config is a directory (--config takes a file)"));
      return Config.EMPTY;
    } else if (!Files.exists(p)) {
      problems.add(new InputProblem(Location.ofFile(p.toString()), "config file not found"));
      return Config.EMPTY;
    } // else a file, or a stream such as --config <(envsubst < eksnet.tmpl.yaml)
    Result r = load(p, displayName);
    problems.addAll(r.problems());
    return r.config();
  }

  /** True when {@code p}, with every symbolic link resolved, is inside {@code root}'s real path. */
  private static boolean insideRoot(Path root, Path p) {
    try {
      return p.toRealPath().startsWith(root.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  public static Result load(Path file, String displayName) {
    List<InputProblem> problems = new ArrayList<>();
    Encoding.Decoded decoded;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      long max = Limits.DEFAULT.maxYamlBytes();
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) { // also a stream with no size to check first
        problems.add(
            new InputProblem(
                Location.ofFile(displayName),
                "config is larger than "
                    + (max >> 20)
                    + " MiB; eksnet reads config files up to "
                    + (max >> 20)
                    + " MiB"));
        return new Result(Config.EMPTY, problems);
      }
      decoded = Encoding.decode(bytes);
    } catch (IOException e) {
      problems.add(
          new InputProblem(
              Location.ofFile(displayName), "cannot read config: " + InputProblem.describe(e)));
      return new Result(Config.EMPTY, problems);
    }
    if (decoded.problem() != null) {
      LoadException e = decoded.problem();
      problems.add(
          new InputProblem(
              new Location(displayName, e.line(), e.column(), "", ""), e.getMessage()));
      return new Result(Config.EMPTY, problems);
    }
    String text = decoded.text();
    YamlLoader.Result r = new YamlLoader(Limits.DEFAULT).load(text);
    for (LoadException e : r.problems()) {
      problems.add(
          new InputProblem(
              new Location(displayName, e.line(), e.column(), "", ""), e.getMessage()));
    }
    if (r.documents().isEmpty()) {
      return new Result(Config.EMPTY, problems);
    }
    if (!(r.documents().get(0) instanceof Tree.TMap root)) {
      problems.add(new InputProblem(Location.ofFile(displayName), "config must be a mapping"));
      return new Result(Config.EMPTY, problems);
    }
    Reader rd = new Reader(displayName, problems);
    for (Tree.Entry e : root.entries().values()) {
      if (!TOP_KEYS.contains(e.key())) {
        rd.problem(
            e.line(),
            e.column(),
            "unknown key '"
                + e.key()
                + "' (known: "
                + String.join(", ", TOP_KEYS.stream().sorted().toList())
                + ")");
      }
    }
    String failOn = Tree.text(root.get("failOn"));
    if ((failOn != null && FailOn.parse(failOn) == null)
        || (root.get("failOn") != null && !(root.get("failOn") instanceof Tree.TScalar))) {
      rd.problem(root.entry("failOn"), "failOn must be one of " + FailOn.CHOICES);
      failOn = null;
    }
    Map<String, Severity> severities = new LinkedHashMap<>();
    Map<String, Integer> severityLines = new LinkedHashMap<>();
    if (root.get("severity") instanceof Tree.TMap sm) {
      for (Tree.Entry e : sm.entries().values()) {
        Severity s = Severity.parse(Tree.text(e.value()));
        if (s == null) {
          rd.problem(e, "severity of " + e.key() + " must be CRITICAL, HIGH, MEDIUM, LOW or INFO");
        } else {
          severities.put(e.key(), s);
          severityLines.put(e.key(), e.line());
        }
      }
    } else if (root.get("severity") != null) {
      rd.problem(root.entry("severity"), "severity must map rule ids to severities");
    }
    Map<String, Long> thresholds = new LinkedHashMap<>();
    if (root.get("thresholds") instanceof Tree.TMap tm) {
      for (Tree.Entry e : tm.entries().values()) {
        if (!Thresholds.DEFAULTS.containsKey(e.key())) {
          rd.problem(
              e,
              "unknown threshold '"
                  + e.key()
                  + "' (known: "
                  + String.join(", ", Thresholds.DEFAULTS.keySet().stream().sorted().toList())
                  + ")");
          continue;
        }
        Integer v = K8sFactory.integer(e.value());
        if (v == null || v < 0) {
          rd.problem(e, "threshold " + e.key() + " must be a whole number >= 0");
        } else {
          thresholds.put(e.key(), v.longValue());
        }
      }
    } else if (root.get("thresholds") != null) {
      rd.problem(root.entry("thresholds"), "thresholds must map threshold names to numbers");
    }
    List<Config.Ignore> ignores = new ArrayList<>();
    if (root.get("ignore") != null && !(root.get("ignore") instanceof Tree.TList)) {
      rd.problem(
          root.entry("ignore"), "ignore must be a list of {rule, reason, path, object} entries");
    }
    for (Tree t : Tree.asList(root.get("ignore"))) {
      boolean unknownKey = false;
      if (t instanceof Tree.TMap m) {
        for (Tree.Entry e : m.entries().values()) {
          if (!IGNORE_KEYS.contains(e.key())) {
            // a misspelt object or path would widen the suppression: the entry is left out
            rd.problem(
                e,
                "unknown key '"
                    + e.key()
                    + "' in an ignore entry (known: object, path, reason, rule)");
            unknownKey = true;
          }
        }
      }
      if (unknownKey) {
        continue;
      }
      String rule = Tree.text(Tree.path(t, "rule"));
      String path = Tree.text(Tree.path(t, "path"));
      String reason = Tree.text(Tree.path(t, "reason"));
      if (rule == null || reason == null || reason.isBlank()) {
        rd.problem(
            t.line(),
            t.column(),
            "each ignore entry needs a rule and a reason (path and object are optional)");
        continue;
      }
      if (path != null && !rd.isGlob(Tree.path(t, "path"), "path")) {
        continue;
      }
      ignores.add(
          new Config.Ignore(
              rule,
              path == null ? "**" : path,
              Tree.text(Tree.path(t, "object")),
              reason,
              t.line()));
    }
    Config c =
        new Config(
            rd.strings(root, "enable"),
            rd.strings(root, "disable"),
            severities,
            thresholds,
            excludes(root, rd),
            failOn,
            ignores,
            clusters(root, rd),
            severityLines);
    return new Result(c, problems);
  }

  /**
   * The declared clusters: a list of {@code {name, paths: [glob...]}}. A bad entry is a problem at
   * its line and left out; a bad glob is left out of its cluster.
   */
  private static List<Config.Cluster> clusters(Tree.TMap root, Reader rd) {
    List<Config.Cluster> out = new ArrayList<>();
    Tree t = root.get("clusters");
    if (t == null) {
      return out;
    }
    if (!(t instanceof Tree.TList l)) {
      rd.problem(root.entry("clusters"), "clusters must be a list of {name, paths}");
      return out;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Tree c : l.items()) {
      String name = Tree.text(Tree.path(c, "name"));
      Tree paths = Tree.path(c, "paths");
      if (!(c instanceof Tree.TMap m) || name == null || !(paths instanceof Tree.TList pl)) {
        rd.problem(
            c.line(), c.column(), "each clusters entry needs a name and a list of path globs");
        continue;
      }
      for (Tree.Entry e : m.entries().values()) {
        if (!e.key().equals("name") && !e.key().equals("paths")) {
          rd.problem(e, "unknown key '" + e.key() + "' in a clusters entry (known: name, paths)");
        }
      }
      if (!names.add(name)) {
        rd.problem(c.line(), c.column(), "cluster '" + name + "' is declared twice");
        continue;
      }
      List<String> globs = new ArrayList<>();
      for (Tree g : pl.items()) {
        if (Tree.text(g) != null && rd.isGlob(g, "paths")) {
          globs.add(Tree.text(g));
        }
      }
      out.add(new Config.Cluster(name, globs, c.line()));
    }
    return out;
  }

  /** The exclude globs; one that does not compile is a problem at its line, and left out. */
  private static List<String> excludes(Tree.TMap root, Reader rd) {
    List<String> out = new ArrayList<>();
    for (String g : rd.strings(root, "exclude")) {
      for (Tree i : Tree.asList(root.get("exclude"))) {
        if (g.equals(Tree.text(i))) {
          if (rd.isGlob(i, "exclude")) {
            out.add(g);
          }
          break;
        }
      }
    }
    return out;
  }

  private record Reader(String file, List<InputProblem> problems) {
    /** True when the scalar is a glob Java can compile, else a problem at its line. */
    boolean isGlob(Tree t, String what) {
      String g = Tree.text(t);
      try {
        Glob.compile(g);
        return true;
      } catch (IllegalArgumentException e) { // PatternSyntaxException among others
        String why =
            e instanceof PatternSyntaxException p
                ? p.getDescription()
                : String.valueOf(e.getMessage());
        problem(t.line(), t.column(), what + " '" + g + "' is not a valid glob: " + why);
        return false;
      }
    }

    void problem(int line, int col, String msg) {
      problems.add(new InputProblem(new Location(file, line, col, "", ""), msg));
    }

    void problem(Tree.Entry e, String msg) {
      problem(e.line(), e.column(), msg);
    }

    Set<String> strings(Tree.TMap root, String key) {
      Set<String> out = new LinkedHashSet<>();
      Tree t = root.get(key);
      if (t == null) {
        return out;
      }
      if (!(t instanceof Tree.TList l)) {
        problem(root.entry(key), key + " must be a list");
        return out;
      }
      for (Tree i : l.items()) {
        if (Tree.text(i) != null) {
          out.add(Tree.text(i));
        } else {
          problem(i.line(), i.column(), "each " + key + " item must be a string");
        }
      }
      return out;
    }
  }
}
