package io.eksnet.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Baseline;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.finding.Fingerprint;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning (DESIGN.md §7, INTEGRATIONS.md §1), built with the
 * java-sarif bindings.
 *
 * <p>One run. {@code tool.driver.rules} holds one descriptor per enabled rule of the catalog,
 * sorted by id, so a rule's index is stable whatever was found. One result per finding (sorted by
 * {@link Finding#ORDER}); suppressed findings are left out unless {@link
 * ReportOptions#includeSuppressed()}. Artifact URIs are the findings' repo-relative paths. Input
 * problems become {@code invocations[0].toolExecutionNotifications} (errors), and so do the
 * findings left out by {@link FindingCaps} (notes, one per rule and file). No {@code
 * partialFingerprints} (the upload action computes GitHub's own); a location-independent {@link
 * Fingerprint} sits in {@code result.properties}. With a baseline, every result carries {@code
 * baselineState} ({@code new} or {@code unchanged}; fixed ones are not emitted): unchanged results
 * stay in the file so that GitHub keeps their alerts open. No timestamps, no absolute paths: the
 * same result renders to the same bytes.
 */
public final class SarifReport {

  /** The schema the output declares and is tested against (OASIS errata01). */
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  public static final String TOOL_NAME = "eksnet";
  public static final String INFORMATION_URI = "https://github.com/eksnet/eksnet";
  static final String DOCS_BASE = INFORMATION_URI + "/blob/main/docs/rules/";

  /** GitHub's limit for short and full descriptions. */
  static final int MAX_DESCRIPTION = 1024;

  /** GitHub accepts at most 20 tags per rule. */
  static final int MAX_TAGS = 20;

  private static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  /** The SARIF log as pretty-printed JSON with {@code \n} line ends and a final newline. */
  public static String render(ScanResult result, ReportOptions options) {
    return Json.write(build(result, options));
  }

  /** The SARIF log as bindings objects. */
  public static SarifSchema210 build(ScanResult result, ReportOptions options) {
    List<RuleInfo> rules = result.enabledRules().rules();
    Map<String, Integer> indexById = new HashMap<>();
    Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
    for (RuleInfo rule : rules) {
      indexById.put(rule.id(), descriptors.size());
      descriptors.add(descriptor(rule, options));
    }

    ToolComponent driver =
        new ToolComponent()
            .withName(TOOL_NAME)
            .withVersion(options.toolVersion())
            .withSemanticVersion(options.toolVersion())
            .withInformationUri(URI.create(INFORMATION_URI))
            .withRules(descriptors);

    List<Result> results = new ArrayList<>();
    result.findings().stream()
        .filter(f -> options.includeSuppressed() || !f.isSuppressed())
        .sorted(Finding.ORDER)
        .forEach(f -> results.add(result(f, indexById, result.baseline())));

    List<Notification> notifications = new ArrayList<>();
    result.problems().stream().sorted().forEach(p -> notifications.add(notification(p)));
    for (FindingCaps.Truncation t : result.truncated()) {
      notifications.add(truncation(t, indexById));
    }
    Invocation invocation =
        new Invocation()
            .withExecutionSuccessful(result.problems().isEmpty())
            .withToolExecutionNotifications(notifications);

    Run run =
        new Run()
            .withTool(new Tool().withDriver(driver))
            .withInvocations(new ArrayList<>(List.of(invocation)))
            .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
            .withResults(results);
    if (options.category() != null) {
      run.setAutomationDetails(new RunAutomationDetails().withId(options.category() + "/"));
    }

    return new SarifSchema210()
        .with$schema(URI.create(SCHEMA_URI))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(new ArrayList<>(List.of(run)));
  }

  /** {@code https://github.com/eksnet/eksnet/blob/main/docs/rules/<ID>.md}. */
  public static String helpUri(String ruleId) {
    return DOCS_BASE + ruleId + ".md";
  }

  private static ReportingDescriptor descriptor(RuleInfo rule, ReportOptions options) {
    String summary = rule.summary();
    String remediation = rule.remediation();
    String fallback = summary + "\n\n" + remediation;
    String doc = options.docsById().apply(rule.id());
    boolean hasDoc = doc != null && !doc.isBlank();

    PropertyBag properties = new PropertyBag().withTags(tags(rule));
    properties.setAdditionalProperty("precision", "high");
    String securitySeverity = rule.severity().securitySeverity();
    if (securitySeverity != null) {
      properties.setAdditionalProperty("security-severity", securitySeverity);
    }

    ReportingDescriptor d =
        new ReportingDescriptor()
            .withId(rule.id())
            .withName(rule.name())
            .withShortDescription(text(truncate(summary)))
            .withFullDescription(text(truncate(summary + " " + remediation)))
            .withHelp(
                new MultiformatMessageString()
                    .withText(hasDoc ? doc : fallback)
                    .withMarkdown(hasDoc ? doc : fallbackMarkdown(rule)))
            .withDefaultConfiguration(
                new ReportingConfiguration().withLevel(configLevel(rule.severity())))
            .withProperties(properties);
    if (rule.isBuiltIn()) {
      // User rules have no page in the eksnet repository: no link rather than a dead one.
      d.setHelpUri(URI.create(helpUri(rule.id())));
    }
    return d;
  }

  private static String fallbackMarkdown(RuleInfo rule) {
    String md = "**" + rule.summary() + "**\n\n" + rule.remediation();
    return rule.isBuiltIn() ? md + "\n\n[Documentation](" + helpUri(rule.id()) + ")" : md;
  }

  /** {@code security} first (GitHub shows only 10 tags), then the rule's own, unique, ≤ 20. */
  private static Set<String> tags(RuleInfo rule) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add("security");
    for (String t : rule.tags()) {
      if (tags.size() == MAX_TAGS) {
        break;
      }
      if (t != null && !t.isBlank()) {
        tags.add(t.trim());
      }
    }
    return tags;
  }

  private static Result result(
      Finding f, Map<String, Integer> indexById, Baseline.Comparison baseline) {
    Integer index = indexById.get(f.ruleId());
    if (index == null) {
      throw new IllegalArgumentException(
          "finding of rule " + f.ruleId() + " not in the enabled catalog: " + f.location());
    }
    Location loc = f.location();
    com.contrastsecurity.sarif.Location primary =
        new com.contrastsecurity.sarif.Location().withPhysicalLocation(physical(loc));
    Set<LogicalLocation> logical = logical(loc);
    if (!logical.isEmpty()) {
      primary.setLogicalLocations(logical);
    }

    PropertyBag properties = new PropertyBag();
    properties.setAdditionalProperty(Fingerprint.SARIF_PROPERTY, Fingerprint.of(f));

    Result r =
        new Result()
            .withRuleId(f.ruleId())
            .withRuleIndex(index)
            .withLevel(resultLevel(f.severity()))
            .withMessage(new Message().withText(f.message()))
            .withLocations(new ArrayList<>(List.of(primary)))
            .withProperties(properties);
    if (baseline != null) {
      r.setBaselineState(Result.BaselineState.fromValue(baseline.state(f)));
    }

    if (!f.related().isEmpty()) {
      Set<com.contrastsecurity.sarif.Location> related = new LinkedHashSet<>();
      int id = 1;
      for (Location rel : f.related()) {
        related.add(
            new com.contrastsecurity.sarif.Location()
                .withId(id++)
                .withPhysicalLocation(physical(rel))
                .withMessage(new Message().withText(describe(rel))));
      }
      r.setRelatedLocations(related);
    }
    if (f.isSuppressed()) {
      Set<Suppression> suppressions = new LinkedHashSet<>();
      suppressions.add(
          new Suppression()
              .withKind(Suppression.Kind.IN_SOURCE)
              .withJustification(f.suppression()));
      r.setSuppressions(suppressions);
    }
    return r;
  }

  private static Notification notification(InputProblem p) {
    Set<com.contrastsecurity.sarif.Location> locations = new LinkedHashSet<>();
    locations.add(
        new com.contrastsecurity.sarif.Location().withPhysicalLocation(physical(p.location())));
    return new Notification()
        .withLevel(Notification.Level.ERROR)
        .withMessage(new Message().withText(p.message()))
        .withLocations(locations);
  }

  /** Findings left out by the caps: a note, so that the run still counts as successful. */
  private static Notification truncation(FindingCaps.Truncation t, Map<String, Integer> indexById) {
    Set<com.contrastsecurity.sarif.Location> locations = new LinkedHashSet<>();
    locations.add(
        new com.contrastsecurity.sarif.Location()
            .withPhysicalLocation(physical(Location.ofFile(t.file()))));
    Notification n =
        new Notification()
            .withLevel(Notification.Level.NOTE)
            .withMessage(new Message().withText(t.note()))
            .withLocations(locations);
    Integer index = indexById.get(t.ruleId());
    if (index != null) {
      n.setAssociatedRule(
          new com.contrastsecurity.sarif.ReportingDescriptorReference()
              .withId(t.ruleId())
              .withIndex(index));
    }
    return n;
  }

  private static PhysicalLocation physical(Location loc) {
    return new PhysicalLocation()
        .withArtifactLocation(artifact(loc.file()))
        .withRegion(new Region().withStartLine(loc.line()).withStartColumn(loc.column()));
  }

  private static Set<LogicalLocation> logical(Location loc) {
    Set<LogicalLocation> out = new LinkedHashSet<>();
    if (loc.object().isEmpty()) {
      return out;
    }
    String object = loc.object();
    out.add(
        new LogicalLocation()
            .withName(object.substring(object.lastIndexOf('/') + 1))
            .withFullyQualifiedName(object)
            .withKind("resource"));
    if (!loc.field().isEmpty()) {
      out.add(
          new LogicalLocation()
              .withName(loc.field())
              .withFullyQualifiedName(object + ":" + loc.field())
              .withKind("property"));
    }
    return out;
  }

  /** What a related location is, for its message: the object, else {@code path:line}. */
  private static String describe(Location loc) {
    if (loc.object().isEmpty()) {
      return loc.file() + ":" + loc.line();
    }
    return loc.field().isEmpty() ? loc.object() : loc.object() + " " + loc.field();
  }

  /**
   * A repo-relative path as a relative URI reference: forward slashes, no leading {@code ./}, and
   * every character outside RFC 3986 {@code pchar} percent-encoded (spaces, {@code %}, non-ASCII).
   * {@code :} is encoded too, so a path can never read as a scheme.
   */
  /**
   * A root-relative path against {@code %SRCROOT%}; a file outside the root (an absolute path such
   * as {@code /tmp/plan.json}) as a {@code file:} URI of its own.
   */
  static ArtifactLocation artifact(String path) {
    String p = path.replace('\\', '/');
    if (p.startsWith("/")) {
      return new ArtifactLocation().withUri("file://" + uri(p));
    }
    if (p.matches("[A-Za-z]:/.*")) {
      return new ArtifactLocation().withUri("file:///" + uri(p));
    }
    return new ArtifactLocation().withUri(uri(path)).withUriBaseId(SRCROOT);
  }

  static String uri(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    StringBuilder sb = new StringBuilder(p.length());
    for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isPlain(c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
  }

  private static String truncate(String s) {
    if (s.length() <= MAX_DESCRIPTION) {
      return s;
    }
    int end = MAX_DESCRIPTION - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  private static MultiformatMessageString text(String s) {
    return new MultiformatMessageString().withText(s);
  }

  private static Result.Level resultLevel(Severity s) {
    return Result.Level.fromValue(s.sarifLevel());
  }

  private static ReportingConfiguration.Level configLevel(Severity s) {
    return ReportingConfiguration.Level.fromValue(s.sarifLevel());
  }
}
