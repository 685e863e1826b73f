package io.eksnet.engine;

import io.eksnet.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;

/**
 * Reads and checks rule metadata. One place for the format so the catalog test and runtime agree.
 */
public final class Metadata {

  /** Rule ids: {@code EKS-<AREA>-<NNN>}; user rules may use their own prefix. */
  public static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-[A-Z]+-[0-9]{3}");

  public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static final List<String> AREAS =
      List.of("IP", "PROXY", "SVC", "LB", "EGRESS", "DNS", "SG", "VPC");

  public static final List<String> REQUIRED =
      List.of("id", "name", "severity", "summary", "message", "remediation", "tags", "since");

  private Metadata() {}

  /** Annotation values as strings, quotes stripped (some Drools build paths keep them). */
  static Map<String, String> strings(Rule rule) {
    return strings(rule.getMetaData());
  }

  /** {@link #strings(Rule)} of a metadata map (a rule of a generated model). */
  static Map<String, String> strings(Map<String, Object> metaData) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : metaData.entrySet()) {
      out.put(e.getKey(), unquote(String.valueOf(e.getValue())));
    }
    return out;
  }

  static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** Every problem with one rule's metadata; empty when it is well-formed. */
  public static List<String> problems(String ruleName, Map<String, String> md, boolean builtIn) {
    List<String> out = new ArrayList<>();
    for (String k : REQUIRED) {
      if (md.get(k) == null || md.get(k).isBlank()) {
        out.add("missing @" + k);
      }
    }
    String id = md.get("id");
    if (id != null && !ID.matcher(id).matches()) {
      out.add("@id '" + id + "' is not of the form PREFIX-AREA-NNN");
    }
    if (id != null && !id.equals(ruleName)) {
      out.add("rule name '" + ruleName + "' differs from @id '" + id + "'");
    }
    if (builtIn && id != null && ID.matcher(id).matches()) {
      String[] p = id.split("-");
      if (!p[0].equals("EKS") || !AREAS.contains(p[1])) {
        out.add("@id '" + id + "' must be EKS-<" + String.join("|", AREAS) + ">-NNN");
      }
    }
    String name = md.get("name");
    if (name != null && !NAME.matcher(name).matches()) {
      out.add("@name '" + name + "' is not kebab-case");
    }
    if (md.get("severity") != null && Severity.parse(md.get("severity")) == null) {
      out.add(
          "@severity '" + md.get("severity") + "' is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
    }
    for (Map.Entry<String, String> e : md.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("severity") && !k.equals("severity")) {
        String variant = "message" + k.substring("severity".length());
        if (!md.containsKey(variant)) {
          out.add("@" + k + " has no @" + variant + " to apply to");
        }
        if (Severity.parse(e.getValue()) == null) {
          out.add(
              "@" + k + " '" + e.getValue() + "' is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
        }
      }
    }
    String tags = md.get("tags");
    if (tags != null && tags.split(",").length > 10) {
      out.add("more than 10 @tags");
    }
    String scope = md.get("scope");
    if (scope != null && !scope.equals(RuleInfo.CLUSTER) && !scope.equals(RuleInfo.SCAN)) {
      out.add("@scope '" + scope + "' is not cluster or scan");
    }
    String summary = md.get("summary");
    if (summary != null && summary.length() > 200) {
      out.add("@summary longer than 200 characters");
    }
    return out;
  }

  /** Builds the RuleInfo; call only when {@link #problems} is empty. */
  static RuleInfo info(Map<String, String> md, String source) {
    Map<String, String> messages = new LinkedHashMap<>();
    Map<String, Severity> variantSeverities = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : md.entrySet()) {
      if (e.getKey().startsWith("message")) {
        messages.put(e.getKey(), e.getValue());
      } else if (e.getKey().startsWith("severity") && !e.getKey().equals("severity")) {
        variantSeverities.put(
            "message" + e.getKey().substring("severity".length()), Severity.parse(e.getValue()));
      }
    }
    List<String> tags = new ArrayList<>();
    for (String t : md.get("tags").split(",")) {
      if (!t.isBlank()) {
        tags.add(t.trim());
      }
    }
    return new RuleInfo(
        md.get("id"),
        md.get("name"),
        Severity.parse(md.get("severity")),
        md.get("summary"),
        messages,
        md.get("remediation"),
        tags,
        md.get("since"),
        source,
        md.get("scope"),
        variantSeverities);
  }
}
