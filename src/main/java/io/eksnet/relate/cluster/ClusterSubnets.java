package io.eksnet.relate.cluster;

import io.eksnet.model.EksCluster;
import io.eksnet.model.FactField;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Subnet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subnets an EKS cluster names in {@code vpc_config.subnet_ids}, resolved to the scan's
 * subnets, and their availability zones. {@code complete} is false when a subnet is not in the scan
 * or its zone is unknown until apply.
 */
@PublicFact(
    "The subnets an EKS cluster names (`vpc_config.subnet_ids`), resolved in the scan, with their availability zones.")
public record ClusterSubnets(
    @FactField("The cluster.") EksCluster cluster,
    @FactField("Its subnets that the scan holds.") List<Subnet> subnets,
    @FactField("True when every subnet is in the scan with a known availability zone.")
        boolean complete) {

  public ClusterSubnets {
    subnets = List.copyOf(subnets);
  }

  /** The availability zones (names or ids as written) of the subnets. */
  @FactField("The availability zones of the subnets, as written (names or ids).")
  public Set<String> getZones() {
    Set<String> out = new TreeSet<>();
    for (Subnet s : subnets) {
      if (s.getAvailabilityZone() != null) {
        out.add(s.getAvailabilityZone());
      }
    }
    return out;
  }

  @FactField("The number of distinct availability zones.")
  public int getZoneCount() {
    return getZones().size();
  }

  /** {@code aws_subnet.a (eu-west-1a), aws_subnet.b (eu-west-1a)}, for messages. */
  public String describe() {
    List<String> parts =
        subnets.stream()
            .map(s -> s.getDisplayName() + " (" + s.getAvailabilityZone() + ")")
            .toList();
    return String.join(", ", parts);
  }
}
