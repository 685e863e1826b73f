package io.eksnet.finding;

import io.eksnet.model.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One result of one rule: where, how bad, what to do. {@code related} holds second places the
 * message names (e.g. the Service an Ingress backend refers to). {@code suppression} is the reason
 * when an inline or config suppression matched, else null.
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    Location location,
    List<Location> related,
    String suppression) {

  public Finding {
    related = List.copyOf(related);
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, s, message, location, related, suppression);
  }

  public Finding suppressed(String reason) {
    return new Finding(ruleId, severity, message, location, related, reason);
  }

  /** Stable order for reports: file, line, column, rule, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);
}
