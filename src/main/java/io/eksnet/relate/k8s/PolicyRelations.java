package io.eksnet.relate.k8s;

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
 * Network policy relations: the workloads a policy selects, FQDN clients, DNS-proxy coverage, what
 * each egress rule reaches.
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
      List<Workload> scope =
          p.getNamespace().isEmpty() ? workloads : index.inNamespace(p.getNamespace());
      for (LabelSelector sel : p.getEndpointSelectors()) {
        for (Workload w : scope) {
          if (CiliumSelectors.matches(sel, p.getNamespace(), w.getNamespace(), w.getPodLabels())) {
            selected.add(w);
          }
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
          for (Workload w : scope) {
            if (CiliumSelectors.matches(
                r.endpointSelector(), p.getNamespace(), w.getNamespace(), w.getPodLabels())) {
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
    if (sel.isNone()) {
      return sel;
    }
    LabelSelector n = CiliumSelectors.normalize(sel);
    Map<String, String> labels = new HashMap<>(n.matchLabels());
    labels.remove(CiliumSelectors.NAMESPACE_LABEL);
    return new LabelSelector(
        labels,
        n.expressions().stream()
            .filter(r -> !r.key().equals(CiliumSelectors.NAMESPACE_LABEL))
            .toList());
  }

  static void egressReach(
      List<NetworkPolicy> netpols, List<CiliumPolicy> cilium, long holePrefix, List<Object> out) {
    for (NetworkPolicy p : netpols) {
      if (!p.getPolicyTypes().contains("Egress")) {
        continue;
      }
      boolean limits = p.getEgress().stream().anyMatch(r -> !r.everyPeer() || !r.ports().isEmpty());
      for (NetworkPolicy.Rule r : p.getEgress()) {
        if (r.everyPeer()) {
          out.add(reach(p, p.at(r.path()), "every destination", r.ports(), true, true, limits));
          continue;
        }
        List<String> cidrs = new ArrayList<>();
        List<String> except = new ArrayList<>();
        for (NetworkPolicy.Peer peer : r.peers()) {
          if (peer.cidr() != null) {
            cidrs.add(peer.cidr());
            except.addAll(peer.except());
          }
        }
        out.add(
            reach(
                p,
                p.at(r.path()),
                describe(cidrs, except),
                r.ports(),
                coversInternet(cidrs, except, holePrefix),
                false,
                limits));
      }
    }
    for (CiliumPolicy p : cilium) {
      for (CiliumPolicy.EgressRule r : p.getEgress()) {
        boolean world = r.toEntities().contains("world") || r.toEntities().contains("all");
        String dest =
            world
                ? "toEntities " + String.join(",", r.toEntities())
                : describe(r.toCidrs(), r.toCidrExcept());
        boolean internet = world || coversInternet(r.toCidrs(), r.toCidrExcept(), holePrefix);
        out.add(reach(p, p.at(r.path()), dest, r.ports(), internet, false, true));
      }
    }
  }

  private static EgressReach reach(
      io.eksnet.model.K8sObject policy,
      io.eksnet.model.Location at,
      String destinations,
      List<String> ports,
      boolean internet,
      boolean everyDestination,
      boolean limits) {
    boolean all = ports.isEmpty() || ports.contains("*");
    boolean https = ports.contains("443") || ports.contains("https");
    String described = all ? "all ports" : https ? "port 443" : "ports " + String.join(", ", ports);
    return new EgressReach(
        policy, at, destinations, described, all, https, internet, everyDestination, limits);
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

  /**
   * A policy with toFQDNs rules and no DNS-proxy rule of its own is served by another policy's
   * DNS-proxy rule when that rule's selector covers the FQDN rule's pods: decided on the selectors
   * ({@link CiliumSelectors#covers}); where they cannot tell, on the scanned workloads the FQDN
   * rule applies to (all of them selected), and with no such workload the policy is given the
   * benefit of the doubt.
   */
  static void dnsProviders(
      List<CiliumPolicy> policies, List<Workload> workloads, LabelIndex index, List<Object> out) {
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
      List<Workload> clients = null;
      for (CiliumPolicy c : candidates) {
        boolean serves = false;
        for (CiliumPolicy.EgressRule r : c.getEgress()) {
          if (!r.allowsDnsThroughProxy()) {
            continue;
          }
          CiliumSelectors.Cover cover =
              CiliumSelectors.covers(
                  r.endpointSelector(), c.getNamespace(), fq.endpointSelector(), p.getNamespace());
          if (cover == CiliumSelectors.Cover.UNKNOWN) {
            if (clients == null) {
              List<Workload> scope =
                  p.getNamespace().isEmpty() ? workloads : index.inNamespace(p.getNamespace());
              clients =
                  scope.stream()
                      .filter(
                          w ->
                              CiliumSelectors.matches(
                                  fq.endpointSelector(),
                                  p.getNamespace(),
                                  w.getNamespace(),
                                  w.getPodLabels()))
                      .toList();
            }
            cover =
                clients.isEmpty()
                        || clients.stream()
                            .allMatch(
                                w ->
                                    CiliumSelectors.matches(
                                        r.endpointSelector(),
                                        c.getNamespace(),
                                        w.getNamespace(),
                                        w.getPodLabels()))
                    ? CiliumSelectors.Cover.YES
                    : CiliumSelectors.Cover.NO;
          }
          if (cover == CiliumSelectors.Cover.YES) {
            serves = true;
            break;
          }
        }
        if (serves) {
          out.add(new DnsProxyProvider(p, c));
          break;
        }
      }
    }
  }
}
