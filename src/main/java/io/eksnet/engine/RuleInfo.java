package io.eksnet.engine;

import io.eksnet.finding.Severity;
import java.util.List;
import java.util.Map;

/**
 * A rule's metadata, read from its Drools annotations ({@code @id}, {@code @name}, {@code
 * @severity}, {@code @summary}, {@code @message}, {@code @remediation}, {@code @tags}, {@code
 * @since}, and the optional {@code @scope}). {@code messages} holds {@code @message} and its
 * variants ({@code @messageXyz}); {@code variantSeverities} the optional {@code @severityXyz} of a
 * variant, by its message key. {@code source} is "built-in" or the user rule file. {@code scope}
 * is {@link #CLUSTER} (the default) or {@link #SCAN}: a rule that judges an absence (no workload
 * has these labels, no Service of this name) speaks only when the whole scan agrees, not only the
 * cluster it looked at (see {@code ClusterScopes}).
 */
public record RuleInfo(
    String id,
    String name,
    Severity severity,
    String summary,
    Map<String, String> messages,
    String remediation,
    List<String> tags,
    String since,
    String source,
    String scope,
    Map<String, Severity> variantSeverities) {

  /** The rule judges each cluster on its own. */
  public static final String CLUSTER = "cluster";

  /** The rule judges an absence: it speaks only when nothing in the whole scan contradicts it. */
  public static final String SCAN = "scan";

  /**
   * What a finding of the rule is about, one of them first in {@code @tags}: {@code security} (an
   * exposure or missing protection: the only kind GitHub code scanning scores with {@code
   * security-severity}), {@code availability} (traffic or pods fail), {@code reliability} (works
   * until scale, a rollout, an upgrade or drift breaks it), {@code performance}, {@code cost}.
   */
  public static final List<String> KINDS =
      List.of("security", "availability", "reliability", "performance", "cost");

  public RuleInfo {
    messages = Map.copyOf(messages);
    tags = List.copyOf(tags);
    scope = scope == null ? CLUSTER : scope;
    variantSeverities = variantSeverities == null ? Map.of() : Map.copyOf(variantSeverities);
  }

  /**
   * The severity of a finding reported with the given message template: {@code @severityXyz} for
   * {@code @messageXyz} where the rule declares one (a form of the finding the scan is less sure
   * of), else the rule's {@code @severity}.
   */
  public Severity severityOf(String messageKey) {
    return variantSeverities.getOrDefault(messageKey, severity);
  }

  /** A cluster-scoped rule whose findings all have its {@code @severity}. */
  public RuleInfo(
      String id,
      String name,
      Severity severity,
      String summary,
      Map<String, String> messages,
      String remediation,
      List<String> tags,
      String since,
      String source) {
    this(
        id, name, severity, summary, messages, remediation, tags, since, source, CLUSTER, Map.of());
  }

  /** The first of {@link #KINDS} among the tags; null when none is. */
  public String kind() {
    for (String t : tags) {
      if (KINDS.contains(t.trim())) {
        return t.trim();
      }
    }
    return null;
  }

  /** True when the rule is tagged {@code security}: its findings are security results. */
  public boolean isSecurity() {
    return tags.stream().anyMatch(t -> t.trim().equals("security"));
  }

  /** True when the rule judges an absence against the whole scan ({@code @scope("scan")}). */
  public boolean judgesAbsence() {
    return SCAN.equals(scope);
  }

  /** This rule with another severity, for every finding (a user's override). */
  public RuleInfo withSeverity(Severity s) {
    return new RuleInfo(
        id, name, s, summary, messages, remediation, tags, since, source, scope, Map.of());
  }

  public String message() {
    return messages.get("message");
  }

  public boolean isBuiltIn() {
    return "built-in".equals(source);
  }

  /** The area from the id, e.g. {@code SVC} for {@code EKS-SVC-001}. */
  public String area() {
    String[] p = id.split("-");
    return p.length >= 3 ? p[1] : "";
  }
}
