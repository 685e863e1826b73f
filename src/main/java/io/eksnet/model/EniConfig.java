package io.eksnet.model;

import java.util.List;

/** A VPC CNI ENIConfig (custom networking): the subnet and security groups for pod ENIs. */
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

  public String getSubnet() {
    return subnet;
  }

  public List<String> getSecurityGroups() {
    return securityGroups;
  }
}
