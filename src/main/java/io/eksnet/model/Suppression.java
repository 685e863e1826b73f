package io.eksnet.model;

import java.util.List;

/**
 * A request not to report some findings: a {@code # eksnet:ignore ID reason} comment (applies to
 * its own line and the next), an {@code eksnet.io/ignore} annotation (applies to its object), or a
 * config entry (applies to a path glob). {@code ruleIds} may hold {@code *}.
 */
public record Suppression(
    Kind kind, Location location, List<String> ruleIds, String reason, String pathGlob) {

  /** Where the suppression was written. */
  public enum Kind {
    COMMENT,
    ANNOTATION,
    CONFIG
  }

  public Suppression {
    ruleIds = List.copyOf(ruleIds);
  }

  public boolean coversRule(String id) {
    return ruleIds.contains("*") || ruleIds.contains(id);
  }

  /** How it is shown: {@code comment at a.yaml:3}. */
  public String describe() {
    return switch (kind) {
      case COMMENT -> "comment at " + location;
      case ANNOTATION -> "annotation eksnet.io/ignore at " + location;
      case CONFIG -> "config ignore at " + location;
    };
  }
}
