package io.eksnet.relate;

import io.eksnet.model.Container;
import io.eksnet.model.Ingress;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.Service;
import io.eksnet.model.Vpc;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load balancer security groups against their targets: for an ALB (Ingress) or NLB (Service) that
 * names its own security groups and leaves the backend rules to the user, whether the groups of its
 * targets (the pods for ip targets, the nodes for instance targets, see {@link NetworkIdentities})
 * admit it on the target port ({@link LbBackendAccessGap}: EKS-SG-001).
 */
final class LbBackendRelations {

  private static final int NODE_PORT_MIN = 30000;
  private static final int NODE_PORT_MAX = 32767;

  private LbBackendRelations() {}

  static void compute(JoinIndex j, NetworkIdentities ids, List<Object> out) {
    if (j.nodeGroups.isEmpty()) {
      return;
    }
    Map<AlbIngress, List<BackendRef>> byAlb = new LinkedHashMap<>();
    for (BackendRef b : j.backendRefs) {
      if (b.getAlb() != null && b.getService() != null && b.getPort() != null) {
        byAlb.computeIfAbsent(b.getAlb(), k -> new ArrayList<>()).add(b);
      }
    }
    for (Map.Entry<AlbIngress, List<BackendRef>> e : byAlb.entrySet()) {
      Ingress i = e.getKey().getIngress();
      String key = Ingress.ALB_PREFIX + "security-groups";
      if (i.annotation(key) == null
          || "true"
              .equalsIgnoreCase(trim(i.albAnnotation("manage-backend-security-group-rules")))) {
        continue;
      }
      for (BackendRef b : e.getValue()) {
        if (backendGap(j, ids, i, key, b.getTargetType(), b.getService(), b.getPort(), out)) {
          break;
        }
      }
    }
    for (Service s : j.services) {
      String key = JoinIndex.NLB_PREFIX + "security-groups";
      if (!s.isLbcNlb()
          || s.annotation(key) == null
          || !"false"
              .equalsIgnoreCase(
                  trim(
                      s.annotation(
                          JoinIndex.NLB_PREFIX + "manage-backend-security-group-rules")))) {
        continue;
      }
      for (Service.Port p : s.getPorts()) {
        if (backendGap(j, ids, s, key, s.getLoadBalancerTargetType(), s, p, out)) {
          break;
        }
      }
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /** Adds a gap when no target identity admits the load balancer's groups; true when added. */
  private static boolean backendGap(
      JoinIndex j,
      NetworkIdentities ids,
      K8sObject lb,
      String key,
      String targetType,
      Service svc,
      Service.Port port,
      List<Object> out) {
    Set<String> lbGroups = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    boolean inScan = false;
    for (String e : lb.annotation(key).split(",")) {
      String v = e.trim();
      if (v.isEmpty()) {
        continue;
      }
      SecurityGroup g = j.sgs.byIdOrName(v);
      if (g != null) {
        lbGroups.add(SgIndex.key(g, g.getAddress()));
        names.add(g.getAddress());
        inScan = true;
      } else if (JoinIndex.SG_ID.matcher(v).matches()) {
        lbGroups.add(j.sgs.keyOfId(v));
        names.add(v);
      } else {
        return false; // a group name the scan does not hold: its id is unknown
      }
    }
    if (!inScan) {
      return false;
    }
    List<Cidr> vpcRanges = new ArrayList<>();
    Vpc v = j.vpc(j.vpcKey());
    if (v != null && v.getCidr() != null) {
      vpcRanges.add(v.getCidr());
      vpcRanges.addAll(j.secondaryByVpc.getOrDefault(j.vpcKey(), List.of()));
    }
    SgIndex.Source source = new SgIndex.Source(lbGroups, true, vpcRanges);
    List<NetworkIdentities.Identity> targets;
    int from;
    int to;
    String ports;
    String what;
    if ("ip".equals(targetType)) {
      ServiceBackends b = j.backends.get(svc);
      if (b == null || b.getWorkloads().isEmpty()) {
        return false;
      }
      Workload w = b.getWorkloads().get(0);
      int n = containerPort(w, port);
      if (n <= 0) {
        return false;
      }
      targets = ids.pods(w, w.getNamespace());
      from = n;
      to = n;
      ports = "TCP " + n;
      what = "ip targets (the pods of " + w.getDisplayName() + ")";
    } else if ("instance".equals(targetType)) {
      targets = ids.nodes();
      if (port.nodePort() != null) {
        from = port.nodePort();
        to = from;
        ports = "TCP " + from + " (the Service's nodePort)";
      } else {
        from = NODE_PORT_MIN;
        to = NODE_PORT_MAX;
        ports = "TCP " + from + "-" + to + " (the NodePort range)";
      }
      what = "instance targets (the nodes)";
    } else {
      return false;
    }
    if (targets == null || targets.isEmpty()) {
      return false;
    }
    for (NetworkIdentities.Identity t : targets) {
      if (!t.complete()
          || j.sgs.admitsAny(new ArrayList<>(t.groups()), source, from, to) != SgIndex.Verdict.NO) {
        return false;
      }
    }
    Location related = null;
    List<String> described = new ArrayList<>();
    for (NetworkIdentities.Identity t : targets) {
      described.add(t.description());
      for (String g : t.groups()) {
        SecurityGroup sg = j.sgs.group(g);
        if (related == null && sg != null) {
          related = sg.getLocation();
        }
      }
    }
    if (related == null && !j.nodeGroups.isEmpty()) {
      related = j.nodeGroups.get(0).getLocation();
    }
    out.add(
        new LbBackendAccessGap(
            lb, key, String.join(", ", names), what, ports, String.join("; ", described), related));
    return true;
  }

  /** The container port a Service port sends to on this workload; -1 when it cannot be told. */
  private static int containerPort(Workload w, Service.Port p) {
    if (!p.isNamedTarget()) {
      return p.targetPortNumber();
    }
    for (Container c : w.getContainers()) {
      for (Container.Port cp : c.ports()) {
        if (p.targetPort().equals(cp.name())) {
          return cp.number();
        }
      }
    }
    return -1;
  }
}
