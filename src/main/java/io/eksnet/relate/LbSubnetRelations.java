package io.eksnet.relate;

import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subnets of the AWS Load Balancer Controller's ALBs (Ingresses) and NLBs (Services) in the
 * scope's VPC: the entries of a {@code subnets} annotation against the Terraform's subnets, VPCs,
 * routes and zones ({@link LbSubnetAnnotation}: EKS-LB-009), and, without the annotation, what the
 * controller's subnet discovery finds by role tags or, when no subnet is tagged, by routes ({@link
 * LbSubnetDiscovery}: EKS-LB-008).
 */
final class LbSubnetRelations {

  private static final String ELB_TAG = "kubernetes.io/role/elb";
  private static final String INTERNAL_ELB_TAG = "kubernetes.io/role/internal-elb";

  private final JoinIndex j;

  /** What discovery finds per scheme and required zones; "" when enough. Same for every object. */
  private final Map<String, String> discovered = new HashMap<>();

  private LbSubnetRelations(JoinIndex j) {
    this.j = j;
  }

  static void compute(JoinIndex j, List<Object> out) {
    new LbSubnetRelations(j).loadBalancerSubnets(out);
  }

  private void loadBalancerSubnets(List<Object> out) {
    String vpcKey = j.vpcKey();
    Vpc v = j.vpc(vpcKey);
    List<Subnet> inVpc = new ArrayList<>();
    if (vpcKey != null) {
      for (Subnet s : j.subnets) {
        if (vpcKey.equals(j.vpcKeyOf(s, s.getVpc()))) {
          inVpc.add(s);
        }
      }
    }
    Set<String> groupsWithSubnets = new HashSet<>();
    for (AlbIngress a : j.albs) {
      String group = a.getIngress().albAnnotation("group.name");
      if (group != null && a.getIngress().albAnnotation("subnets") != null) {
        groupsWithSubnets.add(group.trim());
      }
    }
    Set<Ingress> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (AlbIngress a : j.albs) {
      Ingress i = a.getIngress();
      if (!seen.add(i)) {
        continue;
      }
      String scheme = scheme(i.albAnnotation("scheme"));
      String key = Ingress.ALB_PREFIX + "subnets";
      if (i.annotation(key) != null) {
        subnetAnnotation(i, key, scheme, true, out);
        continue;
      }
      String group = i.albAnnotation("group.name");
      if (v == null
          || inVpc.isEmpty()
          || hasClassParameters(i)
          || (group != null && groupsWithSubnets.contains(group.trim()))) {
        continue;
      }
      Location loc =
          i.albAnnotation("scheme") != null
              ? i.annotationLocation(Ingress.ALB_PREFIX + "scheme")
              : i.classLocation();
      discover(i, "ALB", scheme, 2, loc, v, inVpc, out);
    }
    for (Service s : j.services) {
      if (!s.isLbcNlb()) {
        continue;
      }
      String scheme = scheme(s.annotation(JoinIndex.NLB_PREFIX + "scheme"));
      if (s.annotation(JoinIndex.NLB_PREFIX + "subnets") != null) {
        subnetAnnotation(s, JoinIndex.NLB_PREFIX + "subnets", scheme, false, out);
        continue;
      }
      if (v == null
          || inVpc.isEmpty()
          || (s.annotation(JoinIndex.NLB_PREFIX + "scheme") == null
              && s.annotation(JoinIndex.NLB_PREFIX + "internal") != null)) {
        continue;
      }
      Location loc =
          s.annotation(JoinIndex.NLB_PREFIX + "scheme") != null
              ? s.annotationLocation(JoinIndex.NLB_PREFIX + "scheme")
              : s.getLoadBalancerClass() != null
                  ? s.at("spec", "loadBalancerClass")
                  : s.annotationLocation(Service.LB_TYPE);
      discover(s, "NLB", scheme, 1, loc, v, inVpc, out);
    }
  }

  private static String scheme(String annotation) {
    return annotation == null ? "internal" : annotation.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * True when the Ingress's class takes parameters (IngressClassParams can set scheme and subnets).
   */
  private boolean hasClassParameters(Ingress i) {
    String name =
        i.getIngressClassName() != null ? i.getIngressClassName() : i.getClassAnnotation();
    IngressClass c = name == null ? null : j.ingressClasses.get(name);
    if (name == null) {
      c =
          j.ingressClasses.values().stream()
              .filter(IngressClass::isDefaultClass)
              .findFirst()
              .orElse(null);
    }
    return c != null && Tree.path(c.getRoot(), "spec", "parameters") != null;
  }

  /** True when the subnet is tagged for another cluster and not for this one. */
  private boolean otherCluster(Subnet s) {
    String clusterName = j.clusterName();
    if (clusterName == null) {
      return false;
    }
    boolean tagged = false;
    for (String k : s.getTags().keySet()) {
      if (k.startsWith("kubernetes.io/cluster/")) {
        tagged = true;
        if (k.equals("kubernetes.io/cluster/" + clusterName)) {
          return false;
        }
      }
    }
    return tagged;
  }

  private static boolean hasRoleTag(Subnet s, String tag) {
    String v = s.getTags().get(tag);
    return v != null && (v.isEmpty() || v.equals("1"));
  }

  private void discover(
      K8sObject o,
      String kind,
      String scheme,
      int required,
      Location loc,
      Vpc v,
      List<Subnet> inVpc,
      List<Object> out) {
    if (!scheme.equals("internal") && !scheme.equals("internet-facing")) {
      return;
    }
    String found =
        discovered.computeIfAbsent(
            scheme + "/" + required, k -> shortfall(scheme, required, inVpc));
    if (!found.isEmpty()) {
      out.add(new LbSubnetDiscovery(o, kind, scheme, loc, v, tag(scheme), found, required));
    }
  }

  private static String tag(String scheme) {
    return scheme.equals("internet-facing") ? ELB_TAG : INTERNAL_ELB_TAG;
  }

  /** What discovery finds when it is too little, else "" (enough, or not known from the scan). */
  private String shortfall(String scheme, int required, List<Subnet> inVpc) {
    boolean internet = scheme.equals("internet-facing");
    String tag = internet ? ELB_TAG : INTERNAL_ELB_TAG;
    List<Subnet> tagged = new ArrayList<>();
    for (Subnet s : inVpc) {
      if (hasRoleTag(s, tag) && !otherCluster(s)) {
        tagged.add(s);
      }
    }
    String found;
    if (!tagged.isEmpty()) {
      Set<String> azs = azs(tagged);
      if (azs == null || azs.size() >= required) {
        return "";
      }
      found =
          "only "
              + describe(tagged)
              + ", in "
              + azs.size()
              + (azs.size() == 1 ? " availability zone" : " zones");
    } else {
      // no subnet carries the tag: controller 2.12.1+ falls back on the route to an internet
      // gateway
      List<Subnet> byRoute = new ArrayList<>();
      for (Subnet s : inVpc) {
        SubnetRouting r = j.routing.get(s.getKey());
        if (r == null || !r.isKnown()) {
          return "";
        }
        if (!otherCluster(s) && r.isPublicRoute() == internet) {
          byRoute.add(s);
        }
      }
      Set<String> azs = azs(byRoute);
      if (azs == null || azs.size() >= required) {
        return "";
      }
      found =
          "no subnet is tagged "
              + tag
              + ", and the controllers that fall back on routes (2.12.1 and later) find "
              + (byRoute.isEmpty()
                  ? "no " + (internet ? "public" : "private") + " subnet either"
                  : "only "
                      + describe(byRoute)
                      + " by "
                      + (internet ? "its route to an internet gateway" : "its routes"));
    }
    return found;
  }

  /** The distinct AZs, or null when one is unknown. */
  private static Set<String> azs(List<Subnet> subs) {
    Set<String> azs = new TreeSet<>();
    for (Subnet s : subs) {
      if (s.getAvailabilityZone() == null) {
        return null;
      }
      azs.add(s.getAvailabilityZone());
    }
    return azs;
  }

  private static String describe(List<Subnet> subs) {
    List<String> d = new ArrayList<>();
    for (Subnet s : subs) {
      d.add(s.describe());
    }
    return String.join(", ", d);
  }

  private void subnetAnnotation(
      K8sObject o, String key, String scheme, boolean alb, List<Object> out) {
    List<String> entries = new ArrayList<>();
    for (String e : o.annotation(key).split(",")) {
      if (!e.isBlank()) {
        entries.add(e.trim());
      }
    }
    Map<String, Subnet> resolved = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String e : entries) {
      Subnet s = j.subnetById.get(e);
      if (s == null) {
        List<Subnet> named = j.subnetsByName.getOrDefault(e, List.of());
        s = named.size() == 1 ? named.get(0) : null;
        if (named.size() > 1) {
          ambiguous.add(e); // several subnets carry the name: which one is meant cannot be told
        }
      }
      if (s != null) {
        resolved.put(e, s);
      }
    }
    if (resolved.isEmpty()) {
      return;
    }
    Subnet first = resolved.values().iterator().next();
    String vpcKey = j.vpcKey();
    for (String e : entries) {
      Subnet s = resolved.get(e);
      if (s == null && ambiguous.contains(e)) {
        continue;
      }
      if (s == null) {
        out.add(
            new LbSubnetAnnotation(
                o,
                "unknown",
                key,
                e,
                "the other entries are (" + describe(new ArrayList<>(resolved.values())) + ")",
                first));
        continue;
      }
      String subnetVpc = j.vpcKeyOf(s, s.getVpc());
      if (JoinIndex.differentVpc(subnetVpc, vpcKey)) {
        out.add(
            new LbSubnetAnnotation(
                o,
                "otherVpc",
                key,
                e,
                s.describe()
                    + " belongs to "
                    + j.describeVpc(subnetVpc)
                    + ", not to the cluster's VPC "
                    + j.describeVpc(vpcKey),
                s));
        continue;
      }
      SubnetRouting r = j.routing.get(s.getKey());
      if (scheme.equals("internet-facing") && r != null && r.isKnown() && !r.isPublicRoute()) {
        out.add(
            new LbSubnetAnnotation(
                o,
                "private",
                key,
                e,
                s.describe() + " has no route to an internet gateway in " + r.describeRouteTable(),
                s));
      }
    }
    if (alb && resolved.size() == entries.size()) {
      Map<String, List<Subnet>> byAz = new LinkedHashMap<>();
      for (Subnet s : resolved.values()) {
        if (s.getAvailabilityZone() == null) {
          return;
        }
        byAz.computeIfAbsent(s.getAvailabilityZone(), k -> new ArrayList<>()).add(s);
      }
      for (List<Subnet> same : byAz.values()) {
        if (same.size() > 1) {
          out.add(
              new LbSubnetAnnotation(
                  o,
                  "az",
                  key,
                  String.join(",", entries),
                  describe(same)
                      + " are in the same availability zone, and an ALB takes one subnet per zone",
                  same.get(1)));
          return;
        }
      }
      if (byAz.size() < 2) {
        out.add(
            new LbSubnetAnnotation(
                o,
                "az",
                key,
                String.join(",", entries),
                "they are all in "
                    + byAz.keySet().iterator().next()
                    + ", and an ALB needs subnets in at least two"
                    + " availability zones",
                first));
      }
    }
  }
}
