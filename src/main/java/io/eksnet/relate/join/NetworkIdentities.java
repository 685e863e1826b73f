package io.eksnet.relate.join;

import io.eksnet.model.EksCluster;
import io.eksnet.model.EniConfig;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.NodePoolNodes;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Subnet;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.relate.terraform.CniConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the scope's node and pod traffic comes from, in the terms security group rules match: the
 * nodes' groups (launch template, else the EKS cluster group) and subnets, the ENIConfigs' groups
 * and subnets with custom networking, and a SecurityGroupPolicy's groups for the pods it selects.
 * It derives no fact itself: {@link LbBackendRelations} (EKS-SG-001) and {@link DatabaseRelations}
 * (EKS-SG-002) ask it whether security groups admit these sources, and both ask whether the sending
 * groups let the traffic out to them (EKS-SG-003). The node and ENIConfig identities are computed
 * once per scan.
 */
final class NetworkIdentities {

  /** Where pod or node traffic comes from: a description, security groups and address ranges. */
  record Identity(
      String description, Set<String> groups, boolean complete, List<Cidr> cidrs, boolean nodes) {
    SgIndex.Source source() {
      return new SgIndex.Source(groups, complete, cidrs);
    }
  }

  private final JoinIndex j;
  private List<Identity> nodeIdentities;
  private List<Identity> eniIdentities;

  NetworkIdentities(JoinIndex j) {
    this.j = j;
  }

  /** One identity per node group: its launch template's groups, else the cluster group. */
  List<Identity> nodes() {
    if (nodeIdentities != null) {
      return nodeIdentities;
    }
    EksCluster cluster = j.cluster();
    List<Identity> out = new ArrayList<>();
    for (NodeGroup g : j.nodeGroups) {
      Set<String> groups = new LinkedHashSet<>();
      boolean complete = true;
      LaunchTemplate lt = j.launchTemplate(g);
      if (g instanceof NodePoolNodes np) {
        // a Karpenter NodePool: the groups its EC2NodeClass's selector terms select
        List<String> keys =
            np.getNodeClass() == null
                ? null
                : j.sgs.selectedKeys(np.getNodeClass().getSecurityGroupTerms());
        if (keys == null) {
          complete = false; // no node class, or groups the scan does not hold
        } else {
          groups.addAll(keys);
          // a tag term may also select groups tagged outside the scan
          complete = !SgIndex.maySelectOutsideTheScan(np.getNodeClass().getSecurityGroupTerms());
        }
      } else if (lt != null && !lt.getSecurityGroups().isEmpty()) {
        groups.addAll(j.sgs.keys(lt, lt.getSecurityGroups()));
        complete = !lt.getSecurityGroups().unresolved();
      } else if (g.hasLaunchTemplate() && lt == null) {
        complete = false; // the launch template is not in the scan
      } else if (cluster != null && cluster.getClusterSecurityGroupId() != null) {
        groups.add(j.sgs.keyOfId(cluster.getClusterSecurityGroupId()));
      } else {
        complete = false; // the cluster security group, id unknown until apply
      }
      List<Subnet> subs = j.allSubnetsOf(g);
      List<Cidr> cidrs = new ArrayList<>();
      if (subs != null && subs.stream().allMatch(s -> s.getCidr() != null)) {
        subs.forEach(s -> cidrs.add(s.getCidr()));
      }
      String d =
          g.describe()
              + ": security groups "
              + describeGroups(groups, complete)
              + (cidrs.isEmpty() ? "" : " and subnets " + describeCidrs(cidrs));
      out.add(new Identity(d, groups, complete, cidrs, true));
    }
    nodeIdentities = out;
    return out;
  }

  private String describeGroups(Set<String> groups, boolean complete) {
    List<String> d = new ArrayList<>();
    groups.forEach(k -> d.add(j.sgs.describe(k)));
    if (!complete) {
      d.add(groups.isEmpty() ? "not known from the scan" : "others not known from the scan");
    }
    return String.join(", ", d);
  }

  private static String describeCidrs(List<Cidr> cidrs) {
    List<String> d = new ArrayList<>();
    cidrs.forEach(c -> d.add(c.toString()));
    return String.join(", ", d);
  }

  /**
   * The pods' identities under custom networking without SecurityGroupPolicies: the ENIConfigs'.
   */
  List<Identity> eniConfigPods() {
    return eniConfigs();
  }

  /** One identity per ENIConfig: its groups (else the nodes') and its subnet's range. */
  private List<Identity> eniConfigs() {
    if (eniIdentities != null) {
      return eniIdentities;
    }
    List<Identity> out = new ArrayList<>();
    for (EniConfig e : j.eniConfigs) {
      Set<String> groups = new LinkedHashSet<>();
      boolean complete = true;
      if (e.getSecurityGroups().isEmpty()) {
        for (Identity n : nodes()) { // CNI 1.8+: the primary ENI's groups
          groups.addAll(n.groups());
          complete &= n.complete();
        }
      } else {
        for (String id : e.getSecurityGroups()) {
          groups.add(j.sgs.keyOfId(id.trim()));
          complete &= JoinIndex.SG_ID.matcher(id.trim()).matches();
        }
      }
      Subnet s = j.eniSubnets.get(e);
      List<Cidr> cidrs = s == null || s.getCidr() == null ? List.of() : List.of(s.getCidr());
      String d =
          "ENIConfig "
              + e.getName()
              + ": security groups "
              + describeGroups(groups, complete)
              + (cidrs.isEmpty() ? "" : " and subnet " + describeCidrs(cidrs));
      out.add(new Identity(d, groups, complete, cidrs, false));
    }
    eniIdentities = out;
    return out;
  }

  /** The pod subnets' ranges: ENIConfig subnets with custom networking, else node subnets. */
  private List<Cidr> podRanges() {
    CniConfig cni = j.cni();
    List<Cidr> out = new ArrayList<>();
    List<Identity> from = cni != null && cni.isCustomNetworking() ? eniConfigs() : nodes();
    for (Identity i : from) {
      if (i.cidrs().isEmpty()) {
        return List.of();
      }
      out.addAll(i.cidrs());
    }
    return out;
  }

  /**
   * The identities pods of this workload may have: a SecurityGroupPolicy's groups, else the
   * ENIConfigs' (custom networking), else the nodes'. Null when a policy that selects by service
   * account may apply (its pods cannot be told).
   */
  List<Identity> pods(Workload w, String ns) {
    CniConfig cni = j.cni();
    if (cni != null && !cni.isKnown()) {
      return null; // custom networking may be on in configuration values unknown until apply
    }
    for (SecurityGroupPolicy p : j.policiesByNs.getOrDefault(ns, List.of())) {
      if (w == null || p.hasServiceAccountSelector()) {
        return null;
      }
      if (!p.getPodSelector().isNone() && p.getPodSelector().matches(w.getPodLabels())) {
        Set<String> groups = new LinkedHashSet<>();
        boolean complete = true;
        for (String id : p.getGroupIds()) {
          groups.add(j.sgs.keyOfId(id.trim()));
          complete &= JoinIndex.SG_ID.matcher(id.trim()).matches();
        }
        if (groups.isEmpty()) {
          return null;
        }
        List<Cidr> cidrs = podRanges();
        return List.of(
            new Identity(
                p.getDisplayName()
                    + ": security groups "
                    + describeGroups(groups, complete)
                    + (cidrs.isEmpty() ? "" : " and pod subnets " + describeCidrs(cidrs)),
                groups,
                complete,
                cidrs,
                false));
      }
    }
    return cni != null && cni.isCustomNetworking() ? eniConfigs() : nodes();
  }

  /**
   * Where an egress rule towards these identities may point, for messages: {@code the targets'
   * security group aws_security_group.node (referenced_security_group_id), or their subnets
   * 10.0.0.0/20}.
   */
  static String describeDestination(JoinIndex j, List<Identity> ids, String whose, String their) {
    Set<String> groups = new LinkedHashSet<>();
    Set<Cidr> cidrs = new LinkedHashSet<>();
    for (Identity i : ids) {
      groups.addAll(i.groups());
      cidrs.addAll(i.cidrs());
    }
    return describeDestination(j, groups, new ArrayList<>(cidrs), whose, their);
  }

  /** See {@link #describeDestination(JoinIndex, List, String, String)}. */
  static String describeDestination(
      JoinIndex j, Set<String> groups, List<Cidr> cidrs, String whose, String their) {
    List<String> g = new ArrayList<>();
    groups.forEach(k -> g.add(j.sgs.describe(k)));
    String out =
        g.isEmpty()
            ? ""
            : (g.size() > 1 ? "one of " + whose + " security groups " : whose + " security group ")
                + String.join(", ", g)
                + " (referenced_security_group_id)";
    if (!cidrs.isEmpty()) {
      out += (out.isEmpty() ? "" : ", or ") + their + " subnets " + describeCidrs(cidrs);
    }
    return out.isEmpty() ? "the receiving side's security group or addresses" : out;
  }

  /** NO when every identity is refused, UNKNOWN when one may be admitted, YES when one is. */
  SgIndex.Verdict admitsAll(List<String> targets, List<Identity> ids, int from, int to) {
    if (ids == null || ids.isEmpty()) {
      return SgIndex.Verdict.UNKNOWN;
    }
    SgIndex.Verdict result = SgIndex.Verdict.NO;
    for (Identity i : ids) {
      SgIndex.Verdict v = j.sgs.admitsAny(targets, i.source(), from, to);
      if (v == SgIndex.Verdict.YES) {
        return v;
      }
      if (v == SgIndex.Verdict.UNKNOWN) {
        result = v;
      }
    }
    return result;
  }
}
