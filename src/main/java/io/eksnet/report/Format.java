package io.eksnet.report;

import io.eksnet.scan.ScanResult;
import java.util.Locale;

/** The report formats of {@code --format}. */
public enum Format {
  /** Human lines and a summary ({@link TextReport}). */
  TEXT,
  /** Stable JSON for scripts ({@link JsonReport}). */
  JSON,
  /** SARIF 2.1.0 for code scanning ({@link SarifReport}). */
  SARIF,
  /** One self-contained page for people ({@link HtmlReport}). */
  HTML;

  /** The report of {@code result} in this format. */
  public String render(ScanResult result, ReportOptions options) {
    return switch (this) {
      case TEXT -> TextReport.render(result, options);
      case JSON -> JsonReport.render(result, options);
      case SARIF -> SarifReport.render(result, options);
      case HTML -> HtmlReport.render(result, options);
    };
  }

  /** {@code text}, {@code JSON}, {@code sarif}, {@code html} (any case); null when unknown. */
  public static Format parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
