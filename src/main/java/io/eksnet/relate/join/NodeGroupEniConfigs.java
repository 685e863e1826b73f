package io.eksnet.relate.join;

import io.eksnet.model.Location;
import io.eksnet.model.NodeGroup;
import io.eksnet.relate.terraform.CniConfig;
import java.util.List;

/**
 * The ENIConfig the nodes of a node group select in each zone of its subnets, as the VPC CNI
 * selects it ({@link EniConfigSelection}), in the order of its subnets. One fact per node group
 * whose subnets and their zones are all in the scan and whose nodes' choice is known everywhere;
 * only with custom networking on, when the scan holds ENIConfigs and the vpc-cni add-on does not
 * create them itself ({@code eniConfig} in its configuration).
 */
public final class NodeGroupEniConfigs {

  /** The nodes of one subnet's zone select the ENIConfig of this name, as {@code how} says. */
  public record Choice(String zone, String name, String how) {}

  private final NodeGroup nodeGroup;
  private final List<Choice> choices;
  private final CniConfig cni;

  NodeGroupEniConfigs(NodeGroup nodeGroup, List<Choice> choices, CniConfig cni) {
    this.nodeGroup = nodeGroup;
    this.choices = List.copyOf(choices);
    this.cni = cni;
  }

  public NodeGroup getNodeGroup() {
    return nodeGroup;
  }

  /** One per subnet of the node group, in its order. */
  public List<Choice> getChoices() {
    return choices;
  }

  /** Where custom networking is turned on. */
  public Location switchLocation() {
    return cni.settingLocation("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG");
  }

  /** {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true in ...}, for messages. */
  public String describeSwitch() {
    return cni.describeSetting("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG");
  }
}
