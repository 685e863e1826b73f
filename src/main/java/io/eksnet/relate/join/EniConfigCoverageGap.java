package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;
import io.eksnet.relate.terraform.CniConfig;
import java.util.List;

/**
 * A node group with nodes in availability zones whose ENIConfig, as the VPC CNI selects it ({@link
 * EniConfigSelection}), is not among the scan's ENIConfigs while custom networking is on.
 */
public final class EniConfigCoverageGap {

  private final NodeGroup nodeGroup;
  private final List<String> missingAzs;
  private final List<String> missingNames;
  private final List<String> present;
  private final String selection;
  private final CniConfig cni;

  public EniConfigCoverageGap(
      NodeGroup nodeGroup,
      List<String> missingAzs,
      List<String> missingNames,
      List<String> present,
      String selection,
      CniConfig cni) {
    this.nodeGroup = nodeGroup;
    this.missingAzs = List.copyOf(missingAzs);
    this.missingNames = List.copyOf(missingNames);
    this.present = List.copyOf(present);
    this.selection = selection;
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

  /** The ENIConfig names those nodes look for. */
  public List<String> getMissingNames() {
    return missingNames;
  }

  /** {@code ENIConfig eu-west-1c} or {@code ENIConfigs eu-west-1c, eu-west-1d}, for messages. */
  public String describeMissingNames() {
    return (missingNames.size() == 1 ? "ENIConfig " : "ENIConfigs ")
        + String.join(", ", missingNames);
  }

  /** The ENIConfigs the scan has, for messages. */
  public String describePresent() {
    return present.isEmpty() ? "none" : String.join(", ", present);
  }

  /** How the nodes select their ENIConfig ({@code by their zone label (...)}). */
  public String getSelection() {
    return selection;
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
