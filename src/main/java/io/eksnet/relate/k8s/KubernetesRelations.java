package io.eksnet.relate.k8s;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.EksAddon;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Namespace;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.PodSource;
import io.eksnet.model.Service;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Workload;
import io.eksnet.relate.FactStore;
import io.eksnet.relate.RelationProvider;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The relations among Kubernetes objects, as relation providers: Service → workload ({@link
 * ServiceRelations}), Ingress → Service → port and the ALB's targets ({@link IngressRelations}),
 * network policies ({@link PolicyRelations}, {@link PodOrigins}) and cluster-wide settings ({@link
 * ClusterRelations}).
 */
public final class KubernetesRelations {

  private KubernetesRelations() {}

  /** The providers, in a valid order. */
  public static final List<RelationProvider> PROVIDERS =
      List.of(
          RelationProvider.of(
              "services",
              Set.of(Workload.class, Service.class, ConfigMap.class),
              Set.of(
                  Selects.class,
                  ServiceBackends.class,
                  ServicePortTarget.class,
                  NearestWorkload.class),
              (in, out) ->
                  ServiceRelations.serviceBackends(
                      in.all(Service.class), labels(in), in.all(ConfigMap.class), out)),
          RelationProvider.of(
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
          RelationProvider.of(
              "dns-providers",
              Set.of(CiliumPolicy.class, Workload.class),
              Set.of(DnsProxyProvider.class),
              (in, out) ->
                  PolicyRelations.dnsProviders(
                      in.all(CiliumPolicy.class), in.all(Workload.class), labels(in), out)),
          RelationProvider.of(
              "inventory",
              Set.of(Workload.class, Service.class, Namespace.class),
              Set.of(ScanInventory.class),
              (in, out) ->
                  out.add(
                      ClusterRelations.inventory(
                          in.all(Workload.class), in.all(Service.class), namespaces(in)))),
          RelationProvider.of(
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
          RelationProvider.of(
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
          RelationProvider.of(
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
          RelationProvider.of(
              "egress",
              Set.of(NetworkPolicy.class, CiliumPolicy.class, Thresholds.class),
              Set.of(EgressReach.class),
              (in, out) ->
                  PolicyRelations.egressReach(
                      in.all(NetworkPolicy.class),
                      in.all(CiliumPolicy.class),
                      thresholds(in).get("egressExceptHolePrefix"),
                      out)));

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
}
