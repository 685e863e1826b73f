package io.eksnet.relate.join;

import io.eksnet.model.EniConfig;
import io.eksnet.model.Location;
import io.eksnet.model.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The availability zones whose nodes select an ENIConfig, as the VPC CNI selects it ({@link
 * EniConfigSelection}: by name when nodes select by their zone label, by the node groups' labels
 * otherwise), beside the zone of the ENIConfig's subnet in the Terraform. One fact per ENIConfig
 * that nodes select and whose subnet's zone is known; only with custom networking on.
 */
public final class EniConfigNodeZones {

  private final EniConfig eniConfig;
  private final Subnet subnet;
  private final Map<String, String> selections;

  EniConfigNodeZones(EniConfig eniConfig, Subnet subnet, Map<String, String> selections) {
    this.eniConfig = eniConfig;
    this.subnet = subnet;
    this.selections = new TreeMap<>(selections);
  }

  public EniConfig getEniConfig() {
    return eniConfig;
  }

  /** The ENIConfig's subnet in the Terraform. */
  public Subnet getSubnet() {
    return subnet;
  }

  /** The zone of the subnet. */
  public String getSubnetZone() {
    return subnet.getAvailabilityZone();
  }

  /** The zones whose nodes select the ENIConfig, sorted. */
  public List<String> getNodeZones() {
    return new ArrayList<>(selections.keySet());
  }

  /** The zones whose nodes select it other than the subnet's, for messages. */
  public String describeOtherZones() {
    List<String> out = new ArrayList<>();
    for (String z : selections.keySet()) {
      if (!z.equals(getSubnetZone())) {
        out.add(z);
      }
    }
    return String.join(", ", out);
  }

  /** How the nodes of those zones select it ({@code by their zone label (...)}), for messages. */
  public String describeOtherSelections() {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, String> z : selections.entrySet()) {
      if (!z.getKey().equals(getSubnetZone())) {
        out.add(z.getValue());
      }
    }
    return String.join("; ", out);
  }

  /** The {@code spec.subnet} line. */
  public Location subnetLocation() {
    return eniConfig.at("spec", "subnet");
  }

  /** The subnet resource. */
  public Location relatedLocation() {
    return subnet.getLocation();
  }
}
