package io.eksnet.engine;

import io.eksnet.finding.Finding;
import io.eksnet.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The {@code findings} global of every rule. A consequence passes the rule, the location and the
 * message arguments; id, severity and message template come from the rule's own metadata.
 */
public final class FindingSink {

  private final Map<String, RuleInfo> rulesByName;
  private final List<Finding> findings = new ArrayList<>();

  FindingSink(Map<String, RuleInfo> rulesByName) {
    this.rulesByName = rulesByName;
  }

  /** Reports with the rule's {@code @message}. */
  public void report(Rule rule, Location where, Object... args) {
    reportVariant(rule, "message", where, args);
  }

  /** Reports with another message template of the rule, e.g. {@code @messageSingleReplica}. */
  public void reportVariant(Rule rule, String messageKey, Location where, Object... args) {
    add(rule, messageKey, where, List.of(), args);
  }

  /** Reports with a second place the message talks about (SARIF related location). */
  public void reportRelated(Rule rule, Location where, Location related, Object... args) {
    add(rule, "message", where, related == null ? List.of() : List.of(related), args);
  }

  /** Reports with another message template and a second place (SARIF related location). */
  public void reportVariantRelated(
      Rule rule, String messageKey, Location where, Location related, Object... args) {
    add(rule, messageKey, where, related == null ? List.of() : List.of(related), args);
  }

  private void add(
      Rule rule, String messageKey, Location where, List<Location> related, Object[] args) {
    RuleInfo info = rulesByName.get(rule.getName());
    if (info == null) {
      throw new IllegalStateException("rule without catalog entry: " + rule.getName());
    }
    String template = info.messages().get(messageKey);
    if (template == null) {
      throw new IllegalStateException(info.id() + " has no @" + messageKey);
    }
    findings.add(
        new Finding(
            info.id(), info.severityOf(messageKey), format(template, args), where, related, null));
  }

  /** Replaces {@code {0}}, {@code {1}}… with the arguments; no other syntax, so quotes are safe. */
  static String format(String template, Object... args) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > i + 1) {
        String n = template.substring(i + 1, close);
        if (n.chars().allMatch(Character::isDigit) && n.length() < 3) {
          int idx = Integer.parseInt(n);
          sb.append(idx < args.length ? String.valueOf(args[idx]) : "{" + n + "}");
          i = close;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  List<Finding> findings() {
    return findings;
  }
}
