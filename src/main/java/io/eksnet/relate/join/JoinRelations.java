package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.EksAddon;
import io.eksnet.model.K8sObject;
import io.eksnet.model.NodePoolNodes;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Workload;
import io.eksnet.relate.RelationProvider;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.k8s.AppliedClassParams;
import io.eksnet.relate.k8s.BackendRef;
import io.eksnet.relate.k8s.ServiceBackends;
import io.eksnet.relate.terraform.CniConfig;
import io.eksnet.relate.terraform.SubnetRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The join, then the CNI settings when the join has not tied them to one cluster, then the
   * custom-networking pod subnets' demand ({@link PodSubnetRelations}).
   */
  public static final List<RelationProvider> PROVIDERS =
      List.of(
          RelationProvider.of(
              "join",
              Set.of(
                  K8sObject.class,
                  TerraformResource.class,
                  NodePoolNodes.class,
                  SubnetRouting.class,
                  AlbIngress.class,
                  BackendRef.class,
                  ServiceBackends.class,
                  AppliedClassParams.class),
              Set.of(
                  CniConfig.class,
                  CniSettingBothSides.class,
                  PodEniSupport.class,
                  EniConfigSubnet.class,
                  EniConfigGroup.class,
                  EniConfigNodeZones.class,
                  NodeGroupEniConfigs.class,
                  PodEgressRoute.class,
                  LbSubnetDiscovery.class,
                  LbSubnetEntry.class,
                  LbBackendAccess.class,
                  SecurityGroupEgress.class,
                  DatabaseClient.class,
                  DatabaseAccess.class),
              (in, out) -> {
                List<Object> derived = new ArrayList<>();
                derived.addAll(in.all(SubnetRouting.class));
                derived.addAll(in.all(AlbIngress.class));
                derived.addAll(in.all(BackendRef.class));
                derived.addAll(in.all(ServiceBackends.class));
                derived.addAll(in.all(AppliedClassParams.class));
                List<Object> facts = new ArrayList<>(in.loaded());
                facts.addAll(in.all(NodePoolNodes.class)); // Karpenter NodePools as node groups
                out.addAll(JoinRelations.compute(facts, derived));
              }),
          RelationProvider.of(
              "cni-fallback",
              Set.of(Workload.class, EksAddon.class, CniConfig.class),
              Set.of(CniConfig.class),
              (in, out) -> {
                // when the join has not tied the add-on and the DaemonSet to one cluster
                if (in.all(CniConfig.class).isEmpty()) {
                  CniConfig cni = CniRelations.fallback(in.loaded());
                  if (cni != null) {
                    out.add(cni);
                  }
                }
              }),
          PodSubnetRelations.PROVIDER);

  /** The join facts; empty unless the scan holds both manifests and Terraform resources. */
  static List<Object> compute(List<?> facts, List<Object> derived) {
    JoinIndex j = new JoinIndex(facts, derived);
    List<Object> out = new ArrayList<>();
    if (!j.hasBothSides()) {
      return out;
    }
    EniConfigRelations.subnets(j, out);
    EniConfigRelations.securityGroups(j, out);
    Map<Database, List<DatabaseClient>> clients = DatabaseRelations.clients(j);
    clients.values().forEach(out::addAll);
    if (!j.scoped()) {
      return out;
    }
    if (j.cni() != null) {
      out.add(j.cni());
      CniRelations.conflicts(j, out);
      EniConfigRelations.zones(j, out);
      EniConfigRelations.coverage(j, out);
      EniConfigRelations.egressRoutes(j, out);
    }
    CniRelations.podEniSupport(j, out);
    LbSubnetRelations.compute(j, derived, out);
    NetworkIdentities identities = new NetworkIdentities(j);
    LbBackendRelations.compute(j, identities, out);
    DatabaseRelations.compute(j, identities, clients, out);
    return out;
  }
}
