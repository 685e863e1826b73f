package io.eksnet.relate;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the relation facts the rules match on, with indexes (never a pairwise loop over two
 * large fact sets): Service → workloads, Ingress → ALB, Ingress backend → Service and port,
 * Cilium FQDN policy → the policies that let its DNS through the proxy.
 */
public final class Relations {

  private Relations() {}

  /** The derived facts for these loaded facts. */
  public static List<Object> compute(List<?> facts) {
    List<Workload> workloads = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    List<Ingress> ingresses = new ArrayList<>();
    List<IngressClass> classes = new ArrayList<>();
    List<CiliumPolicy> cilium = new ArrayList<>();
    for (Object f : facts) {
      if (f instanceof Workload w) {
        workloads.add(w);
      } else if (f instanceof Service s) {
        services.add(s);
      } else if (f instanceof Ingress i) {
        ingresses.add(i);
      } else if (f instanceof IngressClass c) {
        classes.add(c);
      } else if (f instanceof CiliumPolicy p) {
        cilium.add(p);
      }
    }
    List<Object> out = new ArrayList<>();
    serviceBackends(services, workloads, out);
    ingressBackends(ingresses, classes, services, out);
    dnsProviders(cilium, out);
    out.addAll(TerraformRelations.compute(facts));
    return out;
  }

  private static void serviceBackends(List<Service> services, List<Workload> workloads, List<Object> out) {
    LabelIndex index = new LabelIndex(workloads);
    for (Service s : services) {
      List<Workload> selected = s.hasSelector() ? index.select(s.getNamespace(), s.getSelector()) : List.of();
      for (Workload w : selected) {
        out.add(new Selects(s, w));
      }
      out.add(new ServiceBackends(s, selected));
    }
  }

  private record NsName(String namespace, String name) {}

  private static void ingressBackends(
      List<Ingress> ingresses, List<IngressClass> classes, List<Service> services, List<Object> out) {
    Map<String, IngressClass> byName = new HashMap<>();
    IngressClass defaultClass = null;
    for (IngressClass c : classes) {
      byName.put(c.getName(), c);
      if (c.isDefaultClass()) {
        defaultClass = c;
      }
    }
    Map<NsName, Service> serviceByName = new HashMap<>();
    for (Service s : services) {
      serviceByName.put(new NsName(s.getNamespace(), s.getName()), s);
    }
    for (Ingress i : ingresses) {
      AlbIngress alb = null;
      if (isAlb(i, byName, defaultClass)) {
        String tt = i.albAnnotation("target-type");
        alb = new AlbIngress(i, tt == null ? "instance" : tt.trim().toLowerCase(Locale.ROOT), tt != null);
        out.add(alb);
      }
      for (Ingress.Backend b : i.getBackends()) {
        Service svc = serviceByName.get(new NsName(i.getNamespace(), b.serviceName()));
        Service.Port port = svc == null ? null : svc.findPort(b.portNumber(), b.portName());
        String targetType = null;
        if (alb != null) {
          String onService = svc == null ? null : svc.annotation(Ingress.ALB_PREFIX + "target-type");
          targetType = onService != null ? onService.trim().toLowerCase(Locale.ROOT) : alb.getTargetType();
        }
        out.add(new BackendRef(i, b, alb, targetType, svc, port));
      }
    }
  }

  /**
   * ALB when the class names an IngressClass of the AWS controller, or — with no such object in
   * the scan — when the class (field or legacy annotation) is {@code alb}, the controller's
   * default class name; an Ingress with no class uses the default IngressClass of the scan.
   */
  static boolean isAlb(Ingress i, Map<String, IngressClass> classes, IngressClass defaultClass) {
    String name = i.getIngressClassName() != null ? i.getIngressClassName() : i.getClassAnnotation();
    if (name == null) {
      return defaultClass != null && defaultClass.isAlb();
    }
    IngressClass c = classes.get(name);
    return c != null ? c.isAlb() : "alb".equals(name);
  }

  private static void dnsProviders(List<CiliumPolicy> policies, List<Object> out) {
    Map<String, List<CiliumPolicy>> providersByNs = new HashMap<>();
    for (CiliumPolicy p : policies) {
      if (p.hasDnsProxyRule()) {
        providersByNs.computeIfAbsent(p.getNamespace(), k -> new ArrayList<>()).add(p);
      }
    }
    for (CiliumPolicy p : policies) {
      CiliumPolicy.EgressRule fq = p.firstFqdnRule();
      if (fq == null || p.hasDnsProxyRule()) {
        continue;
      }
      List<CiliumPolicy> candidates = new ArrayList<>(providersByNs.getOrDefault(p.getNamespace(), List.of()));
      if (!p.getNamespace().isEmpty()) {
        candidates.addAll(providersByNs.getOrDefault("", List.of())); // clusterwide policies
      }
      for (CiliumPolicy c : candidates) {
        if (c.getEgress().stream()
            .anyMatch(r -> r.allowsDnsThroughProxy() && covers(r.endpointSelector(), fq.endpointSelector()))) {
          out.add(new DnsProxyProvider(p, c));
          break;
        }
      }
    }
  }

  /**
   * True when every pod selected by {@code inner} is selected by {@code outer}, judged on
   * matchLabels: an empty outer selector covers all; otherwise its labels must be a subset.
   */
  static boolean covers(LabelSelector outer, LabelSelector inner) {
    if (outer.isEmpty()) {
      return true;
    }
    if (outer.isNone() || inner.isNone() || outer.matchLabels() == null || inner.matchLabels() == null
        || !outer.expressions().isEmpty()) {
      return false;
    }
    Map<String, String> in = stripCiliumPrefixes(inner.matchLabels());
    for (Map.Entry<String, String> e : stripCiliumPrefixes(outer.matchLabels()).entrySet()) {
      if (!e.getValue().equals(in.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Cilium label keys may carry a source prefix ({@code k8s:app}, {@code any:app}). */
  static Map<String, String> stripCiliumPrefixes(Map<String, String> labels) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("k8s:") || k.startsWith("any:")) {
        k = k.substring(4);
      }
      out.put(k, e.getValue());
    }
    return out;
  }
}
