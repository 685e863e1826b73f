package io.eksnet.relate.terraform;

import io.eksnet.model.NodeGroup;
import io.eksnet.model.NodePoolNodes;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Workload;
import io.eksnet.relate.RelationProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relation facts over Terraform resources, computed over one {@link TerraformIndex} (maps keyed by
 * file and address, never a pairwise loop over two large sets). The work is split by concern: VPC
 * routing and NAT placement ({@link RoutingRelations}), node group and subnet IP capacity, prefix
 * blocks and max pods ({@link CapacityRelations}), and subnet and service CIDR overlaps and the
 * network of each vpc-cni add-on ({@link CidrRelations}); the node groups' subnets are listed here.
 */
public final class TerraformRelations {

  private TerraformRelations() {}

  /** The provider of the Terraform relations. */
  public static final RelationProvider PROVIDER =
      RelationProvider.of(
          "terraform",
          Set.of(TerraformResource.class, NodePoolNodes.class, Workload.class, Thresholds.class),
          Set.of(
              SubnetRouting.class,
              NatPlacement.class,
              NodeGroupSubnets.class,
              NodeGroupCapacity.class,
              SubnetDemand.class,
              SubnetPrefixBlocks.class,
              NodeMaxPods.class,
              SubnetOverlap.class,
              ClusterAddressSpace.class,
              ClusterNetwork.class),
          (in, out) -> {
            // Karpenter NodePools, read as node groups, join the loaded node groups
            List<Object> facts = new ArrayList<>(in.loaded());
            facts.addAll(in.all(NodePoolNodes.class));
            out.addAll(TerraformRelations.compute(facts));
          });

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
