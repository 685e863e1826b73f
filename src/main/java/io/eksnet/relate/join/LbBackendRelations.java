package io.eksnet.relate.join;

import io.eksnet.model.Container;
import io.eksnet.model.Ingress;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.Service;
import io.eksnet.model.Vpc;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.k8s.BackendRef;
import io.eksnet.relate.k8s.ServiceBackends;
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
 * admit it on the target port ({@link LbBackendAccess}, one per backend: EKS-SG-001), and whether
 * its own groups let the traffic out to them ({@link SecurityGroupEgress}, one per backend:
 * EKS-SG-003).
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
      // EKS Auto Mode adds the rules from its load balancers to the nodes itself: not judged
      if (b.getAlb() != null
          && !b.getAlb().isAutoMode()
          && b.getService() != null
          && b.getPort() != null) {
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
      int order = 0;
      for (BackendRef b : e.getValue()) {
        Check c = check(j, ids, i, key, b.getTargetType(), b.getService(), b.getPort());
        if (c != null) {
          report(j, c, order++, out);
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
      int order = 0;
      for (Service.Port p : s.getPorts()) {
        Check c = check(j, ids, s, key, s.getLoadBalancerTargetType(), s, p);
        if (c != null) {
          report(j, c, order++, out);
        }
      }
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /**
   * One backend of a load balancer, resolved: its groups, its targets' identities and the port.
   *
   * @param lbGroups the load balancer's group keys
   * @param names the load balancer's groups as the Terraform names them
   * @param source the load balancer as a source: its groups, and the VPC's ranges
   * @param targets the targets' identities
   */
  private record Check(
      K8sObject lb,
      String key,
      List<String> lbGroups,
      List<String> names,
      SgIndex.Source source,
      List<NetworkIdentities.Identity> targets,
      int from,
      int to,
      String ports,
      String what) {}

  /** The backend resolved, or null when the load balancer's groups or targets cannot be told. */
  private static Check check(
      JoinIndex j,
      NetworkIdentities ids,
      K8sObject lb,
      String key,
      String targetType,
      Service svc,
      Service.Port port) {
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
        return null; // a group name the scan does not hold: its id is unknown
      }
    }
    if (!inScan) {
      return null;
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
        return null;
      }
      Workload w = b.getWorkloads().get(0);
      int n = containerPort(w, port);
      if (n <= 0) {
        return null;
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
      return null;
    }
    if (targets == null || targets.isEmpty()) {
      return null;
    }
    return new Check(lb, key, List.copyOf(lbGroups), names, source, targets, from, to, ports, what);
  }

  /** Adds the access of one backend and its load balancer's egress towards it. */
  private static void report(JoinIndex j, Check c, int order, List<Object> out) {
    out.add(access(j, c, order));
    out.add(egress(j, c, order));
  }

  /** Whether the target identities admit the load balancer's groups. */
  private static LbBackendAccess access(JoinIndex j, Check c, int order) {
    boolean admitted = false;
    boolean unknown = false;
    for (NetworkIdentities.Identity t : c.targets()) {
      SgIndex.Verdict v =
          j.sgs.admitsAny(new ArrayList<>(t.groups()), c.source(), c.from(), c.to());
      if (v == SgIndex.Verdict.YES) {
        admitted = true;
      } else if (!t.complete() || v == SgIndex.Verdict.UNKNOWN) {
        unknown = true;
      }
    }
    List<String> described = new ArrayList<>();
    for (NetworkIdentities.Identity t : c.targets()) {
      described.add(t.description());
    }
    return new LbBackendAccess(
        c.lb(),
        order,
        admitted
            ? LbBackendAccess.Admission.ADMITTED
            : unknown ? LbBackendAccess.Admission.UNKNOWN : LbBackendAccess.Admission.REFUSED,
        c.key(),
        String.join(", ", c.names()),
        c.what(),
        c.ports(),
        String.join("; ", described),
        targetLocation(j, c));
  }

  /**
   * Whether the load balancer's groups let the traffic out to the target identities: blocked when
   * they let it out to none. IPv6 clusters are not told (their targets' addresses are not the
   * subnets' IPv4 ranges).
   */
  private static SecurityGroupEgress egress(JoinIndex j, Check c, int order) {
    SecurityGroupEgress.Egress egress = SecurityGroupEgress.Egress.BLOCKED;
    if (j.cluster() != null && j.cluster().isIpv6()) {
      egress = SecurityGroupEgress.Egress.UNKNOWN;
    } else {
      for (NetworkIdentities.Identity t : c.targets()) {
        SgIndex.Verdict v = j.sgs.allowsOutAny(c.lbGroups(), t.source(), c.from(), c.to());
        if (v == SgIndex.Verdict.YES) {
          egress = SecurityGroupEgress.Egress.ALLOWED;
          break;
        }
        if (v == SgIndex.Verdict.UNKNOWN) {
          egress = SecurityGroupEgress.Egress.UNKNOWN;
        }
      }
    }
    boolean blocked = egress == SecurityGroupEgress.Egress.BLOCKED;
    SecurityGroup fix = // the first of the load balancer's groups the scan holds
        !blocked
            ? null
            : c.lbGroups().stream()
                .map(j.sgs::group)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    return new SecurityGroupEgress(
        c.lb(),
        null,
        order,
        egress,
        c.lb().getDisplayName(),
        String.join(", ", c.names()),
        c.what(),
        c.ports(),
        blocked ? j.sgs.describeEgress(c.lbGroups()) : null,
        fix,
        blocked
            ? NetworkIdentities.describeDestination(j, c.targets(), "the targets'", "their")
            : null,
        targetLocation(j, c));
  }

  /** The first target security group in the Terraform, else the first node group. */
  private static Location targetLocation(JoinIndex j, Check c) {
    for (NetworkIdentities.Identity t : c.targets()) {
      for (String g : t.groups()) {
        SecurityGroup sg = j.sgs.group(g);
        if (sg != null) {
          return sg.getLocation();
        }
      }
    }
    return j.nodeGroups.isEmpty() ? null : j.nodeGroups.get(0).getLocation();
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
