package io.eksnet.relate;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.EksAddon;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Namespace;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.PodSource;
import io.eksnet.model.Service;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the relation facts the rules match on, with indexes (never a pairwise loop over two
 * large fact sets). The loaded facts go into one typed {@link FactStore}; each {@link
 * RelationProvider} below declares the fact types it reads and produces, and runs after the
 * providers that produce what it reads (so no step depends on the order of a list). The work itself
 * is split by concern: {@link ServiceRelations}, {@link IngressRelations}, {@link PolicyRelations},
 * {@link ClusterRelations}, and the Terraform and manifest-with-Terraform relations ({@link
 * TerraformRelations}, {@link JoinRelations}).
 */
public final class Relations {

  private Relations() {}

  /** The providers, in a valid order (the run re-checks it against the declarations). */
  static final List<RelationProvider> PROVIDERS =
      List.of(
          provider(
              "services",
              Set.of(Workload.class, Service.class),
              Set.of(
                  Selects.class,
                  ServiceBackends.class,
                  ServicePortTarget.class,
                  NearestWorkload.class),
              (in, out) ->
                  ServiceRelations.serviceBackends(in.all(Service.class), labels(in), out)),
          provider(
              "ingresses",
              Set.of(
                  Ingress.class,
                  IngressClass.class,
                  IngressClassParams.class,
                  Service.class,
                  Namespace.class),
              Set.of(
                  BackendRef.class,
                  AlbIngress.class,
                  ClassParamsReference.class,
                  AppliedClassParams.class,
                  AlbIngressNamespace.class),
              (in, out) ->
                  IngressRelations.ingressBackends(
                      in.all(Ingress.class),
                      in.all(IngressClass.class),
                      in.all(IngressClassParams.class),
                      in.all(Service.class),
                      namespaces(in),
                      out)),
          provider(
              "dns-providers",
              Set.of(CiliumPolicy.class, Workload.class),
              Set.of(DnsProxyProvider.class),
              (in, out) ->
                  PolicyRelations.dnsProviders(
                      in.all(CiliumPolicy.class), in.all(Workload.class), labels(in), out)),
          provider(
              "inventory",
              Set.of(Workload.class, Service.class, Namespace.class),
              Set.of(ScanInventory.class),
              (in, out) ->
                  out.add(
                      ClusterRelations.inventory(
                          in.all(Workload.class), in.all(Service.class), namespaces(in)))),
          provider(
              "policies",
              Set.of(
                  PodSource.class,
                  Service.class,
                  ServiceBackends.class,
                  NetworkPolicy.class,
                  CiliumPolicy.class,
                  Workload.class),
              Set.of(PodsFromElsewhere.class, PolicyTargets.class, FqdnClients.class),
              (in, out) -> {
                Map<Service, ServiceBackends> backends = new IdentityHashMap<>();
                in.all(ServiceBackends.class).forEach(b -> backends.put(b.getService(), b));
                PodOrigins origins =
                    new PodOrigins(
                        in.all(PodSource.class),
                        in.all(Service.class),
                        backends,
                        in.all(NetworkPolicy.class),
                        labels(in));
                origins.services(out);
                PolicyRelations.policyTargets(
                    in.all(NetworkPolicy.class),
                    in.all(CiliumPolicy.class),
                    in.all(Workload.class),
                    labels(in),
                    origins,
                    out);
              }),
          provider(
              "kube-proxy",
              Set.of(ConfigMap.class, EksAddon.class),
              Set.of(KubeProxyConfig.class),
              (in, out) -> {
                ClusterRelations.kubeProxy(in.all(ConfigMap.class), out);
                // the mode from Terraform counts the same: whichever side gives it
                for (EksAddon a : in.all(EksAddon.class)) {
                  KubeProxyConfig k = KubeProxyConfig.ofAddon(a);
                  if (k != null) {
                    out.add(k);
                  }
                }
              }),
          provider(
              "alb-targets",
              Set.of(BackendRef.class, ServiceBackends.class, Service.class, ScanInventory.class),
              Set.of(AlbServed.class, AlbHealthCheck.class, IpTargetNamespace.class),
              (in, out) -> {
                Map<Service, ServiceBackends> backends = new IdentityHashMap<>();
                in.all(ServiceBackends.class).forEach(b -> backends.put(b.getService(), b));
                IngressRelations.albTargets(
                    in.all(BackendRef.class),
                    backends,
                    in.all(Service.class),
                    in.one(ScanInventory.class),
                    out);
              }),
          provider(
              "egress",
              Set.of(NetworkPolicy.class, CiliumPolicy.class, Thresholds.class),
              Set.of(EgressReach.class),
              (in, out) ->
                  PolicyRelations.egressReach(
                      in.all(NetworkPolicy.class),
                      in.all(CiliumPolicy.class),
                      thresholds(in).get("egressExceptHolePrefix"),
                      out)),
          provider(
              "terraform",
              Set.of(TerraformResource.class, Workload.class, Thresholds.class),
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
              (in, out) -> out.addAll(TerraformRelations.compute(in.loaded()))),
          provider(
              "join",
              Set.of(
                  K8sObject.class,
                  TerraformResource.class,
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
                  EniConfigCoverageGap.class,
                  PodEgressRouteGap.class,
                  LbSubnetDiscovery.class,
                  LbSubnetAnnotation.class,
                  LbBackendAccess.class,
                  SourceEgressGap.class,
                  DbAccessGap.class),
              (in, out) -> {
                List<Object> derived = new ArrayList<>();
                derived.addAll(in.all(SubnetRouting.class));
                derived.addAll(in.all(AlbIngress.class));
                derived.addAll(in.all(BackendRef.class));
                derived.addAll(in.all(ServiceBackends.class));
                derived.addAll(in.all(AppliedClassParams.class));
                out.addAll(JoinRelations.compute(in.loaded(), derived));
              }),
          provider(
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
              }));

  /** The derived facts for these loaded facts. */
  public static List<Object> compute(List<?> facts) {
    FactStore store = new FactStore(facts);
    for (RelationProvider p : ordered(PROVIDERS)) {
      List<Object> out = new ArrayList<>();
      p.compute(store.new View(p), out);
      for (Object f : out) {
        if (p.produces().stream().noneMatch(t -> t.isInstance(f))) {
          throw new IllegalStateException(
              p.name() + " produced " + f.getClass().getSimpleName() + " without declaring it");
        }
      }
      store.add(out);
    }
    return new ArrayList<>(store.derived());
  }

  /**
   * The providers so that each runs after every other provider that produces a type it reads,
   * keeping the given order where the declarations leave it free.
   */
  static List<RelationProvider> ordered(List<RelationProvider> providers) {
    List<RelationProvider> left = new ArrayList<>(providers);
    List<RelationProvider> out = new ArrayList<>();
    while (!left.isEmpty()) {
      RelationProvider next = null;
      for (RelationProvider p : left) {
        if (left.stream().noneMatch(q -> q != p && feeds(q, p))) {
          next = p;
          break;
        }
      }
      if (next == null) {
        throw new IllegalStateException("relation providers read each other's facts: " + left);
      }
      left.remove(next);
      out.add(next);
    }
    return out;
  }

  /** True when {@code from} produces a type that {@code to} reads. */
  static boolean feeds(RelationProvider from, RelationProvider to) {
    for (Class<?> made : from.produces()) {
      for (Class<?> read : to.reads()) {
        if (read.isAssignableFrom(made) || made.isAssignableFrom(read)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The workloads' label index, built once per run. */
  private static LabelIndex labels(FactStore.View in) {
    return in.shared(LabelIndex.class, () -> new LabelIndex(in.all(Workload.class)));
  }

  /** The Namespace objects by name (the first of a name). */
  private static Map<String, Namespace> namespaces(FactStore.View in) {
    Map<String, Namespace> out = new TreeMap<>();
    for (Namespace n : in.all(Namespace.class)) {
      out.putIfAbsent(n.getName(), n);
    }
    return out;
  }

  private static Thresholds thresholds(FactStore.View in) {
    Thresholds t = in.one(Thresholds.class);
    return t != null ? t : new Thresholds(Map.of());
  }

  private interface Body {
    void compute(FactStore.View in, List<Object> out);
  }

  private static RelationProvider provider(
      String name, Set<Class<?>> reads, Set<Class<?>> produces, Body body) {
    return new RelationProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<Class<?>> reads() {
        return reads;
      }

      @Override
      public Set<Class<?>> produces() {
        return produces;
      }

      @Override
      public void compute(FactStore.View in, List<Object> out) {
        body.compute(in, out);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
