package io.eksnet.model;

import java.util.List;

/**
 * A {@code SecurityGroupPolicy} ({@code vpcresources.k8s.aws/v1beta1}): security groups for the
 * pods it selects (by pod labels, or by service-account labels), applied by the VPC resource
 * controller through branch ENIs when {@code ENABLE_POD_ENI=true}.
 */
@PublicFact(
    "A `SecurityGroupPolicy` (`vpcresources.k8s.aws`): security groups for the pods it selects; its selectors are internal, the object's members are public.")
public final class SecurityGroupPolicy extends K8sObject {

  private final LabelSelector podSelector;
  private final boolean serviceAccountSelector;
  private final List<String> groupIds;

  public SecurityGroupPolicy(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      LabelSelector podSelector,
      boolean serviceAccountSelector,
      List<String> groupIds) {
    super(file, root, defaultNamespace);
    this.podSelector = podSelector;
    this.serviceAccountSelector = serviceAccountSelector;
    this.groupIds = List.copyOf(groupIds);
  }

  /** {@code spec.podSelector}; {@link LabelSelector#NONE} when absent. */
  public LabelSelector getPodSelector() {
    return podSelector;
  }

  /** True when pods are (also) selected by their service account's labels. */
  public boolean hasServiceAccountSelector() {
    return serviceAccountSelector;
  }

  /** {@code spec.securityGroups.groupIds} as written. */
  public List<String> getGroupIds() {
    return groupIds;
  }

  /** The {@code groupIds} list, or the {@code securityGroups} block, or the object. */
  public Location groupsLocation() {
    return at("spec", "securityGroups", "groupIds");
  }

  /** {@code sg-1, sg-2} for messages. */
  public String describeGroups() {
    return String.join(", ", groupIds);
  }
}
