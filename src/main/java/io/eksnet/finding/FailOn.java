package io.eksnet.finding;

import java.util.Locale;

/**
 * The fail-on policy: the lowest severity whose findings fail a scan, or none (findings never fail
 * it). One parser and one check for the CLI's {@code --fail-on}, the Maven plugin's {@code failOn}
 * and the config file's {@code failOn}.
 *
 * @param threshold the lowest failing severity; null for {@code none}
 */
public record FailOn(Severity threshold) {

  /** Without an option or a config: findings of HIGH and above fail. */
  public static final FailOn DEFAULT = new FailOn(Severity.HIGH);

  /** Findings never fail the scan. */
  public static final FailOn NONE = new FailOn(null);

  /** The accepted values, for messages. */
  public static final String CHOICES = "critical, high, medium, low, info, none";

  /** Parses a level ({@code high}, {@code HIGH}, {@code none}); null when it is none of them. */
  public static FailOn parse(String s) {
    if (s == null) {
      return null;
    }
    if ("none".equalsIgnoreCase(s.trim())) {
      return NONE;
    }
    Severity sev = Severity.parse(s);
    return sev == null ? null : new FailOn(sev);
  }

  /** True when this finding's severity fails the scan. */
  public boolean fails(Finding f) {
    return threshold != null && f.severity().atLeast(threshold);
  }

  /** {@code HIGH}, or {@code none}: as messages name the level. */
  @Override
  public String toString() {
    return threshold == null ? "none" : threshold.name().toUpperCase(Locale.ROOT);
  }
}
