package io.eksnet.model;

import java.util.List;

/**
 * An {@code aws_security_group} or {@code aws_default_security_group} with its inline {@code
 * ingress} and {@code egress} rules.
 *
 * <p>Terraform removes the allow-all egress rule AWS gives a new group, and removes every rule of a
 * default group it adopts, so a direction without inline rules (and without rule resources in the
 * scan) holds no rule at all. Whether the inline rules of a direction are known is tracked per
 * direction: a plan leaves them unknown until apply where the configuration computes them.
 */
@PublicFact(
    "An `aws_security_group` (or the VPC's default group) with its rules from every place Terraform writes them.")
public final class SecurityGroup extends TerraformResource {

  private final String id;
  private final String groupName;
  private final TfRefs vpc;
  private final List<SgRule> rules;
  private final boolean ingressKnown;
  private final boolean egressKnown;
  private final boolean egressInferred;

  /**
   * {@code egressInferred}: the inline egress rules are known to be none only because a plan leaves
   * {@code egress} to the provider (no argument in the configuration), which a {@code dynamic}
   * block whose {@code for_each} is known only at apply would look like too.
   */
  public SecurityGroup(
      Header h,
      String id,
      String groupName,
      TfRefs vpc,
      List<SgRule> rules,
      boolean ingressKnown,
      boolean egressKnown,
      boolean egressInferred) {
    super(h);
    this.id = id;
    this.groupName = groupName;
    this.vpc = vpc;
    this.rules = List.copyOf(rules);
    this.ingressKnown = ingressKnown;
    this.egressKnown = egressKnown;
    this.egressInferred = egressInferred;
  }

  @FactField("`id`; null until apply.")
  public String getId() {
    return id;
  }

  /** {@code name} (or {@code name_prefix}); null when unknown. */
  @FactField("`name` (or `name_prefix`); null when unknown.")
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

  /** False when the inline ingress rules are unknown until apply. */
  public boolean isIngressKnown() {
    return ingressKnown;
  }

  /** See the constructor. */
  public boolean isEgressInferred() {
    return egressInferred;
  }

  /** False when the inline egress rules are unknown until apply. */
  public boolean isEgressKnown() {
    return egressKnown;
  }

  /** True for {@code aws_default_security_group} (a VPC's default group, adopted). */
  @FactField("True for an `aws_default_security_group` (a VPC's default group, adopted).")
  public boolean isDefaultGroup() {
    return "aws_default_security_group".equals(getType());
  }
}
