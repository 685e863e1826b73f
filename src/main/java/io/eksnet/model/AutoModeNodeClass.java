package io.eksnet.model;

import java.util.List;

/**
 * An EKS Auto Mode {@code NodeClass} ({@code eks.amazonaws.com/v1}): the networking settings of the
 * Auto Mode nodes whose NodePools name it. Its selector terms are read as written (they have the
 * shape of an EC2NodeClass's); the nodes' addressing (prefix delegation by default, max pods capped
 * at 110) is decided by EKS, so eksnet does not count these nodes as a node group.
 */
@PublicFact(
    "An EKS Auto Mode `NodeClass` (`eks.amazonaws.com/v1`): subnet, security group and pod subnet selector terms, network policy default, SNAT policy.")
public final class AutoModeNodeClass extends K8sObject {

  /** The API group. */
  public static final String API_GROUP = "eks.amazonaws.com";

  private final List<Ec2NodeClass.SelectorTerm> subnetTerms;
  private final List<Ec2NodeClass.SelectorTerm> securityGroupTerms;
  private final List<Ec2NodeClass.SelectorTerm> podSubnetTerms;
  private final String networkPolicy;
  private final String networkPolicyEventLogs;
  private final String snatPolicy;

  public AutoModeNodeClass(String file, Tree.TMap root) {
    super(file, root, "");
    this.subnetTerms = Ec2NodeClass.terms(Tree.path(root, "spec", "subnetSelectorTerms"));
    this.securityGroupTerms =
        Ec2NodeClass.terms(Tree.path(root, "spec", "securityGroupSelectorTerms"));
    this.podSubnetTerms = Ec2NodeClass.terms(Tree.path(root, "spec", "podSubnetSelectorTerms"));
    this.networkPolicy = Tree.text(Tree.path(root, "spec", "networkPolicy"));
    this.networkPolicyEventLogs = Tree.text(Tree.path(root, "spec", "networkPolicyEventLogs"));
    this.snatPolicy = Tree.text(Tree.path(root, "spec", "snatPolicy"));
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  @FactField("`spec.subnetSelectorTerms`.")
  public List<Ec2NodeClass.SelectorTerm> getSubnetTerms() {
    return subnetTerms;
  }

  @FactField("`spec.securityGroupSelectorTerms`.")
  public List<Ec2NodeClass.SelectorTerm> getSecurityGroupTerms() {
    return securityGroupTerms;
  }

  @FactField("`spec.podSubnetSelectorTerms` (pods in other subnets than their nodes).")
  public List<Ec2NodeClass.SelectorTerm> getPodSubnetTerms() {
    return podSubnetTerms;
  }

  /** {@code spec.networkPolicy}: {@code DefaultAllow} or {@code DefaultDeny}; null when unset. */
  @FactField(
      "`spec.networkPolicy`: `DefaultAllow` or `DefaultDeny`, what pods no NetworkPolicy selects get; null when unset.")
  public String getNetworkPolicy() {
    return networkPolicy;
  }

  @FactField("`spec.networkPolicyEventLogs`: `Enabled` or `Disabled`; null when unset.")
  public String getNetworkPolicyEventLogs() {
    return networkPolicyEventLogs;
  }

  @FactField("`spec.snatPolicy`: `Random` or `Disabled`; null when unset.")
  public String getSnatPolicy() {
    return snatPolicy;
  }
}
