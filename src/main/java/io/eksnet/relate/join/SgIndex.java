package io.eksnet.relate.join;

import io.eksnet.model.EksCluster;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.SecurityGroupRule;
import io.eksnet.model.SgRule;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.net.Cidr;
import io.eksnet.net.CidrSet;
import io.eksnet.net.IpFamily;
import io.eksnet.net.ParsedCidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security groups and their rules indexed by group and direction, so "does group T admit traffic
 * from these sources on this port" (ingress) and "do these groups let traffic out to that
 * destination" (egress) cost the rules of the groups asked about only. A group is known by a key:
 * {@code tf:} plus file and address for a group in the scan, {@code id:} plus the id for one
 * outside it (the EKS cluster security group, groups of other stacks). Ids of groups in the scan
 * map to their {@code tf:} key, so a rule that names a group by id and one that references it
 * agree.
 *
 * <p>Answers are three-valued: a rule set that is unknown until apply, a rule whose peer cannot be
 * resolved, or a prefix list makes the answer {@link Verdict#UNKNOWN}, never a false "no". A group
 * the scan manages with no rule of a direction has none: Terraform removes the allow-all egress
 * rule AWS gives a new group and every rule of a default group it adopts. The EKS cluster security
 * group, which EKS creates, keeps its allow-all egress rule.
 */
final class SgIndex {

  /** Whether a group admits the traffic. */
  enum Verdict {
    YES,
    NO,
    UNKNOWN
  }

  /**
   * One end of the traffic: the security groups of its network interfaces and the address ranges
   * its addresses lie in. For ingress it is the source, for egress the destination.
   *
   * @param groups group keys ({@link #keyOfId}, {@link #key})
   * @param groupsComplete false when some group of the peer is not known (a rule naming a group
   *     that is not among {@code groups} may then still match it)
   * @param cidrs the ranges the peer's addresses lie in; empty when unknown
   */
  record Source(Set<String> groups, boolean groupsComplete, List<Cidr> cidrs) {
    Source {
      groups = Set.copyOf(groups);
      cidrs = List.copyOf(cidrs);
    }
  }

  /** A rule and the file it was read from (its group references are addresses in that file). */
  private record Entry(SgRule rule, String file) {}

  /** The rules of one direction. */
  private static final class Direction {
    final Map<String, List<Entry>> rules = new HashMap<>();
    final Set<String> unknown = new HashSet<>();
    final Set<String> uncertainFiles = new HashSet<>();
  }

  private final Map<String, SecurityGroup> groups = new HashMap<>();
  private final Map<String, String> keyById = new HashMap<>();
  private final Map<String, SecurityGroup> byName = new HashMap<>();
  private final Direction ingress = new Direction();
  private final Direction egress = new Direction();
  private final Set<String> clusterGroups = new HashSet<>();

  SgIndex(Collection<?> facts) {
    for (Object f : facts) {
      if (f instanceof SecurityGroup g) {
        String k = key(g, g.getAddress());
        groups.put(k, g);
        if (g.getId() != null && !g.getId().isEmpty()) {
          keyById.putIfAbsent(g.getId(), k);
        }
        if (g.getTagName() != null) {
          byName.putIfAbsent(g.getTagName(), g);
        }
        if (g.getGroupName() != null) {
          byName.putIfAbsent(g.getGroupName(), g);
        }
      }
    }
    for (SecurityGroup g : groups.values()) {
      String k = key(g, g.getAddress());
      // a data source gives the group's id and name, not its rules
      if (!g.isIngressKnown() || isDataSource(g)) {
        ingress.unknown.add(k);
      }
      if (!g.isEgressKnown() || isDataSource(g)) {
        egress.unknown.add(k);
      }
      for (SgRule r : g.getRules()) {
        direction(r)
            .rules
            .computeIfAbsent(k, x -> new ArrayList<>())
            .add(new Entry(r, g.getFile()));
      }
    }
    for (Object f : facts) {
      if (f instanceof SecurityGroupRule r) {
        Direction d = direction(r.getRule());
        TfRefs sg = r.getSecurityGroup();
        if (sg.addresses().isEmpty() && sg.external().isEmpty()) {
          d.uncertainFiles.add(r.getFile()); // a rule of some group the scan cannot name
          continue;
        }
        for (String a : sg.addresses()) {
          d.rules
              .computeIfAbsent(key(r, a), x -> new ArrayList<>())
              .add(new Entry(r.getRule(), r.getFile()));
        }
        for (String id : sg.external()) {
          d.rules
              .computeIfAbsent(keyOfId(id), x -> new ArrayList<>())
              .add(new Entry(r.getRule(), r.getFile()));
        }
      } else if (f instanceof EksCluster c
          && c.getClusterSecurityGroupId() != null
          && !c.getClusterSecurityGroupId().isEmpty()) {
        clusterGroups.add(keyOfId(c.getClusterSecurityGroupId()));
      }
    }
  }

  private Direction direction(SgRule r) {
    return r.ingress() ? ingress : egress;
  }

  private static boolean isDataSource(TerraformResource r) {
    return r.getAddress().startsWith("data.") || r.getAddress().contains(".data.");
  }

  /** The key of the group at {@code address} in the file of {@code from}. */
  static String key(TerraformResource from, String address) {
    return "tf:" + TerraformResource.key(from.getFile(), address);
  }

  /**
   * The key of the group with this id: the scan's group when it has the id, else {@code id:<id>}.
   */
  String keyOfId(String id) {
    String k = keyById.get(id);
    return k != null ? k : "id:" + id;
  }

  /** The keys a reference names (addresses in the file of {@code from}, and external ids). */
  List<String> keys(TerraformResource from, TfRefs refs) {
    List<String> out = new ArrayList<>();
    for (String a : refs.addresses()) {
      out.add(key(from, a));
    }
    for (String id : refs.external()) {
      out.add(keyOfId(id));
    }
    return out;
  }

  /**
   * The keys of the groups an EC2NodeClass's {@code securityGroupSelectorTerms} select, as
   * Karpenter resolves them: terms are alternatives; an {@code id} names its group (in the scan or
   * not), a {@code name} the scan's group of that group name, and {@code tags} every group of the
   * scan whose tags ({@code tags_all} counts) all match, with EC2 filter wildcards (and maybe
   * groups outside the scan: see {@link #maySelectOutsideTheScan}). Null when a term selects no
   * group of the scan by name or tags (the groups it selects are elsewhere) or there is no term.
   */
  List<String> selectedKeys(List<io.eksnet.model.Ec2NodeClass.SelectorTerm> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    List<String> sorted = new ArrayList<>(groups.keySet());
    java.util.Collections.sort(sorted);
    for (io.eksnet.model.Ec2NodeClass.SelectorTerm t : terms) {
      if (t.id() != null && t.tags().isEmpty() && t.name() == null) {
        out.add(keyOfId(t.id().trim()));
        continue;
      }
      boolean found = false;
      for (String k : sorted) {
        SecurityGroup g = groups.get(k);
        if (t.name() != null && !t.name().equals(g.getGroupName())) {
          continue;
        }
        if (t.id() != null && !t.id().equals(g.getId())) {
          continue;
        }
        if (!t.tags().isEmpty() || t.id() != null) {
          if (!KarpenterNodes.matches(t, g.getId(), tags(g))) {
            continue;
          }
        }
        out.add(k);
        found = true;
      }
      if (!found) {
        return null;
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * True when a term selects by tags: Karpenter then takes every group with those tags, also groups
   * tagged outside the scan (the cluster group EKS creates, tagged by {@code aws_ec2_tag} or
   * another stack), so the groups {@link #selectedKeys} finds may not be all.
   */
  static boolean maySelectOutsideTheScan(List<io.eksnet.model.Ec2NodeClass.SelectorTerm> terms) {
    return terms.stream().anyMatch(t -> !t.tags().isEmpty());
  }

  /** {@code tags_all} (provider default tags included) over {@code tags}. */
  private static java.util.Map<String, String> tags(SecurityGroup g) {
    java.util.Map<String, String> all =
        new java.util.LinkedHashMap<>(io.eksnet.model.Tree.stringMap(g.getValues().get("tags")));
    all.putAll(io.eksnet.model.Tree.stringMap(g.getValues().get("tags_all")));
    return all;
  }

  /** The scan's group of that key, or null. */
  SecurityGroup group(String key) {
    return groups.get(key);
  }

  /** The group with this id or {@code Name} tag or name, or null. */
  SecurityGroup byIdOrName(String value) {
    SecurityGroup g = groups.get(keyOfId(value));
    return g != null ? g : byName.get(value);
  }

  /**
   * {@code aws_security_group.node} or {@code sg-0123 (EKS cluster security group)}, for messages.
   */
  String describe(String key) {
    SecurityGroup g = groups.get(key);
    if (g != null) {
      return g.getAddress();
    }
    String id = key.startsWith("id:") ? key.substring(3) : key;
    return clusterGroups.contains(key) ? id + " (the EKS cluster security group)" : id;
  }

  /** Whether any of the target groups admits the source on TCP ports {@code from..to}. */
  Verdict admitsAny(Collection<String> targets, Source source, int from, int to) {
    return any(targets, t -> admits(t, source, from, to));
  }

  /**
   * YES when one group's verdict is YES, NO when every group's is NO, else UNKNOWN (also for no
   * group at all): a network interface's groups allow what any of them allows.
   */
  private static Verdict any(
      Collection<String> groups, java.util.function.Function<String, Verdict> verdict) {
    boolean unknown = groups.isEmpty();
    for (String g : groups) {
      Verdict v = verdict.apply(g);
      if (v == Verdict.YES) {
        return Verdict.YES;
      }
      unknown |= v == Verdict.UNKNOWN;
    }
    return unknown ? Verdict.UNKNOWN : Verdict.NO;
  }

  /** Whether the target group admits the source on every TCP port {@code from..to}. */
  Verdict admits(String target, Source source, int from, int to) {
    SecurityGroup g = groups.get(target);
    boolean cluster = clusterGroups.contains(target);
    if (g == null && !cluster) {
      return Verdict.UNKNOWN; // a group outside the scan: its rules are unknown
    }
    if (!rulesKnown(ingress, target, g)) {
      return Verdict.UNKNOWN;
    }
    if (cluster && source.groups().contains(target)) {
      return Verdict.YES; // EKS gives its cluster group an "all traffic from itself" rule
    }
    return evaluate(ingress, target, source, from, to);
  }

  /**
   * Whether traffic leaving a network interface with these groups may go to the destination on TCP
   * ports {@code from..to}: a network interface's groups allow what any of them allows.
   */
  Verdict allowsOutAny(Collection<String> sources, Source destination, int from, int to) {
    return any(sources, s -> allowsOut(s, destination, from, to));
  }

  /** Whether the group's egress rules let traffic out to the destination on every port. */
  Verdict allowsOut(String group, Source destination, int from, int to) {
    if (clusterGroups.contains(group)) {
      return Verdict.YES; // EKS creates its cluster group with an allow-all egress rule
    }
    SecurityGroup g = groups.get(group);
    if (g == null) {
      return Verdict.UNKNOWN; // a group outside the scan: its rules are unknown
    }
    if (!rulesKnown(egress, group, g)) {
      return Verdict.UNKNOWN;
    }
    return evaluate(egress, group, destination, from, to);
  }

  /** True when the scan knows every rule of that direction the group may have. */
  private boolean rulesKnown(Direction d, String key, SecurityGroup g) {
    if (d.unknown.contains(key)) {
      return false;
    }
    return g != null ? !d.uncertainFiles.contains(g.getFile()) : d.uncertainFiles.isEmpty();
  }

  private Verdict evaluate(Direction d, String owner, Source peer, int from, int to) {
    boolean maybe = false;
    for (Entry e : d.rules.getOrDefault(owner, List.of())) {
      Cover cover = cover(e.rule(), from, to);
      if (cover == Cover.NONE) {
        continue;
      }
      Match m = match(owner, e, peer);
      if (m == Match.YES && cover == Cover.ALL) {
        return Verdict.YES;
      }
      maybe |= m != Match.NO;
    }
    return maybe ? Verdict.UNKNOWN : Verdict.NO;
  }

  /** {@link #describeEgress(String)} of each group, joined with {@code ; }. */
  String describeEgress(java.util.Collection<String> groups) {
    List<String> d = new ArrayList<>();
    for (String g : groups) {
      d.add(describeEgress(g));
    }
    return String.join("; ", d);
  }

  /**
   * What a group lets out, for messages: {@code aws_security_group.alb has no egress rule (...)} or
   * {@code aws_security_group.alb lets out only TCP 443 to 0.0.0.0/0}.
   */
  String describeEgress(String group) {
    SecurityGroup g = groups.get(group);
    List<Entry> rules = egress.rules.getOrDefault(group, List.of());
    if (rules.isEmpty()) {
      return describe(group)
          + " has no egress rule ("
          + (g != null && g.isDefaultGroup()
              ? "Terraform removes every rule of a default security group it adopts and keeps"
                  + " only those of its configuration"
              : "Terraform removes the allow-all egress rule AWS gives a new security group")
          + (g != null && g.isEgressInferred()
              ? "; the plan shows no egress argument for it, which is also how a dynamic \"egress\""
                  + " block looks when its for_each is known only at apply"
              : "")
          + ")";
    }
    List<String> d = new ArrayList<>();
    for (Entry e : rules) {
      if (d.size() == 4) {
        d.add("and " + (rules.size() - 4) + " more");
        break;
      }
      d.add(describeRule(e));
    }
    return describe(group) + " lets out only " + String.join("; ", d);
  }

  /** {@code TCP 443 to 0.0.0.0/0}, {@code all traffic to aws_security_group.db}. */
  private String describeRule(Entry e) {
    SgRule r = e.rule();
    String what;
    String p = r.protocol() == null ? null : r.protocol().trim().toLowerCase(java.util.Locale.ROOT);
    if (r.allProtocols()) {
      what = "all traffic";
    } else if (p == null) {
      what = "a protocol known after apply";
    } else {
      String name =
          switch (p) {
            case "6" -> "TCP";
            case "17" -> "UDP";
            case "1" -> "ICMP";
            default -> p.toUpperCase(java.util.Locale.ROOT);
          };
      Integer from = r.fromPort();
      Integer to = r.toPort();
      what =
          from == null || to == null
              ? name
              : name + " " + (from.equals(to) ? String.valueOf(from) : from + "-" + to);
    }
    List<String> peers = new ArrayList<>(r.cidrs());
    peers.addAll(r.ipv6Cidrs());
    peers.addAll(r.prefixLists());
    if (r.self()) {
      peers.add("itself");
    }
    TfRefs refs = r.sourceGroups();
    if (refs != null) {
      for (String a : refs.addresses()) {
        peers.add(describe("tf:" + TerraformResource.key(e.file(), a)));
      }
      for (String id : refs.external()) {
        peers.add(describe(keyOfId(id)));
      }
      if (refs.unresolved()) {
        peers.add("a peer known after apply");
      }
    }
    return what + (peers.isEmpty() ? " to no address or group" : " to " + String.join(", ", peers));
  }

  enum Cover {
    ALL,
    SOME,
    NONE
  }

  enum Match {
    YES,
    MAYBE,
    NO
  }

  /** How much of TCP {@code from..to} a rule opens; SOME also when its ports are unknown. */
  static Cover cover(SgRule r, int from, int to) {
    if (r.allProtocols()) {
      return Cover.ALL;
    }
    String p = r.protocol() == null ? null : r.protocol().trim().toLowerCase(java.util.Locale.ROOT);
    if (p == null) {
      return Cover.SOME;
    }
    if (!p.equals("tcp") && !p.equals("6")) {
      return Cover.NONE;
    }
    if (r.fromPort() == null || r.toPort() == null) {
      return Cover.SOME;
    }
    if (r.fromPort() <= from && to <= r.toPort()) {
      return Cover.ALL;
    }
    return r.toPort() < from || r.fromPort() > to ? Cover.NONE : Cover.SOME;
  }

  /**
   * Whether a rule of group {@code owner} names the peer: itself ({@code self}), one of the peer's
   * groups, or CIDRs covering the peer's ranges.
   */
  private Match match(String owner, Entry e, Source source) {
    SgRule r = e.rule();
    Match best = Match.NO;
    if (r.self()) {
      if (source.groups().contains(owner)) {
        return Match.YES;
      }
      if (!source.groupsComplete()) {
        best = Match.MAYBE;
      }
    }
    TfRefs sources = r.sourceGroups();
    if (sources != null) {
      for (String a : sources.addresses()) {
        String k = "tf:" + TerraformResource.key(e.file(), a);
        if (source.groups().contains(k)) {
          return Match.YES;
        }
        if (!source.groupsComplete()) {
          best = Match.MAYBE;
        }
      }
      for (String id : sources.external()) {
        if (source.groups().contains(keyOfId(id))) {
          return Match.YES;
        }
        if (!source.groupsComplete()) {
          best = Match.MAYBE;
        }
      }
      if (sources.unresolved()) {
        best = Match.MAYBE;
      }
    }
    if (!r.prefixLists().isEmpty()) {
      best = Match.MAYBE;
    }
    if (!r.cidrs().isEmpty()) {
      Match c = matchCidrs(r.cidrs(), source.cidrs());
      if (c == Match.YES) {
        return Match.YES;
      }
      if (c == Match.MAYBE) {
        best = Match.MAYBE;
      }
    }
    return best;
  }

  /**
   * YES when the rule's blocks cover every range of the source, NO when they miss all of them,
   * MAYBE when they cover part, when the source ranges are unknown, or a block is unparseable.
   */
  static Match matchCidrs(List<String> ruleCidrs, List<Cidr> sourceRanges) {
    List<Cidr> blocks = new ArrayList<>();
    for (String c : ruleCidrs) {
      ParsedCidr pc = Cidr.tryParse(c.trim());
      if (!pc.isValid()) {
        return Match.MAYBE;
      }
      if (pc.cidr().network().isIpv4()) {
        blocks.add(pc.cidr());
      }
    }
    if (blocks.isEmpty()) {
      return Match.NO;
    }
    CidrSet allowed = CidrSet.of(blocks);
    if (allowed.coversAll(IpFamily.IPV4)) {
      return Match.YES; // every IPv4 address, wherever the peer's are
    }
    if (sourceRanges.isEmpty()) {
      return Match.MAYBE;
    }
    CidrSet src = CidrSet.of(sourceRanges);
    if (allowed.covers(src)) {
      return Match.YES;
    }
    return allowed.overlaps(src) ? Match.MAYBE : Match.NO;
  }
}
