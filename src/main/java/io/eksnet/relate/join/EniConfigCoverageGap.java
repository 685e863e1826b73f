package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;
import io.eksnet.relate.terraform.CniConfig;
import java.util.List;

/**
 * A node group with nodes in availability zones that no ENIConfig of the scan serves while custom
 * networking is on: no ENIConfig is named for the AZ and none has a subnet there.
 */
public final class EniConfigCoverageGap {

  private final NodeGroup nodeGroup;
  private final List<String> missingAzs;
  private final List<String> coveredAzs;
  private final CniConfig cni;

  public EniConfigCoverageGap(
      NodeGroup nodeGroup, List<String> missingAzs, List<String> coveredAzs, CniConfig cni) {
    this.nodeGroup = nodeGroup;
    this.missingAzs = List.copyOf(missingAzs);
    this.coveredAzs = List.copyOf(coveredAzs);
    this.cni = cni;
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  public List<String> getMissingAzs() {
    return missingAzs;
  }

  public String describeMissing() {
    return String.join(", ", missingAzs);
  }

  public String describeCovered() {
    return coveredAzs.isEmpty() ? "none" : String.join(", ", coveredAzs);
  }

  public CniConfig getCni() {
    return cni;
  }

  /** Where custom networking is turned on. */
  public Location switchLocation() {
    return cni.settingLocation("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG");
  }

  public String describeSwitch() {
    return cni.describeSetting("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG");
  }
}
