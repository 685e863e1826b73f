package io.eksnet.model;

import java.util.List;

/** A VPC CNI ENIConfig (custom networking): the subnet and security groups for pod ENIs. */
@PublicFact(
    "A VPC CNI ENIConfig (`crd.k8s.amazonaws.com/v1alpha1`, custom networking): the subnet and security groups of the pod ENIs of the nodes that select it.")
public final class EniConfig extends K8sObject {

  private final String subnet;
  private final List<String> securityGroups;

  public EniConfig(String file, Tree.TMap root, String subnet, List<String> securityGroups) {
    super(file, root, "");
    this.subnet = subnet;
    this.securityGroups = List.copyOf(securityGroups);
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  @FactField("`spec.subnet`: the id of the pod subnet, as written; null when absent.")
  public String getSubnet() {
    return subnet;
  }

  @FactField("`spec.securityGroups`, as written.")
  public List<String> getSecurityGroups() {
    return securityGroups;
  }
}
