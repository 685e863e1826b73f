package io.eksnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What GitHub code scanning requires of a SARIF upload beyond the schema (INTEGRATIONS.md §1 and §6
 * items 2–5, 7–9). Returns every problem found, each naming its JSON path, so a failing test shows
 * them all at once. Reusable by CLI, Maven plugin and end-to-end tests.
 */
public final class GitHubSarifChecks {

  /** Hard limits from GitHub's "results exceed limit" page. */
  static final int MAX_RUNS = 20;

  static final int MAX_RESULTS = 25_000;
  static final int MAX_RULES = 25_000;
  static final int MAX_TAGS = 20;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_NAME = 255;

  /** SemVer 2.0.0, the regex suggested at semver.org. */
  static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
  private static final Set<String> RULE_LEVELS = Set.of("note", "warning", "error");
  private static final Set<String> RESULT_LEVELS = Set.of("none", "note", "warning", "error");

  private GitHubSarifChecks() {}

  /** Problems of a GitHub-bound file: suppressed results count as a problem. */
  public static List<String> problems(JsonNode sarif, Path repoRoot) {
    return problems(sarif, repoRoot, false);
  }

  /**
   * Problems of a SARIF log. With {@code repoRoot} non-null, every artifact URI must name a file
   * under it and every {@code startLine} must be within that file. {@code allowSuppressed} accepts
   * results with {@code suppressions} (a deliberately enabled option).
   */
  public static List<String> problems(JsonNode sarif, Path repoRoot, boolean allowSuppressed) {
    List<String> out = new ArrayList<>();
    if (!"2.1.0".equals(sarif.path("version").asText(null))) {
      out.add("$.version must be \"2.1.0\", is " + sarif.get("version"));
    }
    if (sarif.path("$schema").asText("").isBlank()) {
      out.add("$.$schema missing");
    }
    JsonNode runs = sarif.get("runs");
    if (runs == null || !runs.isArray() || runs.isEmpty()) {
      out.add("$.runs must be a non-empty array");
      return out;
    }
    if (runs.size() > MAX_RUNS) {
      out.add("$.runs has " + runs.size() + " runs, GitHub accepts " + MAX_RUNS);
    }
    if (runs.size() > 1) {
      Set<String> ids = new HashSet<>();
      for (JsonNode run : runs) {
        String id = run.path("automationDetails").path("id").asText("");
        if (id.isEmpty() || !ids.add(id)) {
          out.add("$.runs: several runs need distinct automationDetails.id, got '" + id + "'");
        }
      }
    }
    for (int i = 0; i < runs.size(); i++) {
      checkRun(runs.get(i), "$.runs[" + i + "]", repoRoot, allowSuppressed, out);
    }
    checkArtifactLocations(sarif, "$", repoRoot, out);
    return out;
  }

  private static void checkRun(
      JsonNode run, String at, Path repoRoot, boolean allowSuppressed, List<String> out) {
    JsonNode driver = run.path("tool").path("driver");
    if (driver.path("name").asText("").isBlank()) {
      out.add(at + ".tool.driver.name missing");
    }
    String semver = driver.path("semanticVersion").asText(null);
    if (semver == null || !SEMVER.matcher(semver).matches()) {
      out.add(at + ".tool.driver.semanticVersion is not SemVer: " + semver);
    }

    JsonNode rules = driver.get("rules");
    List<String> ruleIds = new ArrayList<>();
    if (rules == null || !rules.isArray()) {
      out.add(at + ".tool.driver.rules must be an array");
    } else {
      if (rules.size() > MAX_RULES) {
        out.add(at + ".tool.driver.rules has " + rules.size() + " rules, max " + MAX_RULES);
      }
      for (int i = 0; i < rules.size(); i++) {
        String rat = at + ".tool.driver.rules[" + i + "]";
        String id = checkRule(rules.get(i), rat, out);
        if (ruleIds.contains(id)) {
          out.add(rat + ".id duplicates rule " + id);
        }
        ruleIds.add(id);
      }
    }

    JsonNode results = run.get("results");
    if (results == null || !results.isArray()) {
      out.add(at + ".results missing (upload-sarif: Missing 'results' array in run)");
      return;
    }
    if (results.size() > MAX_RESULTS) {
      out.add(at + ".results has " + results.size() + " results, max " + MAX_RESULTS);
    }
    if (!results.isEmpty() && ruleIds.isEmpty()) {
      out.add(at + ".tool.driver.rules is empty but there are results");
    }
    Map<Path, Integer> lineCounts = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      checkResult(
          results.get(i),
          at + ".results[" + i + "]",
          ruleIds,
          repoRoot,
          lineCounts,
          allowSuppressed,
          out);
    }
  }

  private static String checkRule(JsonNode rule, String at, List<String> out) {
    String id = rule.path("id").asText("");
    if (id.isBlank()) {
      out.add(at + ".id missing");
    }
    if (rule.path("name").asText("").length() > MAX_NAME) {
      out.add(at + ".name longer than " + MAX_NAME);
    }
    for (String d : List.of("shortDescription", "fullDescription")) {
      String text = rule.path(d).path("text").asText("");
      if (text.isBlank()) {
        out.add(at + "." + d + ".text missing");
      } else if (text.length() > MAX_DESCRIPTION) {
        out.add(at + "." + d + ".text longer than " + MAX_DESCRIPTION);
      }
    }
    if (rule.path("help").path("text").asText("").isBlank()) {
      out.add(at + ".help.text missing");
    }
    if (rule.has("helpUri")) {
      String uri = rule.get("helpUri").asText("");
      if (!isAbsoluteHttpUri(uri)) {
        out.add(at + ".helpUri is not an absolute http(s) URI: " + uri);
      }
    }
    JsonNode level = rule.path("defaultConfiguration").path("level");
    if (!level.isMissingNode() && !RULE_LEVELS.contains(level.asText())) {
      out.add(at + ".defaultConfiguration.level invalid: " + level);
    }
    JsonNode props = rule.path("properties");
    Set<String> tags = new HashSet<>();
    JsonNode tagNode = props.path("tags");
    if (!tagNode.isMissingNode()) {
      if (!tagNode.isArray()) {
        out.add(at + ".properties.tags must be an array");
      } else {
        for (JsonNode t : tagNode) {
          if (!t.isTextual() || !tags.add(t.asText())) {
            out.add(at + ".properties.tags has a duplicate or non-string tag: " + t);
          }
        }
        if (tags.size() > MAX_TAGS) {
          out.add(at + ".properties.tags has " + tags.size() + " tags, max " + MAX_TAGS);
        }
      }
    }
    JsonNode precision = props.path("precision");
    if (!precision.isMissingNode() && !PRECISIONS.contains(precision.asText())) {
      out.add(at + ".properties.precision invalid: " + precision);
    }
    JsonNode sev = props.path("security-severity");
    if (!sev.isMissingNode()) {
      checkSecuritySeverity(sev, level.asText(""), at + ".properties.security-severity", out);
      if (!tags.contains("security")) {
        out.add(at + ".properties.tags lacks 'security' though security-severity is set");
      }
    }
    return id;
  }

  /** A string in (0, 10], clear of the band edges, in the band its default level implies. */
  private static void checkSecuritySeverity(
      JsonNode sev, String level, String at, List<String> out) {
    if (!sev.isTextual()) {
      out.add(at + " must be a string, is " + sev);
      return;
    }
    double v;
    try {
      v = Double.parseDouble(sev.asText());
    } catch (NumberFormatException e) {
      out.add(at + " is not a number: " + sev);
      return;
    }
    if (!(v >= 0.1 && v <= 10.0)) {
      out.add(at + " outside 0.1..10.0: " + v);
      return;
    }
    if ((v > 3.9 && v < 4.0) || (v > 6.9 && v < 7.0) || (v > 8.9 && v <= 9.0)) {
      out.add(at + " is on an ambiguous band edge: " + v);
    }
    String band = v > 9.0 ? "critical" : v >= 7.0 ? "high" : v >= 4.0 ? "medium" : "low";
    boolean consistent =
        switch (level) {
          case "error" -> band.equals("critical") || band.equals("high");
          case "warning" -> band.equals("medium");
          case "note" -> band.equals("low");
          default -> true;
        };
    if (!consistent) {
      out.add(at + " " + v + " (" + band + ") does not match default level " + level);
    }
  }

  private static void checkResult(
      JsonNode r,
      String at,
      List<String> ruleIds,
      Path repoRoot,
      Map<Path, Integer> lineCounts,
      boolean allowSuppressed,
      List<String> out) {
    String ruleId = r.path("ruleId").asText("");
    if (ruleId.isEmpty()) {
      out.add(at + ".ruleId missing");
    } else if (!ruleIds.contains(ruleId)) {
      out.add(at + ".ruleId " + ruleId + " is not a rule of the driver");
    }
    if (r.has("ruleIndex")) {
      int index = r.get("ruleIndex").asInt(-1);
      if (index < 0 || index >= ruleIds.size() || !ruleIds.get(index).equals(ruleId)) {
        out.add(at + ".ruleIndex " + r.get("ruleIndex") + " does not point at " + ruleId);
      }
    }
    if (r.has("level") && !RESULT_LEVELS.contains(r.get("level").asText())) {
      out.add(at + ".level invalid: " + r.get("level"));
    }
    if (r.path("message").path("text").asText("").isBlank()) {
      out.add(at + ".message.text missing");
    }
    if (r.has("partialFingerprints")) {
      out.add(at + ".partialFingerprints present: leave them to upload-sarif");
    }
    if (!allowSuppressed && !r.path("suppressions").isEmpty()) {
      out.add(at + ".suppressions present: suppressed results must not reach GitHub");
    }
    checkFixes(r.path("fixes"), at + ".fixes", out);
    JsonNode locations = r.path("locations");
    if (!locations.isArray() || locations.size() != 1) {
      out.add(at + ".locations must hold exactly one location, has " + locations.size());
      return;
    }
    JsonNode physical = locations.get(0).path("physicalLocation");
    String uri = physical.path("artifactLocation").path("uri").asText("");
    JsonNode region = physical.path("region");
    if (region.isMissingNode()) {
      out.add(at + ".locations[0].physicalLocation.region missing");
      return;
    }
    int startLine = region.path("startLine").asInt(0);
    if (repoRoot != null && startLine >= 1 && isRelative(uri)) {
      Path file = repoRoot.resolve(decode(uri));
      if (!Files.isRegularFile(file)) {
        out.add(at + ": " + uri + " is not a file under the repository root");
      } else {
        int lines = lineCounts.computeIfAbsent(file, GitHubSarifChecks::countLines);
        if (startLine > lines) {
          out.add(at + ": startLine " + startLine + " beyond the " + lines + " lines of " + uri);
        }
      }
    }
  }

  private static void checkFixes(JsonNode fixes, String at, List<String> out) {
    for (int i = 0; i < fixes.size(); i++) {
      JsonNode changes = fixes.get(i).path("artifactChanges");
      if (!changes.isArray() || changes.isEmpty()) {
        out.add(at + "[" + i + "].artifactChanges must be a non-empty array");
        continue;
      }
      for (JsonNode c : changes) {
        if (!c.path("replacements").isArray() || c.path("replacements").isEmpty()) {
          out.add(at + "[" + i + "].artifactChanges[].replacements must be non-empty");
        }
      }
    }
  }

  /** Every {@code artifactLocation} and its {@code region} anywhere in the log. */
  private static void checkArtifactLocations(
      JsonNode node, String at, Path repoRoot, List<String> out) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkArtifactLocations(node.get(i), at + "[" + i + "]", repoRoot, out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("artifactLocation")) {
      checkUri(node.get("artifactLocation").path("uri").asText(""), at, out);
      JsonNode region = node.path("region");
      if (region.isMissingNode() || region.path("startLine").asInt(0) < 1) {
        out.add(at + ".region.startLine must be >= 1");
      }
      int startLine = region.path("startLine").asInt(1);
      for (String f : List.of("startColumn", "endLine", "endColumn")) {
        if (region.has(f) && region.get(f).asInt(0) < 1) {
          out.add(at + ".region." + f + " must be >= 1");
        }
      }
      if (region.has("endLine") && region.get("endLine").asInt() < startLine) {
        out.add(at + ".region.endLine before startLine");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      checkArtifactLocations(e.getValue(), at + "." + e.getKey(), repoRoot, out);
    }
  }

  private static void checkUri(String uri, String at, List<String> out) {
    if (uri.isEmpty()) {
      out.add(at + ".artifactLocation.uri missing");
      return;
    }
    if (!isRelative(uri)) {
      out.add(at + ".artifactLocation.uri must be repo-relative with forward slashes: " + uri);
    }
    try {
      new URI(uri);
    } catch (URISyntaxException e) {
      out.add(at + ".artifactLocation.uri is not a valid URI reference: " + uri);
    }
  }

  /** Relative, forward slashes, no scheme or colon, no {@code ..}, not rooted. */
  static boolean isRelative(String uri) {
    if (uri.isEmpty() || uri.startsWith("/") || uri.contains("\\") || uri.contains(":")) {
      return false;
    }
    for (String segment : decode(uri).split("/", -1)) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String decode(String uri) {
    return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean isAbsoluteHttpUri(String s) {
    try {
      URI u = new URI(s);
      return u.isAbsolute()
          && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
          && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Lines as an editor counts them: LF, CRLF and CR end a line; a last line needs no end. */
  /** Lines of a file as GitHub counts them: LF, CRLF and lone CR end a line. */
  public static int countLines(Path file) {
    try {
      byte[] b = Files.readAllBytes(file);
      int lines = 0;
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) {
          lines++;
        }
      }
      if (b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r') {
        lines++;
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
