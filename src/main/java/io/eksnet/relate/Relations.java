package io.eksnet.relate;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Namespace;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the relation facts the rules match on, with indexes (never a pairwise loop over two
 * large fact sets). The work is split by concern: {@link ServiceRelations}, {@link
 * IngressRelations}, {@link PolicyRelations}, {@link ClusterRelations}, and the Terraform and
 * manifest-with-Terraform relations ({@link TerraformRelations}, {@link JoinRelations}).
 */
public final class Relations {

  private Relations() {}

  /** The derived facts for these loaded facts. */
  public static List<Object> compute(List<?> facts) {
    List<Workload> workloads = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    List<Ingress> ingresses = new ArrayList<>();
    List<IngressClass> classes = new ArrayList<>();
    List<IngressClassParams> classParams = new ArrayList<>();
    List<CiliumPolicy> cilium = new ArrayList<>();
    List<NetworkPolicy> netpols = new ArrayList<>();
    List<ConfigMap> configMaps = new ArrayList<>();
    List<KubeProxyConfig> proxyAddons = new ArrayList<>();
    List<io.eksnet.model.PodSource> podSources = new ArrayList<>();
    Map<String, Namespace> namespaces = new TreeMap<>();
    Thresholds thresholds = new Thresholds(Map.of());
    for (Object f : facts) {
      if (f instanceof Workload w) {
        workloads.add(w);
      } else if (f instanceof Service s) {
        services.add(s);
      } else if (f instanceof Ingress i) {
        ingresses.add(i);
      } else if (f instanceof IngressClass c) {
        classes.add(c);
      } else if (f instanceof IngressClassParams p) {
        classParams.add(p);
      } else if (f instanceof CiliumPolicy p) {
        cilium.add(p);
      } else if (f instanceof NetworkPolicy p) {
        netpols.add(p);
      } else if (f instanceof ConfigMap c) {
        configMaps.add(c);
      } else if (f instanceof Namespace n) {
        namespaces.putIfAbsent(n.getName(), n);
      } else if (f instanceof io.eksnet.model.PodSource p) {
        podSources.add(p);
      } else if (f instanceof Thresholds t) {
        thresholds = t;
      } else if (f instanceof io.eksnet.model.EksAddon a && KubeProxyConfig.ofAddon(a) != null) {
        proxyAddons.add(KubeProxyConfig.ofAddon(a));
      }
    }
    List<Object> out = new ArrayList<>();
    LabelIndex index = new LabelIndex(workloads);
    Map<Service, ServiceBackends> backends = ServiceRelations.serviceBackends(services, index, out);
    List<BackendRef> refs =
        IngressRelations.ingressBackends(
            ingresses, classes, classParams, services, namespaces, out);
    PolicyRelations.dnsProviders(cilium, workloads, index, out);
    ScanInventory inventory = ClusterRelations.inventory(workloads, services, namespaces);
    out.add(inventory);
    PodOrigins origins = new PodOrigins(podSources, services, backends, netpols, index);
    origins.services(out);
    PolicyRelations.policyTargets(netpols, cilium, workloads, index, origins, out);
    ClusterRelations.kubeProxy(configMaps, out);
    out.addAll(proxyAddons); // the mode from Terraform counts the same: whichever side gives it
    IngressRelations.albTargets(refs, backends, services, inventory, out);
    PolicyRelations.egressReach(netpols, cilium, thresholds.get("egressExceptHolePrefix"), out);
    out.addAll(TerraformRelations.compute(facts));
    out.addAll(JoinRelations.compute(facts, out));
    if (out.stream().noneMatch(o -> o instanceof CniConfig)) {
      CniConfig cni = CniRelations.fallback(facts);
      if (cni != null) {
        out.add(cni);
      }
    }
    return out;
  }
}
