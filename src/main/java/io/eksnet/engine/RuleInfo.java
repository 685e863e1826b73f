package io.eksnet.engine;

import io.eksnet.finding.Severity;
import java.util.List;
import java.util.Map;

/**
 * A rule's metadata, read from its Drools annotations ({@code @id}, {@code @name}, {@code
 * @severity}, {@code @summary}, {@code @message}, {@code @remediation}, {@code @tags}, {@code
 * @since}). {@code messages} holds {@code @message} and its variants ({@code @messageXyz}).
 * {@code source} is "built-in" or the user rule file.
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
    String source) {

  public RuleInfo {
    messages = Map.copyOf(messages);
    tags = List.copyOf(tags);
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
