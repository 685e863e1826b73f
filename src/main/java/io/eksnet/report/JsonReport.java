package io.eksnet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.finding.Fingerprint;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;

/**
 * A small, stable JSON report for scripts. Format version 1 (fields are only ever added; a change
 * in meaning bumps {@code version}):
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "tool": {"name": "eksnet", "version": "0.1.0"},
 *   "summary": {"files": 12, "findings": 3, "suppressed": 1, "problems": 1,
 *               "bySeverity": {"CRITICAL": 0, "HIGH": 1, "MEDIUM": 2, "LOW": 0, "INFO": 0}},
 *   "findings": [{"ruleId": "EKS-SVC-001", "name": "nodeport-loses-client-ip",
 *                 "severity": "MEDIUM", "message": "...", "file": "k8s/web.yaml",
 *                 "line": 7, "column": 3, "object": "Service/shop/web", "field": "spec.type",
 *                 "related": [{"file", "line", "column", "object", "field"}],
 *                 "suppressed": null, "fingerprint": "0f3c..."}],
 *   "problems": [{"file": "k8s/bad.yaml", "line": 3, "column": 1, "message": "..."}],
 *   "truncated": [{"ruleId": "EKS-VPC-001", "file": "plan.json", "shown": 50, "notShown": 1949,
 *                  "suppressedNotShown": 0, "message": "... and 1,949 more ..."}]
 * }
 * }</pre>
 *
 * <p>{@code findings} lists every finding, suppressed ones too ({@code suppressed} is then the
 * reason), sorted by {@link Finding#ORDER}; {@code summary.findings} and {@code bySeverity} count
 * the unsuppressed ones, with every severity present. {@code name} is null for a rule missing from
 * the catalog. With {@code --baseline}, {@code summary.baseline} counts {@code new}, {@code
 * unchanged} and {@code absent} (fixed) findings, and each finding has {@code baselineState}
 * ({@code new} or {@code unchanged}). Only when the caps of {@link FindingCaps} left findings out:
 * {@code truncated} (per rule and file) and {@code summary.notShown} (their sum; not counted in
 * {@code summary.findings}). Same input, same bytes.
 */
public final class JsonReport {

  /** The format version written as {@code version}. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonReport() {}

  /** The report as pretty-printed JSON with {@code \n} line ends and a final newline. */
  public static String render(ScanResult result, ReportOptions options) {
    return Json.write(build(result, options));
  }

  static ObjectNode build(ScanResult result, ReportOptions options) {
    ObjectNode root = NODES.objectNode();
    root.put("version", FORMAT_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", SarifReport.TOOL_NAME);
    tool.put("version", options.toolVersion());

    ObjectNode summary = root.putObject("summary");
    summary.put("files", result.files().size());
    summary.put("findings", result.activeFindings().size());
    summary.put("suppressed", result.findings().size() - result.activeFindings().size());
    summary.put("problems", result.problems().size());
    ObjectNode bySeverity = summary.putObject("bySeverity");
    for (Severity s : Severity.values()) {
      bySeverity.put(
          s.name(), result.activeFindings().stream().filter(f -> f.severity() == s).count());
    }

    if (result.baseline() != null) {
      ObjectNode baseline = summary.putObject("baseline");
      baseline.put("new", result.baseline().newCount());
      baseline.put("unchanged", result.baseline().unchangedCount());
      baseline.put("absent", result.baseline().absent());
    }

    ArrayNode findings = root.putArray("findings");
    result.findings().stream()
        .sorted(Finding.ORDER)
        .forEach(
            f -> {
              ObjectNode n = finding(f, result.enabledRules().get(f.ruleId()));
              if (result.baseline() != null) {
                n.put("baselineState", result.baseline().state(f));
              }
              findings.add(n);
            });

    ArrayNode problems = root.putArray("problems");
    result.problems().stream().sorted().forEach(p -> problems.add(problem(p)));

    if (!result.truncated().isEmpty()) {
      summary.put("notShown", result.notShown());
      ArrayNode truncated = root.putArray("truncated");
      for (FindingCaps.Truncation t : result.truncated()) {
        ObjectNode n = truncated.addObject();
        n.put("ruleId", t.ruleId());
        n.put("file", t.file());
        n.put("shown", t.shown());
        n.put("notShown", t.omitted());
        n.put("suppressedNotShown", t.omittedSuppressed());
        n.put("message", t.note());
      }
    }
    return root;
  }

  private static ObjectNode finding(Finding f, RuleInfo rule) {
    ObjectNode n = NODES.objectNode();
    n.put("ruleId", f.ruleId());
    n.put("name", rule == null ? null : rule.name());
    n.put("severity", f.severity().name());
    n.put("message", f.message());
    putLocation(n, f.location());
    ArrayNode related = n.putArray("related");
    for (Location r : f.related()) {
      putLocation(related.addObject(), r);
    }
    n.put("suppressed", f.suppression());
    n.put("fingerprint", Fingerprint.of(f));
    return n;
  }

  private static ObjectNode problem(InputProblem p) {
    ObjectNode n = NODES.objectNode();
    Location loc = p.location();
    n.put("file", loc.file());
    n.put("line", loc.line());
    n.put("column", loc.column());
    n.put("message", p.message());
    return n;
  }

  private static void putLocation(ObjectNode n, Location loc) {
    n.put("file", loc.file());
    n.put("line", loc.line());
    n.put("column", loc.column());
    n.put("object", loc.object());
    n.put("field", loc.field());
  }
}
