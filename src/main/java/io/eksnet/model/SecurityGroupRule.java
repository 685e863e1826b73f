package io.eksnet.model;

/**
 * A security group rule as its own resource: {@code aws_security_group_rule}, {@code
 * aws_vpc_security_group_ingress_rule} or {@code aws_vpc_security_group_egress_rule}.
 */
public final class SecurityGroupRule extends TerraformResource {

  private final TfRefs securityGroup;
  private final SgRule rule;

  public SecurityGroupRule(Header h, TfRefs securityGroup, SgRule rule) {
    super(h);
    this.securityGroup = securityGroup;
    this.rule = rule;
  }

  /** The group the rule belongs to. */
  public TfRefs getSecurityGroup() {
    return securityGroup;
  }

  public SgRule getRule() {
    return rule;
  }
}
