package io.eksnet.relate;

import io.eksnet.model.NodeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Relation facts over Terraform resources, computed over one {@link TerraformIndex} (maps keyed by
 * file and address, never a pairwise loop over two large sets). The work is split by concern: VPC
 * routing and NAT placement ({@link RoutingRelations}), node group and subnet IP capacity, prefix
 * blocks and max pods ({@link CapacityRelations}), and subnet and service CIDR overlaps and the
 * network of each vpc-cni add-on ({@link CidrRelations}); the node groups' subnets are listed here.
 */
public final class TerraformRelations {

  private TerraformRelations() {}

  /** The relation facts of the Terraform resources among {@code facts}. */
  public static List<Object> compute(List<?> facts) {
    TerraformIndex t = new TerraformIndex(facts);
    List<Object> out = new ArrayList<>();
    if (t.byKey.isEmpty()) {
      return out;
    }
    Map<String, SubnetRouting> routing = RoutingRelations.routing(t, facts);
    out.addAll(routing.values());
    RoutingRelations.natPlacements(facts, routing, out);
    for (NodeGroup g : t.nodeGroups) {
      out.add(new NodeGroupSubnets(g, t.subnetsOf(g), routing));
    }
    CapacityRelations.compute(t, facts, out);
    CidrRelations.compute(t, facts, out);
    return out;
  }
}
