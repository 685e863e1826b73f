package io.eksnet.finding;

import java.util.Locale;

/** How bad a finding is, with its SARIF level and GitHub security-severity (DESIGN.md §7). */
public enum Severity {
  CRITICAL("error", "9.5"),
  HIGH("error", "8.0"),
  MEDIUM("warning", "5.5"),
  LOW("note", "3.0"),
  INFO("note", null);

  private final String sarifLevel;
  private final String securitySeverity;

  Severity(String sarifLevel, String securitySeverity) {
    this.sarifLevel = sarifLevel;
    this.securitySeverity = securitySeverity;
  }

  public String sarifLevel() {
    return sarifLevel;
  }

  /** GitHub's {@code security-severity} band value, or null for INFO. */
  public String securitySeverity() {
    return securitySeverity;
  }

  /** True when this is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code high}, {@code HIGH}; null when unknown. */
  public static Severity parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
