package io.eksnet.finding;

import io.eksnet.model.Location;
import io.eksnet.model.Suppression;
import io.eksnet.source.Glob;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies suppressions to findings and reports the suppressions that matched nothing. */
public final class Suppressions {

  private Suppressions() {}

  /** Findings with their suppression reason set, and notes on unused suppressions. */
  public record Applied(
      List<Finding> findings, List<String> unusedNotes, List<Location> unusedLocations) {}

  /**
   * @param ranRules the rule ids that were enabled; a suppression of a rule that did not run is not
   *     reported as unused
   */
  public static Applied apply(
      List<Finding> findings, List<Suppression> suppressions, Set<String> ranRules) {
    Map<Suppression, Boolean> used = new IdentityHashMap<>();
    List<Glob> matchers = new ArrayList<>();
    for (Suppression s : suppressions) {
      matchers.add(s.pathGlob() == null ? null : Glob.compile(s.pathGlob()));
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Finding result = f;
      for (int i = 0; i < suppressions.size(); i++) {
        Suppression s = suppressions.get(i);
        if (s.coversRule(f.ruleId()) && matches(s, matchers.get(i), f.location())) {
          used.put(s, Boolean.TRUE);
          if (!result.isSuppressed()) {
            result = f.suppressed(s.reason() + " (" + s.describe() + ")");
          }
        }
      }
      out.add(result);
    }
    List<String> notes = new ArrayList<>();
    List<Location> locs = new ArrayList<>();
    for (Suppression s : suppressions) {
      if (used.containsKey(s)) {
        continue;
      }
      boolean anyRan = s.ruleIds().stream().anyMatch(id -> "*".equals(id) || ranRules.contains(id));
      if (anyRan) {
        notes.add(
            "suppression of " + String.join(",", s.ruleIds()) + " matches no finding; remove it");
        locs.add(s.location());
      }
    }
    return new Applied(out, notes, locs);
  }

  private static boolean matches(Suppression s, Glob glob, Location l) {
    return switch (s.kind()) {
      case COMMENT ->
          s.location().file().equals(l.file())
              && (l.line() == s.location().line() || l.line() == s.location().line() + 1);
      case ANNOTATION ->
          s.location().file().equals(l.file()) && s.location().object().equals(l.object());
      case CONFIG ->
          glob.matches(l.file())
              && (s.location().object().isEmpty() || s.location().object().equals(l.object()));
    };
  }
}
