package io.eksnet.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * How to render a report.
 *
 * @param toolVersion the version written into reports (normally {@link Version#get()})
 * @param includeSuppressed SARIF: also emit suppressed findings, each with a {@code suppressions}
 *     entry; text: print them with their reason. JSON always lists them.
 * @param color text: colour the severities with ANSI codes (the caller decides: TTY, NO_COLOR)
 * @param docsById the rule's documentation page (markdown) by rule id, or null when there is none;
 *     used for SARIF {@code help}, falling back to summary and remediation
 * @param category SARIF: the run's {@code automationDetails.id} is {@code category + "/"}, which
 *     GitHub code scanning reads as the analysis category (null: no automation details, so the
 *     upload's {@code category} input names the analysis)
 */
public record ReportOptions(
    String toolVersion,
    boolean includeSuppressed,
    boolean color,
    Function<String, String> docsById,
    String category) {

  public ReportOptions {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(docsById, "docsById");
    if (category != null) {
      category = category.strip();
      while (category.endsWith("/")) {
        category = category.substring(0, category.length() - 1);
      }
      category = category.isEmpty() ? null : category;
    }
  }

  /** This build's version, suppressed findings left out, no colour, no docs. */
  public static ReportOptions defaults() {
    return new ReportOptions(Version.get(), false, false, id -> null, null);
  }

  public ReportOptions withToolVersion(String version) {
    return new ReportOptions(version, includeSuppressed, color, docsById, category);
  }

  public ReportOptions withIncludeSuppressed(boolean include) {
    return new ReportOptions(toolVersion, include, color, docsById, category);
  }

  public ReportOptions withColor(boolean useColor) {
    return new ReportOptions(toolVersion, includeSuppressed, useColor, docsById, category);
  }

  public ReportOptions withDocs(Function<String, String> docs) {
    return new ReportOptions(toolVersion, includeSuppressed, color, docs, category);
  }

  /** SARIF: name the analysis {@code category} (see {@link #category()}); null or blank: none. */
  public ReportOptions withCategory(String sarifCategory) {
    return new ReportOptions(toolVersion, includeSuppressed, color, docsById, sarifCategory);
  }
}
