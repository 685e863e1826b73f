package io.eksnet.report;

import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page (no script, no external resource): the summary, input problems, then
 * the findings grouped by rule (most severe first) and, within a rule, by file. Each rule shows its
 * summary, remediation and documentation page in a {@code <details>} element (readable without
 * JavaScript); each finding has an anchor, and its related locations are links ({@code path#Lline},
 * relative to the repository root, where the page is meant to sit, or to the finding's anchor when
 * a finding is at that line). The findings listed are those of the text report: not suppressed
 * (unless asked) and not unchanged since the baseline.
 */
public final class HtmlReport {

  private HtmlReport() {}

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;color:#1f2328;line-height:1.45}
      h1{margin-bottom:.2em}
      .summary{font-size:1.1em;color:#444}
      section.rule{border:1px solid #d0d7de;border-left:.5em solid var(--sev);border-radius:6px;padding:.2em 1em 1em;margin:1.2em 0}
      .sev-critical{--sev:#8b0000}.sev-high{--sev:#d1242f}.sev-medium{--sev:#d4a72c}.sev-low{--sev:#0969da}.sev-info{--sev:#8c959f}
      .badge{display:inline-block;min-width:5.5em;text-align:center;color:#fff;background:var(--sev);border-radius:1em;padding:0 .6em;font-size:.8em;vertical-align:middle}
      .sev-medium .badge{color:#1f2328}
      h2 .name{font-weight:normal;color:#57606a}
      h3{font-size:1em;margin:1em 0 .3em}
      ul.findings{margin:0;padding-left:1.2em}
      ul.findings>li{margin:.4em 0}
      li.suppressed{color:#6e7781}
      .where{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
      ul.related{margin:.2em 0;padding-left:1.2em;font-size:.9em}
      details{margin:.5em 0}
      details pre{white-space:pre-wrap;background:#f6f8fa;padding:.8em;border-radius:6px}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
      .problems li,.notes li{margin:.2em 0}
      """;

  /** The page; ends with a line end. */
  public static String render(ScanResult result, ReportOptions options) {
    List<Finding> shown =
        result.findings().stream()
            .filter(f -> options.includeSuppressed() || !f.isSuppressed())
            .filter(f -> result.baseline() == null || !result.baseline().isUnchanged(f))
            .sorted(Finding.ORDER)
            .toList();
    Map<String, String> anchors = new LinkedHashMap<>(); // "file:line" -> id of its first finding
    Map<Finding, String> ids = new java.util.IdentityHashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      Finding f = shown.get(i);
      String id = "f" + (i + 1);
      ids.put(f, id);
      anchors.putIfAbsent(f.location().file() + ":" + f.location().line(), id);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"eksnet ")
        .append(esc(options.toolVersion()))
        .append("\">\n<title>eksnet report</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>eksnet report</h1>\n<p class=\"summary\">")
        .append(esc(TextReport.summary(result)))
        .append("</p>\n");

    if (!result.problems().isEmpty()) {
      sb.append("<section class=\"problems\" id=\"problems\">\n<h2>Input problems</h2>\n<ul>\n");
      for (InputProblem p : result.problems()) {
        sb.append("<li><span class=\"where\">")
            .append(esc(p.location().toString()))
            .append("</span>: ")
            .append(esc(p.message()))
            .append("</li>\n");
      }
      sb.append("</ul>\n</section>\n");
    }

    // rules in order of their most severe finding, then by id
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    shown.stream()
        .sorted(
            java.util.Comparator.comparing((Finding f) -> f.severity())
                .thenComparing(Finding::ruleId))
        .forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()));
    for (Finding f : shown) {
      byRule.get(f.ruleId()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
      String ruleId = e.getKey();
      List<Finding> findings = e.getValue();
      RuleInfo rule = result.enabledRules().get(ruleId);
      String sev = findings.get(0).severity().name();
      sb.append("<section class=\"rule sev-")
          .append(sev.toLowerCase(Locale.ROOT))
          .append("\" id=\"rule-")
          .append(esc(ruleId))
          .append("\">\n<h2><span class=\"badge\">")
          .append(sev)
          .append("</span> ")
          .append(esc(ruleId));
      if (rule != null) {
        sb.append(" <span class=\"name\">").append(esc(rule.name())).append("</span>");
      }
      sb.append(" <small>(")
          .append(findings.size())
          .append(findings.size() == 1 ? " finding" : " findings")
          .append(")</small></h2>\n");
      if (rule != null) {
        sb.append("<p>").append(esc(rule.summary())).append("</p>\n");
        sb.append("<details>\n<summary>Rule help</summary>\n<p><strong>Remediation:</strong> ")
            .append(esc(rule.remediation()))
            .append("</p>\n");
        String doc = options.docsById().apply(ruleId);
        if (doc != null) {
          sb.append("<pre class=\"doc\">").append(esc(doc.strip())).append("</pre>\n");
        }
        sb.append("</details>\n");
      }
      Map<String, List<Finding>> byFile = new LinkedHashMap<>();
      for (Finding f : findings) {
        byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
      }
      for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
        sb.append("<h3 class=\"file\"><code>")
            .append(esc(file.getKey()))
            .append("</code></h3>\n<ul class=\"findings\">\n");
        for (Finding f : file.getValue()) {
          finding(sb, f, ids.get(f), anchors);
        }
        sb.append("</ul>\n");
      }
      sb.append("</section>\n");
    }
    if (!result.truncated().isEmpty() || !result.notes().isEmpty()) {
      sb.append("<section class=\"notes\" id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
      for (FindingCaps.Truncation t : result.truncated()) {
        sb.append("<li>").append(esc(t.note())).append("</li>\n");
      }
      for (String n : result.notes()) {
        sb.append("<li>").append(esc(n)).append("</li>\n");
      }
      sb.append("</ul>\n</section>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void finding(StringBuilder sb, Finding f, String id, Map<String, String> anchors) {
    Location l = f.location();
    sb.append("<li id=\"")
        .append(id)
        .append("\"")
        .append(f.isSuppressed() ? " class=\"suppressed\"" : "")
        .append("><a class=\"where\" href=\"#")
        .append(id)
        .append("\">")
        .append(l.line())
        .append(':')
        .append(l.column())
        .append("</a> ")
        .append(esc(f.message()));
    if (f.isSuppressed()) {
      sb.append(" <em>(suppressed: ").append(esc(f.suppression())).append(")</em>");
    }
    if (!f.related().isEmpty()) {
      sb.append("\n<ul class=\"related\">");
      for (Location r : f.related()) {
        String at = r.file() + ":" + r.line();
        String anchor = anchors.get(at);
        String href = anchor != null ? "#" + anchor : link(r);
        sb.append("<li>related: <a class=\"where\" href=\"")
            .append(esc(href))
            .append("\">")
            .append(esc(at))
            .append("</a>");
        if (!r.object().isEmpty()) {
          sb.append(" ").append(esc(r.object()));
        }
        sb.append("</li>");
      }
      sb.append("</ul>");
    }
    sb.append("</li>\n");
  }

  /** The source line as a link: root-relative (GitHub's {@code #L12}), or a file: URI. */
  private static String link(Location l) {
    com.contrastsecurity.sarif.ArtifactLocation a = SarifReport.artifact(l.file());
    return a.getUri() + "#L" + l.line();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
