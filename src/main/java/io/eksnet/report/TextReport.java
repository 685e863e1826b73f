package io.eksnet.report;

import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.finding.Severity;
import io.eksnet.scan.ScanResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human report (DESIGN.md §6): one line per finding, {@code path:line:col: SEVERITY EKS-XX-NNN
 * message}, sorted by {@link Finding#ORDER}, then one line per rule and file whose findings {@link
 * FindingCaps} cut ({@code ... and 1,949 more EKS-VPC-001 findings in plan.json not shown}), then a
 * summary line such as {@code 3 findings (1 high, 2 medium) in 12 files; 1 input problem}.
 *
 * <p>Suppressed findings are printed only with {@link ReportOptions#includeSuppressed()}, with
 * {@code (suppressed: reason)} appended. With a baseline only new findings are printed. Input
 * problems are printed by the CLI on stderr; here they are only counted. ANSI colours (severity
 * only) when {@link ReportOptions#color()}.
 */
public final class TextReport {

  static final String RESET = "\u001b[0m";
  static final String DIM = "\u001b[2m";

  private TextReport() {}

  /** The report; every line, the summary included, ends with {@code \n}. */
  public static String render(ScanResult result, ReportOptions options) {
    StringBuilder out = new StringBuilder();
    result.findings().stream()
        .filter(f -> options.includeSuppressed() || !f.isSuppressed())
        .filter(f -> result.baseline() == null || !result.baseline().isUnchanged(f))
        .sorted(Finding.ORDER)
        .forEach(f -> line(out, f, options.color()));
    for (FindingCaps.Truncation t : result.truncated()) {
      out.append(clean(t.note())).append('\n');
    }
    out.append(summary(result)).append('\n');
    return out.toString();
  }

  /** {@code path:line:col: SEVERITY RULE message}, without a line end. */
  static void line(StringBuilder out, Finding f, boolean color) {
    out.append(clean(f.location().toString())).append(": ");
    if (color) {
      out.append(color(f.severity())).append(f.severity().name()).append(RESET);
    } else {
      out.append(f.severity().name());
    }
    out.append(' ').append(clean(f.ruleId())).append(' ').append(clean(f.message()));
    if (f.isSuppressed()) {
      String note = " (suppressed: " + clean(f.suppression()) + ")";
      out.append(color ? DIM + note + RESET : note);
    }
    out.append('\n');
  }

  /**
   * One line: {@code 3 findings (1 high, 2 medium) in 12 files; 2 suppressed; 1 input problem}, or
   * {@code No findings in 12 files}. Suppressed and problems only when there are any. With a
   * baseline the findings counted are the new ones, followed by {@code 5 unchanged and 1 fixed
   * since the baseline}.
   */
  public static String summary(ScanResult result) {
    List<Finding> active = result.newFindings();
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : active) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    StringBuilder s = new StringBuilder();
    if (active.isEmpty()) {
      s.append("No findings");
    } else {
      s.append(plural(active.size(), "finding"));
      List<String> parts = new ArrayList<>();
      counts.forEach((sev, n) -> parts.add(n + " " + sev.name().toLowerCase(Locale.ROOT)));
      s.append(" (").append(String.join(", ", parts)).append(')');
    }
    s.append(" in ").append(plural(result.files().size(), "file"));
    if (result.baseline() != null) {
      s.append("; ")
          .append(result.baseline().unchangedCount())
          .append(" unchanged and ")
          .append(result.baseline().absent())
          .append(" fixed since the baseline");
    }
    int notShown = result.notShown();
    if (notShown > 0) {
      s.append("; ").append(notShown).append(" more not shown");
    }
    int suppressed = result.findings().size() - result.activeFindings().size();
    if (suppressed > 0) {
      s.append("; ").append(suppressed).append(" suppressed");
    }
    if (!result.problems().isEmpty()) {
      s.append("; ").append(plural(result.problems().size(), "input problem"));
    }
    return s.toString();
  }

  /**
   * Keeps a finding on one line and the terminal safe: control characters from the scanned files
   * (line breaks in values, ESC sequences in names) become spaces.
   */
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, ' ');
      }
    }
    return b == null ? s : b.toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String color(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;31m";
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> "\u001b[34m";
    };
  }
}
