package io.eksnet.relate;

import java.util.ArrayList;
import java.util.List;

/**
 * Relation facts that join the manifests with the Terraform, computed over one {@link JoinIndex}
 * (maps, never a pairwise loop over two large sets). The work is split by concern: ENIConfigs and
 * custom networking ({@link EniConfigRelations}), the VPC CNI settings and security groups for pods
 * ({@link CniRelations}), load balancer subnets ({@link LbSubnetRelations}), and security group
 * reachability from load balancers to their targets ({@link LbBackendRelations}) and from pods to
 * RDS ({@link DatabaseRelations}), both over the node and pod {@link NetworkIdentities}.
 *
 * <p>Manifests name no cluster, so they are joined with the Terraform only when the Terraform of
 * the scan describes one EKS cluster (one cluster name among clusters, node groups and vpc-cni
 * add-ons); only the ENIConfig subnet and security group joins need none. Nothing is produced when
 * either side is missing from the scan.
 */
public final class JoinRelations {

  private JoinRelations() {}

  /** The join facts; empty unless the scan holds both manifests and Terraform resources. */
  static List<Object> compute(List<?> facts, List<Object> derived) {
    JoinIndex j = new JoinIndex(facts, derived);
    List<Object> out = new ArrayList<>();
    if (!j.hasBothSides()) {
      return out;
    }
    EniConfigRelations.subnets(j, out);
    EniConfigRelations.securityGroups(j, out);
    if (!j.scoped()) {
      return out;
    }
    if (j.cni() != null) {
      out.add(j.cni());
      CniRelations.conflicts(j, out);
      EniConfigRelations.coverage(j, out);
      EniConfigRelations.egressRoutes(j, out);
    }
    CniRelations.podEniSupport(j, out);
    LbSubnetRelations.compute(j, derived, out);
    NetworkIdentities identities = new NetworkIdentities(j);
    LbBackendRelations.compute(j, identities, out);
    DatabaseRelations.compute(j, identities, out);
    return out;
  }
}
