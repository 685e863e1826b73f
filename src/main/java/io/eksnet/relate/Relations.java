package io.eksnet.relate;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.K8sObject;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.Location;
import io.eksnet.model.Namespace;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.net.CidrSet;
import io.eksnet.net.IpFamily;
import io.eksnet.net.ParsedCidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the relation facts the rules match on, with indexes (never a pairwise loop over two
 * large fact sets): Service → workloads, Ingress → ALB, Ingress backend → Service and port,
 * Cilium FQDN policy → the policies that let its DNS through the proxy.
 */
public final class Relations {

  /** The top-level {@code mode:} line of a KubeProxyConfiguration. */
  private static final java.util.regex.Pattern KUBE_PROXY_MODE =
      java.util.regex.Pattern.compile("^mode:\\s*[\"']?([A-Za-z]*)[\"']?\\s*(#.*)?$");

  private Relations() {}

  /** The derived facts for these loaded facts. */
  public static List<Object> compute(List<?> facts) {
    List<Workload> workloads = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    List<Ingress> ingresses = new ArrayList<>();
    List<IngressClass> classes = new ArrayList<>();
    List<CiliumPolicy> cilium = new ArrayList<>();
    List<NetworkPolicy> netpols = new ArrayList<>();
    List<ConfigMap> configMaps = new ArrayList<>();
    List<KubeProxyConfig> proxyAddons = new ArrayList<>();
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
      } else if (f instanceof CiliumPolicy p) {
        cilium.add(p);
      } else if (f instanceof NetworkPolicy p) {
        netpols.add(p);
      } else if (f instanceof ConfigMap c) {
        configMaps.add(c);
      } else if (f instanceof Namespace n) {
        namespaces.putIfAbsent(n.getName(), n);
      } else if (f instanceof Thresholds t) {
        thresholds = t;
      } else if (f instanceof io.eksnet.model.EksAddon a && KubeProxyConfig.ofAddon(a) != null) {
        proxyAddons.add(KubeProxyConfig.ofAddon(a));
      }
    }
    List<Object> out = new ArrayList<>();
    LabelIndex index = new LabelIndex(workloads);
    Map<Service, ServiceBackends> backends = serviceBackends(services, index, out);
    List<BackendRef> refs = ingressBackends(ingresses, classes, services, out);
    dnsProviders(cilium, out);
    ScanInventory inventory = inventory(workloads, services, namespaces);
    out.add(inventory);
    policyTargets(netpols, cilium, workloads, index, out);
    kubeProxy(configMaps, out);
    out.addAll(proxyAddons); // the mode from Terraform counts the same: whichever side gives it
    albTargets(refs, backends, services, inventory, out);
    openEgress(netpols, cilium, thresholds.get("egressExceptHolePrefix"), out);
    out.addAll(TerraformRelations.compute(facts));
    out.addAll(JoinRelations.compute(facts, out));
    return out;
  }

  private static Map<Service, ServiceBackends> serviceBackends(
      List<Service> services, LabelIndex index, List<Object> out) {
    Map<Service, ServiceBackends> byService = new java.util.IdentityHashMap<>();
    for (Service s : services) {
      List<Workload> selected = s.hasSelector() ? index.select(s.getNamespace(), s.getSelector()) : List.of();
      for (Workload w : selected) {
        out.add(new Selects(s, w));
      }
      ServiceBackends b = new ServiceBackends(s, selected);
      byService.put(s, b);
      out.add(b);
      if (!selected.isEmpty()) {
        unexposedPorts(s, b, out);
      } else if (s.hasSelector()) {
        SelectorNearMiss miss = nearMiss(s, index.inNamespace(s.getNamespace()));
        if (miss != null) {
          out.add(miss);
        }
      }
    }
    return byService;
  }

  /**
   * The workload closest to a selector that matches nothing: most selector pairs shared, then a
   * differing value closest to the wanted one (edit distance at most 2). Null when no workload is
   * close: the pods probably come from elsewhere.
   */
  static SelectorNearMiss nearMiss(Service s, List<Workload> candidates) {
    SelectorNearMiss best = null;
    int bestShared = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (Workload w : candidates) {
      int shared = 0;
      int distance = 0;
      List<String> diffs = new ArrayList<>();
      for (Map.Entry<String, String> e : new TreeMap<>(s.getSelector()).entrySet()) {
        String have = w.getPodLabels().get(e.getKey());
        if (e.getValue().equals(have)) {
          shared++;
        } else if (have == null) {
          diffs.add("has no label " + e.getKey());
          distance += 100;
        } else {
          diffs.add("has " + e.getKey() + "=" + have + ", not " + e.getValue());
          distance += editDistance(have, e.getValue(), 3);
        }
      }
      boolean close = shared > 0 || (distance <= 2 && s.getSelector().size() == 1);
      if (close && (shared > bestShared || (shared == bestShared && distance < bestDistance))) {
        best = new SelectorNearMiss(s, w, String.join("; ", diffs));
        bestShared = shared;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, capped at {@code cap} (returns cap when larger). */
  static int editDistance(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) >= cap) {
      return cap;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], cap);
  }

  private static void unexposedPorts(Service s, ServiceBackends b, List<Object> out) {
    for (Service.Port p : s.getPorts()) {
      String target = p.targetPort() != null ? p.targetPort() : Integer.toString(p.port());
      boolean anyExposes = false;
      boolean allDeclare = true;
      Set<String> declared = new LinkedHashSet<>();
      for (Workload w : b.getWorkloads()) {
        boolean declares = false;
        for (Container c : w.getContainers()) {
          for (Container.Port cp : c.ports()) {
            declares = true;
            declared.add(cp.name() != null ? cp.name() + "/" + cp.number() : Integer.toString(cp.number()));
          }
          anyExposes |= c.exposes(target);
        }
        allDeclare &= declares;
      }
      if (!anyExposes && (p.isNamedTarget() || allDeclare)) {
        out.add(new UnexposedTargetPort(s, p, b, declared.isEmpty() ? "none" : String.join(", ", declared)));
      }
    }
  }

  private static ScanInventory inventory(
      List<Workload> workloads, List<Service> services, Map<String, Namespace> namespaces) {
    Map<String, Integer> w = new HashMap<>();
    Workload nodeLocal = null;
    for (Workload x : workloads) {
      w.merge(x.getNamespace(), 1, Integer::sum);
      if (x.isDaemonSet() && ("node-local-dns".equals(x.getName())
          || "node-local-dns".equals(x.getPodLabels().get("k8s-app")))) {
        nodeLocal = x;
      }
    }
    Map<String, Integer> s = new HashMap<>();
    for (Service x : services) {
      s.merge(x.getNamespace(), 1, Integer::sum);
    }
    return new ScanInventory(w, s, namespaces, nodeLocal);
  }

  private static void policyTargets(
      List<NetworkPolicy> netpols, List<CiliumPolicy> cilium, List<Workload> workloads, LabelIndex index,
      List<Object> out) {
    for (NetworkPolicy p : netpols) {
      out.add(new PolicyTargets(p, index.select(p.getNamespace(), p.getPodSelector(), workloads)));
    }
    for (CiliumPolicy p : cilium) {
      Set<Workload> selected = new LinkedHashSet<>();
      for (LabelSelector sel : p.getEndpointSelectors()) {
        LabelSelector plain = ciliumPlain(sel);
        String ns = sel.matchLabels() == null ? null : stripCiliumPrefixes(sel.matchLabels()).get("io.kubernetes.pod.namespace");
        if (p.getNamespace().isEmpty()) { // clusterwide: every namespace, unless the selector names one
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
      Set<Workload> clients = new LinkedHashSet<>();
      for (CiliumPolicy.EgressRule r : p.getEgress()) {
        if (!r.fqdns().isEmpty() && !r.endpointSelector().isEmpty() && !r.endpointSelector().isNone()) {
          LabelSelector plain = ciliumPlain(r.endpointSelector());
          for (Workload w : p.getNamespace().isEmpty() ? workloads : index.select(p.getNamespace(), plain, workloads)) {
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
  private static LabelSelector ciliumPlain(LabelSelector sel) {
    if (sel.isNone() || sel.matchLabels() == null) {
      return sel;
    }
    Map<String, String> labels = new HashMap<>(stripCiliumPrefixes(sel.matchLabels()));
    labels.remove("io.kubernetes.pod.namespace");
    return new LabelSelector(labels, sel.expressions());
  }

  private static void kubeProxy(List<ConfigMap> configMaps, List<Object> out) {
    for (ConfigMap cm : configMaps) {
      if (!"kube-system".equals(cm.getNamespace())
          || !("kube-proxy-config".equals(cm.getName()) || "kube-proxy".equals(cm.getName()))) {
        continue;
      }
      String key = cm.getData().containsKey("config") ? "config" : cm.getData().containsKey("config.conf") ? "config.conf" : null;
      if (key == null) {
        continue;
      }
      String text = cm.getData().get(key);
      String mode = "";
      int offset = -1;
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        java.util.regex.Matcher m = KUBE_PROXY_MODE.matcher(lines[i]);
        if (m.matches()) {
          mode = m.group(1);
          offset = i;
          break;
        }
      }
      Location keyLoc = cm.at("data", key);
      Tree.Entry e = ((Tree.TMap) Tree.path(cm.getRoot(), "data")).entry(key);
      boolean block = e.value().line() == e.line() && e.value() instanceof Tree.TScalar;
      Location modeLoc = offset >= 0 && block
          ? new Location(keyLoc.file(), e.line() + 1 + offset, 1, keyLoc.object(), "data." + key + ".mode")
          : keyLoc;
      out.add(new KubeProxyConfig(cm, mode.isEmpty() ? "iptables" : mode.toLowerCase(Locale.ROOT), modeLoc));
    }
  }

  private static void albTargets(
      List<BackendRef> refs, Map<Service, ServiceBackends> backends, List<Service> services,
      ScanInventory inventory, List<Object> out) {
    Map<Workload, AlbServed> served = new LinkedHashMap<>();
    Map<String, Workload> ipTargetNamespaces = new TreeMap<>();
    for (BackendRef r : refs) {
      if (r.getAlb() == null || r.getService() == null) {
        continue;
      }
      ServiceBackends b = backends.get(r.getService());
      boolean ip = "ip".equals(r.getTargetType());
      for (Workload w : b.getWorkloads()) {
        AlbServed prev = served.get(w);
        if (prev == null || (ip && !prev.isIpTargets())) {
          served.put(w, new AlbServed(w, prev != null ? prev.getIngress() : r.getIngress(),
              prev != null ? prev.getService() : r.getService(), ip || (prev != null && prev.isIpTargets())));
        }
        if (ip) {
          ipTargetNamespaces.putIfAbsent(w.getNamespace(), w);
        }
      }
      healthCheck(r, b, out);
    }
    out.addAll(served.values());
    for (Service s : services) {
      if ("ip".equals(s.getLoadBalancerTargetType()) && s.isLbcNlb()) {
        for (Workload w : backends.get(s).getWorkloads()) {
          ipTargetNamespaces.putIfAbsent(w.getNamespace(), w);
        }
      }
    }
    for (Map.Entry<String, Workload> e : ipTargetNamespaces.entrySet()) {
      Namespace ns = inventory.namespace(e.getKey());
      if (ns != null && !"enabled".equals(ns.getLabels().get("elbv2.k8s.aws/pod-readiness-gate-inject"))) {
        out.add(new ReadinessGateGap(ns, e.getValue()));
      }
    }
  }

  private static void healthCheck(BackendRef r, ServiceBackends b, List<Object> out) {
    String key = Ingress.ALB_PREFIX + "healthcheck-path";
    String path = r.getService().annotation(key);
    Location loc;
    if (path != null) {
      loc = r.getService().annotationLocation(key);
    } else {
      path = r.getIngress().annotation(key);
      loc = r.getIngress().annotationLocation(key);
    }
    if (path == null || b.getWorkloads().isEmpty()) {
      return;
    }
    String target = null;
    if (r.getPort() != null) {
      target = r.getPort().targetPort() != null ? r.getPort().targetPort() : Integer.toString(r.getPort().port());
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Workload w : b.getWorkloads()) {
      for (Container c : w.getContainers()) {
        boolean serves = target == null || c.exposes(target) || w.getContainers().size() == 1;
        if (serves && c.readinessProbe() != null && "httpGet".equals(c.readinessProbe().handler())
            && c.readinessProbe().path() != null) {
          paths.add(c.readinessProbe().path());
        }
      }
    }
    if (!paths.isEmpty()) {
      out.add(new AlbHealthCheck(r, path.trim(), loc, new ArrayList<>(paths)));
    }
  }

  private static void openEgress(
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
          String dest = world ? "toEntities " + String.join(",", r.toEntities()) : describe(r.toCidrs(), r.toCidrExcept());
          out.add(new OpenEgress(p, p.at(r.path()), dest, ports));
        }
      }
    }
  }

  /** "all ports" when no port is listed, "port 443" when 443 is among them, else null. */
  private static String httpsOrAll(List<String> ports) {
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
      if (pc.isValid() && pc.cidr().prefixLength() < (pc.cidr().network().isIpv4() ? holePrefix : holePrefix + 96)) {
        holes.add(pc.cidr());
      }
    }
    CidrSet allowed = CidrSet.of(in).minus(CidrSet.of(holes));
    return allowed.coversAll(IpFamily.IPV4) || allowed.coversAll(IpFamily.IPV6);
  }

  private static String describe(List<String> cidrs, List<String> except) {
    return String.join(", ", cidrs) + (except.isEmpty() ? "" : " except " + String.join(", ", except));
  }

  private record NsName(String namespace, String name) {}

  private static List<BackendRef> ingressBackends(
      List<Ingress> ingresses, List<IngressClass> classes, List<Service> services, List<Object> out) {
    List<BackendRef> refs = new ArrayList<>();
    Map<String, IngressClass> byName = new HashMap<>();
    IngressClass defaultClass = null;
    for (IngressClass c : classes) {
      byName.put(c.getName(), c);
      if (c.isDefaultClass()) {
        defaultClass = c;
      }
    }
    // several files may define the same Service (overlays, test fixtures): keep them all
    Map<NsName, List<Service>> serviceByName = new HashMap<>();
    Map<String, List<Service>> floatingByName = new HashMap<>();
    for (Service s : services) {
      serviceByName.computeIfAbsent(new NsName(s.getNamespace(), s.getName()), k -> new ArrayList<>()).add(s);
      if (!s.isNamespaceWritten()) {
        floatingByName.computeIfAbsent(s.getName(), k -> new ArrayList<>()).add(s);
      }
    }
    for (Ingress i : ingresses) {
      AlbIngress alb = null;
      if (isAlb(i, byName, defaultClass)) {
        String tt = i.albAnnotation("target-type");
        alb = new AlbIngress(i, tt == null ? "instance" : tt.trim().toLowerCase(Locale.ROOT), tt != null);
        out.add(alb);
      }
      for (Ingress.Backend b : i.getBackends()) {
        List<Service> candidates = serviceByName.get(new NsName(i.getNamespace(), b.serviceName()));
        if (candidates == null) {
          // a Service written without a namespace is deployed wherever it is applied (kustomize)
          candidates = floatingByName.getOrDefault(b.serviceName(), List.of());
        }
        Service svc = null;
        Service.Port port = null;
        for (Service c : candidates) {
          Service.Port p = c.findPort(b.portNumber(), b.portName());
          if (svc == null || (port == null && p != null)) {
            svc = c;
            port = p;
          }
        }
        String targetType = null;
        if (alb != null) {
          String onService = svc == null ? null : svc.annotation(Ingress.ALB_PREFIX + "target-type");
          targetType = onService != null ? onService.trim().toLowerCase(Locale.ROOT) : alb.getTargetType();
        }
        BackendRef ref = new BackendRef(i, b, alb, targetType, svc, port);
        refs.add(ref);
        out.add(ref);
      }
    }
    return refs;
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
