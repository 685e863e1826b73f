package io.eksnet.relate.join;

import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.Vpc;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.k8s.AppliedClassParams;
import io.eksnet.relate.terraform.SubnetRouting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The subnets of the AWS Load Balancer Controller's ALBs (Ingresses) and NLBs (Services) in the
 * scope's VPC: the entries of a {@code subnets} annotation or of an IngressClassParams' {@code
 * spec.subnets.ids} against the Terraform's subnets, VPCs, routes and zones ({@link LbSubnetEntry},
 * {@link LbSubnetZones}: EKS-LB-009), and, without explicit subnets, what the controller's subnet
 * discovery finds by role tags or, when no subnet is tagged, by routes, or what the params' {@code
 * spec.subnets.tags} select ({@link LbSubnetDiscovery}: EKS-LB-008, EKS-LB-012). The
 * IngressClassParams an Ingress's class references take precedence over its annotations (scheme,
 * subnets, group).
 */
final class LbSubnetRelations {

  private static final String ELB_TAG = "kubernetes.io/role/elb";
  private static final String INTERNAL_ELB_TAG = "kubernetes.io/role/internal-elb";

  private final JoinIndex j;

  /**
   * What discovery picks per scheme and required zones, empty when not known from the scan. Same
   * for every object.
   */
  private final Map<String, Optional<Found>> discovered = new HashMap<>();

  /** The subnets discovery picks: how, in how many zones, and as messages name them. */
  private record Found(LbSubnetDiscovery.By by, int zones, String found) {}

  private LbSubnetRelations(JoinIndex j) {
    this.j = j;
  }

  static void compute(JoinIndex j, List<?> derived, List<Object> out) {
    new LbSubnetRelations(j).loadBalancerSubnets(derived, out);
  }

  /** The scheme an ALB Ingress gets, and where it is decided. */
  private record Scheme(String value, boolean fromParams, boolean explicit, Location location) {}

  private void loadBalancerSubnets(List<?> derived, List<Object> out) {
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
    albSubnets(v, inVpc, out);
    for (Object d : derived) {
      if (d instanceof AppliedClassParams a
          && a.getParams().hasSubnets()
          && !a.getParams().isAutoMode()) {
        paramsSubnets(a, v, inVpc, out);
      }
    }
    for (Service s : j.services) {
      if (!s.isLbcNlb()) {
        continue;
      }
      String scheme = scheme(s.annotation(JoinIndex.NLB_PREFIX + "scheme"));
      if (s.annotation(JoinIndex.NLB_PREFIX + "subnets") != null) {
        String key = JoinIndex.NLB_PREFIX + "subnets";
        subnetList(
            s.getDisplayName(),
            entries(s.annotation(key)),
            x -> s.annotationLocation(key),
            s.annotationLocation(key),
            key,
            scheme,
            null,
            false,
            true,
            null,
            out);
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

  /**
   * The ALB Ingresses: a subnets annotation is checked against the Terraform (unless the
   * IngressClassParams set subnets, which the controller takes instead), and without one what
   * discovery finds for the scheme. An IngressGroup shares one ALB, so an Ingress is not judged on
   * its own when another member of its group names subnets or, having no scheme itself, when
   * another member sets the scheme. Ingresses whose class references parameters the scan lacks are
   * skipped: those may set scheme and subnets.
   */
  private void albSubnets(Vpc v, List<Subnet> inVpc, List<Object> out) {
    Set<Ingress> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<AlbIngress> albs = new ArrayList<>();
    // per IngressGroup: how many members name subnets, how many set the scheme
    Map<String, int[]> groups = new HashMap<>();
    for (AlbIngress a : j.albs) {
      // EKS Auto Mode's default scheme and subnet choice are not documented as the controller's
      if (!a.isClassParamsUnresolved() && !a.isAutoMode() && seen.add(a.getIngress())) {
        albs.add(a);
        String g = groupName(a);
        if (g != null) {
          int[] counts = groups.computeIfAbsent(g, k -> new int[2]);
          counts[0] += namesSubnets(a) ? 1 : 0;
          counts[1] += scheme(a).explicit() ? 1 : 0;
        }
      }
    }
    Map<AppliedClassParams, List<Ingress>> byParams = new LinkedHashMap<>();
    for (AlbIngress a : albs) {
      Ingress i = a.getIngress();
      IngressClassParams p = a.getParams();
      if (p != null && p.hasSubnets()) {
        continue; // the params' subnets win over the annotation: checked once per params
      }
      Scheme scheme = scheme(a);
      String key = Ingress.ALB_PREFIX + "subnets";
      if (i.annotation(key) != null) {
        String privateSubject =
            scheme.fromParams()
                ? i.getDisplayName()
                    + " (its IngressClassParams "
                    + p.getName()
                    + " sets spec.scheme: "
                    + scheme.value()
                    + ")"
                : null;
        subnetList(
            i.getDisplayName(),
            entries(i.annotation(key)),
            x -> i.annotationLocation(key),
            i.annotationLocation(key),
            key,
            scheme.value(),
            privateSubject,
            true,
            true,
            null,
            out);
        continue;
      }
      if (v == null || inVpc.isEmpty() || decidedByGroup(a, scheme, groups)) {
        continue;
      }
      if (scheme.fromParams()) {
        byParams.computeIfAbsent(a.getClassParams(), k -> new ArrayList<>()).add(i);
        continue;
      }
      discover(i, "ALB", scheme.value(), 2, scheme.location(), v, inVpc, out);
    }
    for (Map.Entry<AppliedClassParams, List<Ingress>> e : byParams.entrySet()) {
      IngressClassParams p = e.getKey().getParams();
      String scheme = scheme(p.getScheme());
      if (!scheme.equals("internal") && !scheme.equals("internet-facing")) {
        continue;
      }
      Found found = discovery(scheme, 2, inVpc);
      if (found != null) {
        out.add(
            new LbSubnetDiscovery(
                found.by(),
                true,
                p.getDisplayName(),
                "ALB",
                scheme,
                p.at("spec", "scheme"),
                AppliedClassParams.related(e.getValue(), e.getKey().getClasses()),
                v,
                tag(scheme),
                found.zones(),
                2,
                found.found(),
                AppliedClassParams.describe(e.getValue(), e.getKey().getClasses())));
      }
    }
  }

  /** The IngressGroup: the params' {@code group.name} wins over the annotation. */
  private static String groupName(AlbIngress a) {
    IngressClassParams p = a.getParams();
    String g =
        p != null && p.getGroupName() != null
            ? p.getGroupName()
            : a.getIngress().albAnnotation("group.name");
    return g == null ? null : g.trim();
  }

  /** The params' scheme, else the annotation, else the default {@code internal}. */
  private static Scheme scheme(AlbIngress a) {
    IngressClassParams p = a.getParams();
    Ingress i = a.getIngress();
    if (p != null && p.getScheme() != null) {
      return new Scheme(scheme(p.getScheme()), true, true, p.at("spec", "scheme"));
    }
    String key = Ingress.ALB_PREFIX + "scheme";
    if (i.annotation(key) != null) {
      return new Scheme(scheme(i.annotation(key)), false, true, i.annotationLocation(key));
    }
    return new Scheme("internal", false, false, i.classLocation());
  }

  /** True when the params or the annotation name the subnets. */
  private static boolean namesSubnets(AlbIngress a) {
    IngressClassParams p = a.getParams();
    return (p != null && p.hasSubnets()) || a.getIngress().albAnnotation("subnets") != null;
  }

  /**
   * True when another member of the Ingress's group names subnets or, for an Ingress without a
   * scheme of its own, sets the scheme. Only called for Ingresses that name no subnets.
   */
  private static boolean decidedByGroup(AlbIngress a, Scheme scheme, Map<String, int[]> groups) {
    String g = groupName(a);
    if (g == null) {
      return false;
    }
    int[] counts = groups.get(g);
    return counts[0] > 0 || (!scheme.explicit() && counts[1] > 0);
  }

  private static List<String> entries(String annotation) {
    List<String> entries = new ArrayList<>();
    for (String e : annotation.split(",")) {
      if (!e.isBlank()) {
        entries.add(e.trim());
      }
    }
    return entries;
  }

  /**
   * The params' {@code spec.subnets}: ids checked as a subnets annotation is, tags by what they
   * select in the cluster's VPC. Judged when an IngressClass of the scan references the params,
   * whether or not the scan has Ingresses of it: every Ingress of the class gets these subnets.
   */
  private void paramsSubnets(AppliedClassParams a, Vpc v, List<Subnet> inVpc, List<Object> out) {
    IngressClassParams p = a.getParams();
    String subject = p.getDisplayName() + " (for " + a.describeUsers() + ")";
    if (p.getSubnetIds() != null) {
      // the scheme: the params', else an Ingress's annotation (they share the params' subnets)
      String scheme = p.getScheme() == null ? "internal" : scheme(p.getScheme());
      String privateSubject = null;
      Location related = a.relatedLocation();
      if (p.getScheme() == null) {
        for (Ingress i : a.getIngresses()) {
          if ("internet-facing".equals(scheme(i.albAnnotation("scheme")))) {
            scheme = "internet-facing";
            privateSubject =
                p.getDisplayName() + " (for the internet-facing " + i.getDisplayName() + ")";
            related = i.annotationLocation(Ingress.ALB_PREFIX + "scheme");
            break;
          }
        }
      }
      Location whole = p.at("spec", "subnets", "ids");
      List<String> ids = p.getSubnetIds();
      List<Location> at = new ArrayList<>();
      for (int x = 0; x < ids.size(); x++) {
        at.add(p.at("spec", "subnets", "ids", Integer.toString(x)));
      }
      subnetList(
          subject,
          ids,
          at::get,
          whole,
          "spec.subnets.ids",
          scheme,
          privateSubject,
          true,
          false,
          related,
          out);
      return;
    }
    Map<String, List<String>> tags = p.getSubnetTags();
    if (v == null || inVpc.isEmpty() || tags.isEmpty()) {
      return;
    }
    List<Subnet> match = new ArrayList<>();
    for (Subnet s : inVpc) {
      boolean all = true;
      for (Map.Entry<String, List<String>> t : tags.entrySet()) {
        if (t.getValue().isEmpty()) {
          return; // a key without values: what it matches is not documented
        }
        String value = s.getTags().get(t.getKey());
        all &= value != null && t.getValue().contains(value);
      }
      if (all && !otherCluster(s)) {
        match.add(s);
      }
    }
    Set<String> azs = azs(match);
    if (azs == null) {
      return;
    }
    String found =
        match.isEmpty()
            ? "matches no subnet"
            : (azs.size() >= 2 ? "matches " : "matches only ")
                + describe(match)
                + ", in "
                + azs.size()
                + (azs.size() == 1 ? " availability zone" : " zones");
    out.add(
        new LbSubnetDiscovery(
            LbSubnetDiscovery.By.TAG_FILTER,
            true,
            p.getDisplayName(),
            "ALB",
            p.getScheme() == null ? "" : scheme(p.getScheme()),
            p.at("spec", "subnets", "tags"),
            a.relatedLocation(),
            v,
            p.describeSubnetTags(),
            azs.size(),
            2,
            found,
            a.describeUsers()));
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
    Found found = discovery(scheme, required, inVpc);
    if (found != null) {
      out.add(
          new LbSubnetDiscovery(
              found.by(),
              false,
              o.getDisplayName(),
              kind,
              scheme,
              loc,
              v.getLocation(),
              v,
              tag(scheme),
              found.zones(),
              required,
              found.found(),
              ""));
    }
  }

  /** What discovery picks for the scheme, once per scheme and need; null when not known. */
  private Found discovery(String scheme, int required, List<Subnet> inVpc) {
    return discovered
        .computeIfAbsent(
            scheme + "/" + required, k -> Optional.ofNullable(picks(scheme, required, inVpc)))
        .orElse(null);
  }

  private static String scheme(String value) {
    return value == null ? "internal" : value.trim().toLowerCase(Locale.ROOT);
  }

  private static String tag(String scheme) {
    return scheme.equals("internet-facing") ? ELB_TAG : INTERNAL_ELB_TAG;
  }

  /** What discovery picks for the scheme in the VPC; null when not known from the scan. */
  private Found picks(String scheme, int required, List<Subnet> inVpc) {
    boolean internet = scheme.equals("internet-facing");
    String tag = internet ? ELB_TAG : INTERNAL_ELB_TAG;
    List<Subnet> tagged = new ArrayList<>();
    for (Subnet s : inVpc) {
      if (hasRoleTag(s, tag) && !otherCluster(s)) {
        tagged.add(s);
      }
    }
    if (!tagged.isEmpty()) {
      Set<String> azs = azs(tagged);
      if (azs == null) {
        return null;
      }
      return new Found(
          LbSubnetDiscovery.By.ROLE_TAG,
          azs.size(),
          (azs.size() >= required ? "" : "only ")
              + describe(tagged)
              + ", in "
              + azs.size()
              + (azs.size() == 1 ? " availability zone" : " zones"));
    }
    // no subnet carries the tag: controller 2.12.1+ falls back on the route to an internet gateway
    List<Subnet> byRoute = new ArrayList<>();
    for (Subnet s : inVpc) {
      SubnetRouting r = j.routing.get(s.getKey());
      if (r == null || !r.isKnown()) {
        return null;
      }
      if (!otherCluster(s) && r.isPublicRoute() == internet) {
        byRoute.add(s);
      }
    }
    Set<String> azs = azs(byRoute);
    if (azs == null) {
      return null;
    }
    if (azs.size() >= required) {
      return new Found(
          LbSubnetDiscovery.By.ROUTES,
          azs.size(),
          describe(byRoute) + ", in " + azs.size() + " zones");
    }
    return new Found(
        LbSubnetDiscovery.By.ROUTES,
        azs.size(),
        "no subnet is tagged "
            + tag
            + ", and the controllers that fall back on routes (2.12.1 and later) find "
            + (byRoute.isEmpty()
                ? "no " + (internet ? "public" : "private") + " subnet either"
                : "only "
                    + describe(byRoute)
                    + " by "
                    + (internet ? "its route to an internet gateway" : "its routes")));
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

  static String describe(List<Subnet> subs) {
    List<String> d = new ArrayList<>();
    for (Subnet s : subs) {
      d.add(s.describe());
    }
    return String.join(", ", d);
  }

  /**
   * Judges the subnets a subnets annotation or the params' {@code spec.subnets.ids} names.
   *
   * @param at the location of each entry
   * @param privateSubject the subject for a private subnet, naming where the scheme is set (null:
   *     the subject)
   * @param byName whether entries may be {@code Name} tags (annotations) or only ids (params)
   * @param related the second place of every finding, or null for the subnet concerned
   */
  private void subnetList(
      String subject,
      List<String> entries,
      IntFunction<Location> at,
      Location whole,
      String key,
      String scheme,
      String privateSubject,
      boolean alb,
      boolean byName,
      Location related,
      List<Object> out) {
    Map<String, Subnet> resolved = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String e : entries) {
      Subnet s = j.subnetById.get(e);
      if (s == null && byName) {
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
    LbSubnetEntry.Zones zones = null;
    if (alb && resolved.size() == entries.size()) {
      Map<String, List<Subnet>> byAz = new LinkedHashMap<>();
      for (Subnet s : resolved.values()) {
        if (s.getAvailabilityZone() == null) {
          byAz = null;
          break;
        }
        byAz.computeIfAbsent(s.getAvailabilityZone(), k -> new ArrayList<>()).add(s);
      }
      if (byAz != null) {
        List<Subnet> same = List.of();
        for (List<Subnet> z : byAz.values()) {
          if (z.size() > 1) {
            same = z;
            break;
          }
        }
        zones =
            new LbSubnetEntry.Zones(
                byAz.size(),
                byAz.keySet().iterator().next(),
                same,
                String.join(",", entries),
                whole,
                related != null
                    ? related
                    : same.isEmpty() ? first.getLocation() : same.get(1).getLocation());
      }
    }
    String vpcKey = j.vpcKey();
    for (int x = 0; x < entries.size(); x++) {
      String e = entries.get(x);
      Subnet s = resolved.get(e);
      if (s == null && ambiguous.contains(e)) {
        continue;
      }
      if (s == null) {
        out.add(
            new LbSubnetEntry(
                subject,
                privateSubject != null ? privateSubject : subject,
                key,
                e,
                null,
                true,
                LbSubnetEntry.Route.UNKNOWN,
                scheme,
                "the other entries are (" + describe(new ArrayList<>(resolved.values())) + ")",
                null,
                at.apply(x),
                related != null ? related : first.getLocation(),
                null));
        continue;
      }
      String subnetVpc = j.vpcKeyOf(s, s.getVpc());
      boolean other = JoinIndex.differentVpc(subnetVpc, vpcKey);
      SubnetRouting r = j.routing.get(s.getKey());
      LbSubnetEntry.Route route =
          r == null || !r.isKnown()
              ? LbSubnetEntry.Route.UNKNOWN
              : r.isPublicRoute() ? LbSubnetEntry.Route.PUBLIC : LbSubnetEntry.Route.PRIVATE;
      out.add(
          new LbSubnetEntry(
              subject,
              privateSubject != null ? privateSubject : subject,
              key,
              e,
              s,
              !other,
              route,
              scheme,
              other
                  ? s.describe()
                      + " belongs to "
                      + j.describeVpc(subnetVpc)
                      + ", not to the cluster's VPC "
                      + j.describeVpc(vpcKey)
                  : null,
              route == LbSubnetEntry.Route.UNKNOWN
                  ? null
                  : s.describe()
                      + " has no route to an internet gateway in "
                      + r.describeRouteTable(),
              at.apply(x),
              related != null ? related : s.getLocation(),
              x == 0 ? zones : null));
    }
  }
}
