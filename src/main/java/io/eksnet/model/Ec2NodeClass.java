package io.eksnet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Karpenter {@code EC2NodeClass} ({@code karpenter.k8s.aws/v1}, also {@code v1beta1}): the
 * selector terms of its nodes' subnets and security groups, and the kubelet's max pods where {@code
 * v1} puts it ({@code spec.kubelet.maxPods}).
 */
@PublicFact(
    "A Karpenter `EC2NodeClass` (`karpenter.k8s.aws/v1` or `v1beta1`): subnet and security group selector terms, kubelet max pods (v1).")
public final class Ec2NodeClass extends K8sObject {

  /** The API group. */
  public static final String API_GROUP = "karpenter.k8s.aws";

  /**
   * One selector term: every tag must match (a value {@code *} matches any value), and the id or
   * name when given; the terms of a list are alternatives.
   *
   * @param tags the {@code tags} of the term
   * @param id the {@code id}, or null
   * @param name the {@code name} (security groups), or null
   */
  @PublicFact(
      "A selector term of an EC2NodeClass: every tag must match (EC2 wildcards), and the id or name when given.")
  public record SelectorTerm(
      @FactField("`tags`.") Map<String, String> tags,
      @FactField("`id`, or null.") String id,
      @FactField("`name` (security groups), or null.") String name) {
    public SelectorTerm {
      tags = Map.copyOf(tags);
    }
  }

  private final List<SelectorTerm> subnetTerms;
  private final List<SelectorTerm> securityGroupTerms;
  private final Integer kubeletMaxPods;

  public Ec2NodeClass(String file, Tree.TMap root) {
    super(file, root, "");
    this.subnetTerms = terms(Tree.path(root, "spec", "subnetSelectorTerms"));
    this.securityGroupTerms = terms(Tree.path(root, "spec", "securityGroupSelectorTerms"));
    this.kubeletMaxPods = Quantities.integer(Tree.path(root, "spec", "kubelet", "maxPods"));
  }

  /** The selector terms of a list as written (maps only). */
  static List<SelectorTerm> terms(Tree list) {
    List<SelectorTerm> out = new ArrayList<>();
    for (Tree t : Tree.asList(list)) {
      if (t instanceof Tree.TMap m) {
        out.add(
            new SelectorTerm(
                Tree.stringMap(m.get("tags")), Tree.text(m.get("id")), Tree.text(m.get("name"))));
      }
    }
    return List.copyOf(out);
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  @FactField("`spec.subnetSelectorTerms`.")
  public List<SelectorTerm> getSubnetTerms() {
    return subnetTerms;
  }

  @FactField("`spec.securityGroupSelectorTerms`.")
  public List<SelectorTerm> getSecurityGroupTerms() {
    return securityGroupTerms;
  }

  /** {@code spec.kubelet.maxPods} (v1); null when unset. */
  @FactField("`spec.kubelet.maxPods` (v1); null when unset.")
  public Integer getKubeletMaxPods() {
    return kubeletMaxPods;
  }
}
