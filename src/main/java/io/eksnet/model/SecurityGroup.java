package io.eksnet.model;

import java.util.List;

/** An {@code aws_security_group} with its inline {@code ingress} and {@code egress} rules. */
public final class SecurityGroup extends TerraformResource {

  private final String id;
  private final String groupName;
  private final TfRefs vpc;
  private final List<SgRule> rules;
  private final boolean inlineRulesKnown;

  public SecurityGroup(
      Header h,
      String id,
      String groupName,
      TfRefs vpc,
      List<SgRule> rules,
      boolean inlineRulesKnown) {
    super(h);
    this.id = id;
    this.groupName = groupName;
    this.vpc = vpc;
    this.rules = List.copyOf(rules);
    this.inlineRulesKnown = inlineRulesKnown;
  }

  public String getId() {
    return id;
  }

  /** {@code name} (or {@code name_prefix}); null when unknown. */
  public String getGroupName() {
    return groupName;
  }

  public TfRefs getVpc() {
    return vpc;
  }

  /** Inline rules (ingress and egress). */
  public List<SgRule> getRules() {
    return rules;
  }

  /** False when the inline rule blocks are unknown until apply. */
  public boolean isInlineRulesKnown() {
    return inlineRulesKnown;
  }
}
