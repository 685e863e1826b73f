package io.eksnet.relate;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.net.CidrSet;
import io.eksnet.net.IpFamily;
import io.eksnet.net.ParsedCidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network policy relations: the workloads a policy selects, FQDN clients, DNS-proxy coverage,
 * egress open to the internet.
 */
final class PolicyRelations {

  private PolicyRelations() {}

  static void policyTargets(
      List<NetworkPolicy> netpols,
      List<CiliumPolicy> cilium,
      List<Workload> workloads,
      LabelIndex index,
      PodOrigins origins,
      List<Object> out) {
    for (NetworkPolicy p : netpols) {
      PolicyTargets t =
          new PolicyTargets(p, index.select(p.getNamespace(), p.getPodSelector(), workloads));
      out.add(t);
      if (t.isEmpty() && !p.getNamespace().isEmpty()) {
        origins.policy(p, List.of(p.getPodSelector()), out);
      }
    }
    for (CiliumPolicy p : cilium) {
      Set<Workload> selected = new LinkedHashSet<>();
      for (LabelSelector sel : p.getEndpointSelectors()) {
        LabelSelector plain = ciliumPlain(sel);
        String ns =
            sel.matchLabels() == null
                ? null
                : stripCiliumPrefixes(sel.matchLabels()).get("io.kubernetes.pod.namespace");
        if (p.getNamespace()
            .isEmpty()) { // clusterwide: every namespace, unless the selector names one
          for (Workload w : workloads) {
            if ((ns == null || ns.equals(w.getNamespace())) && plain.matches(w.getPodLabels())) {
              selected.add(w);
            }
          }
        } else {
          selected.addAll(index.select(p.getNamespace(), plain, workloads));
        }
      }
      out.add(new PolicyTargets(p, new ArrayList<>(selected)));
      if (selected.isEmpty() && !p.getNamespace().isEmpty()) {
        origins.policy(p, p.getEndpointSelectors().stream().map(s -> ciliumPlain(s)).toList(), out);
      }
      Set<Workload> clients = new LinkedHashSet<>();
      for (CiliumPolicy.EgressRule r : p.getEgress()) {
        if (!r.fqdns().isEmpty()
            && !r.endpointSelector().isEmpty()
            && !r.endpointSelector().isNone()) {
          LabelSelector plain = ciliumPlain(r.endpointSelector());
          for (Workload w :
              p.getNamespace().isEmpty()
                  ? workloads
                  : index.select(p.getNamespace(), plain, workloads)) {
            if (plain.matches(w.getPodLabels())) {
              clients.add(w);
            }
          }
        }
      }
      if (!clients.isEmpty()) {
        out.add(new FqdnClients(p, new ArrayList<>(clients)));
      }
    }
  }

  /** A Cilium selector with source prefixes removed and the namespace pseudo-label dropped. */
  static LabelSelector ciliumPlain(LabelSelector sel) {
    if (sel.isNone() || sel.matchLabels() == null) {
      return sel;
    }
    Map<String, String> labels = new HashMap<>(stripCiliumPrefixes(sel.matchLabels()));
    labels.remove("io.kubernetes.pod.namespace");
    return new LabelSelector(labels, sel.expressions());
  }

  static void openEgress(
      List<NetworkPolicy> netpols, List<CiliumPolicy> cilium, long holePrefix, List<Object> out) {
    for (NetworkPolicy p : netpols) {
      if (!p.getPolicyTypes().contains("Egress")) {
        continue;
      }
      for (NetworkPolicy.Rule r : p.getEgress()) {
        List<String> cidrs = new ArrayList<>();
        List<String> except = new ArrayList<>();
        for (NetworkPolicy.Peer peer : r.peers()) {
          if (peer.cidr() != null) {
            cidrs.add(peer.cidr());
            except.addAll(peer.except());
          }
        }
        String ports = httpsOrAll(r.ports());
        if (ports != null && coversInternet(cidrs, except, holePrefix)) {
          out.add(new OpenEgress(p, p.at(r.path()), describe(cidrs, except), ports));
        }
      }
    }
    for (CiliumPolicy p : cilium) {
      for (CiliumPolicy.EgressRule r : p.getEgress()) {
        String ports = httpsOrAll(r.ports());
        if (ports == null) {
          continue;
        }
        boolean world = r.toEntities().contains("world") || r.toEntities().contains("all");
        if (world || coversInternet(r.toCidrs(), r.toCidrExcept(), holePrefix)) {
          String dest =
              world
                  ? "toEntities " + String.join(",", r.toEntities())
                  : describe(r.toCidrs(), r.toCidrExcept());
          out.add(new OpenEgress(p, p.at(r.path()), dest, ports));
        }
      }
    }
  }

  /** "all ports" when no port is listed, "port 443" when 443 is among them, else null. */
  static String httpsOrAll(List<String> ports) {
    if (ports.isEmpty() || ports.contains("*")) {
      return "all ports";
    }
    return ports.contains("443") || ports.contains("https") ? "port 443" : null;
  }

  /**
   * True when the blocks, less the except holes larger than a /holePrefix, cover all IPv4 or all
   * IPv6 addresses. Unparseable CIDRs are ignored (kubectl rejects them).
   */
  static boolean coversInternet(List<String> cidrs, List<String> except, long holePrefix) {
    if (cidrs.isEmpty()) {
      return false;
    }
    List<Cidr> in = new ArrayList<>();
    for (String c : cidrs) {
      ParsedCidr pc = Cidr.tryParse(c.trim());
      if (pc.isValid()) {
        in.add(pc.cidr());
      }
    }
    List<Cidr> holes = new ArrayList<>();
    for (String c : except) {
      ParsedCidr pc = Cidr.tryParse(c.trim());
      if (pc.isValid()
          && pc.cidr().prefixLength()
              < (pc.cidr().network().isIpv4() ? holePrefix : holePrefix + 96)) {
        holes.add(pc.cidr());
      }
    }
    CidrSet allowed = CidrSet.of(in).minus(CidrSet.of(holes));
    return allowed.coversAll(IpFamily.IPV4) || allowed.coversAll(IpFamily.IPV6);
  }

  static String describe(List<String> cidrs, List<String> except) {
    return String.join(", ", cidrs)
        + (except.isEmpty() ? "" : " except " + String.join(", ", except));
  }

  static void dnsProviders(List<CiliumPolicy> policies, List<Object> out) {
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
      List<CiliumPolicy> candidates =
          new ArrayList<>(providersByNs.getOrDefault(p.getNamespace(), List.of()));
      if (!p.getNamespace().isEmpty()) {
        candidates.addAll(providersByNs.getOrDefault("", List.of())); // clusterwide policies
      }
      for (CiliumPolicy c : candidates) {
        if (c.getEgress().stream()
            .anyMatch(
                r ->
                    r.allowsDnsThroughProxy()
                        && covers(r.endpointSelector(), fq.endpointSelector()))) {
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
    if (outer.isNone()
        || inner.isNone()
        || outer.matchLabels() == null
        || inner.matchLabels() == null
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
