package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions}. An empty selector
 * selects everything; a null selector (absent) is represented by {@link #NONE}.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

  /** Selects nothing (used where the field is absent and absence means "no pods"). */
  public static final LabelSelector NONE = new LabelSelector(null, List.of());

  /** One {@code matchExpressions} entry. */
  public record Requirement(String key, String operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case "In" -> v != null && values.contains(v);
        case "NotIn" -> v == null || !values.contains(v);
        case "Exists" -> v != null;
        case "DoesNotExist" -> v == null;
        default -> false;
      };
    }
  }

  public LabelSelector {
    matchLabels = matchLabels == null ? null : Map.copyOf(matchLabels);
    expressions = List.copyOf(expressions);
  }

  /** Plain equality selector, as in {@code Service.spec.selector}. */
  public static LabelSelector of(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  public boolean isNone() {
    return matchLabels == null && expressions.isEmpty();
  }

  /** True for {@code {}}: every object in scope. */
  public boolean isEmpty() {
    return matchLabels != null && matchLabels.isEmpty() && expressions.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    if (isNone()) {
      return false;
    }
    if (matchLabels != null) {
      for (Map.Entry<String, String> e : matchLabels.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (Requirement r : expressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** {@code app=web,tier in (a,b)} for messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (matchLabels != null) {
      matchLabels.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  sb.append(sb.isEmpty() ? "" : ",")
                      .append(e.getKey())
                      .append('=')
                      .append(e.getValue()));
    }
    for (Requirement r : expressions) {
      sb.append(sb.isEmpty() ? "" : ",").append(r.key()).append(' ').append(r.operator());
      if (!r.values().isEmpty()) {
        sb.append(" (").append(String.join(",", r.values())).append(')');
      }
    }
    return sb.toString();
  }
}
