package io.eksnet.relate.join;

import io.eksnet.model.EksCluster;
import io.eksnet.model.EniConfig;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Vpc;
import io.eksnet.relate.terraform.CniConfig;
import io.eksnet.relate.terraform.SubnetRouting;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Custom networking: ENIConfigs against the Terraform's subnets, VPCs and security groups ({@link
 * EniConfigSubnet}: EKS-IP-008, EKS-IP-009; {@link EniConfigGroup}: EKS-IP-012), the zones whose
 * nodes select each ENIConfig ({@link EniConfigNodeZones}: EKS-IP-010), the ENIConfig each node
 * group's nodes select per zone ({@link NodeGroupEniConfigs}: EKS-IP-011), and the default routes
 * of the subnets the pods' internet traffic leaves from ({@link PodEgressRoute}: EKS-VPC-006). The
 * subnet and security group joins need no cluster; node zones, choices and egress routes need the
 * scope's VPC CNI settings, with custom networking on.
 */
final class EniConfigRelations {

  static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
  static final Pattern AZ_NAME = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+[a-z]");

  private static final Set<RouteEntry.Target> PUBLIC_ONLY =
      EnumSet.of(RouteEntry.Target.INTERNET_GATEWAY, RouteEntry.Target.EGRESS_ONLY);

  private EniConfigRelations() {}

  static void subnets(JoinIndex j, List<Object> out) {
    if (j.eniConfigs.isEmpty() || j.subnets.isEmpty()) {
      return;
    }
    Map<String, List<String>> groupsBySubnet = new HashMap<>();
    for (NodeGroup g : j.nodeGroups) {
      for (Subnet s : j.subnetsOf(g)) {
        groupsBySubnet.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(g.describe());
      }
    }
    List<String> known = new ArrayList<>();
    for (Subnet s : new LinkedHashSet<>(j.eniSubnets.values())) {
      known.add(s.getId() + " (" + s.getAddress() + ")");
    }
    String vpcKey = j.vpcKey();
    for (EniConfig e : j.eniConfigs) {
      Subnet s = j.eniSubnets.get(e);
      if (s == null) {
        String id = e.getSubnet() == null ? "" : e.getSubnet().trim();
        if (SUBNET_ID.matcher(id).matches() && !known.isEmpty()) {
          TerraformResource related = j.vpc(vpcKey);
          if (related == null) {
            related = j.eniSubnets.values().iterator().next();
          }
          out.add(
              new EniConfigSubnet(
                  e,
                  null,
                  related,
                  true,
                  null,
                  vpcKey == null ? null : j.describeVpc(vpcKey),
                  null,
                  null,
                  String.join(", ", known)));
        }
        continue;
      }
      String subnetVpc = j.vpcKeyOf(s, s.getVpc());
      String other = JoinIndex.differentVpc(subnetVpc, vpcKey) ? j.describeVpc(subnetVpc) : null;
      Vpc v = j.vpc(subnetVpc);
      String primary =
          v != null
                  && v.getCidr() != null
                  && s.getCidr() != null
                  && v.getCidr().contains(s.getCidr())
              ? v.getCidrText()
              : null;
      List<String> groups = groupsBySubnet.get(s.getKey());
      if (other != null || primary != null) {
        out.add(
            new EniConfigSubnet(
                e,
                s,
                null,
                false,
                other,
                vpcKey == null ? null : j.describeVpc(vpcKey),
                primary,
                groups == null ? null : String.join(", ", groups),
                String.join(", ", known)));
      }
    }
  }

  static void securityGroups(JoinIndex j, List<Object> out) {
    if (j.eniConfigs.isEmpty()) {
      return;
    }
    Map<String, TerraformResource> found = new LinkedHashMap<>();
    for (EniConfig e : j.eniConfigs) {
      for (String id : e.getSecurityGroups()) {
        TerraformResource r = groupResource(j, id.trim());
        if (r != null) {
          found.putIfAbsent(id.trim(), r);
        }
      }
    }
    if (found.isEmpty()) {
      return;
    }
    Map.Entry<String, TerraformResource> f = found.entrySet().iterator().next();
    String example =
        f.getKey()
            + (f.getValue() instanceof EksCluster c
                ? ", the cluster security group of " + c.getAddress()
                : " (" + f.getValue().getAddress() + ")");
    for (EniConfig e : j.eniConfigs) {
      Subnet s = j.eniSubnets.get(e);
      String subnetVpc = s == null ? null : j.vpcKeyOf(s, s.getVpc());
      for (int i = 0; i < e.getSecurityGroups().size(); i++) {
        String id = e.getSecurityGroups().get(i).trim();
        TerraformResource r = found.get(id);
        SecurityGroup g = r instanceof SecurityGroup x ? x : null;
        String groupVpc = g == null ? null : j.vpcKeyOf(g, g.getVpc());
        out.add(
            new EniConfigGroup(
                e,
                i,
                id,
                g,
                r instanceof EksCluster,
                s != null,
                g != null && JoinIndex.differentVpc(groupVpc, subnetVpc),
                groupVpc == null ? null : j.describeVpc(groupVpc),
                subnetVpc == null ? null : j.describeVpc(subnetVpc),
                example,
                f.getValue()));
      }
    }
  }

  /** The scan's security group with this id, or the cluster whose EKS security group it is. */
  private static TerraformResource groupResource(JoinIndex j, String id) {
    SecurityGroup g = j.sgs.group(j.sgs.keyOfId(id));
    if (g != null) {
      return g;
    }
    for (EksCluster c : j.clusters) {
      if (id.equals(c.getClusterSecurityGroupId())) {
        return c;
      }
    }
    return null;
  }

  /**
   * ENIConfigs whose subnet is in another zone than nodes that select them: by name when nodes
   * select by their zone label, by the node groups' labels otherwise ({@link EniConfigSelection}).
   */
  static void zones(JoinIndex j, List<Object> out) {
    CniConfig cni = j.cni();
    if (!cni.isKnown() || !cni.isCustomNetworking() || j.eniConfigs.isEmpty()) {
      return;
    }
    EniConfigSelection sel = new EniConfigSelection(cni);
    Map<String, EniConfig> byName = new HashMap<>();
    for (EniConfig e : j.eniConfigs) {
      byName.putIfAbsent(e.getName(), e);
    }
    Map<EniConfig, Map<String, String>> selectors = new LinkedHashMap<>();
    if (sel.isByZone()) {
      for (EniConfig e : j.eniConfigs) {
        if (AZ_NAME.matcher(e.getName()).matches()) {
          selectors.computeIfAbsent(e, k -> new TreeMap<>()).put(e.getName(), sel.describeByZone());
        }
      }
    }
    for (NodeGroup g : j.nodeGroups) {
      for (Subnet s : j.subnetsOf(g)) {
        String az = s.getAvailabilityZone();
        EniConfigSelection.Choice c =
            az == null || !AZ_NAME.matcher(az).matches() ? null : sel.choose(g, az);
        EniConfig e = c == null ? null : byName.get(c.name());
        if (e != null) {
          selectors.computeIfAbsent(e, k -> new TreeMap<>()).putIfAbsent(az, c.how());
        }
      }
    }
    for (Map.Entry<EniConfig, Map<String, String>> en : selectors.entrySet()) {
      EniConfig e = en.getKey();
      Subnet s = j.eniSubnets.get(e);
      String az = s == null ? null : s.getAvailabilityZone();
      if (az != null && AZ_NAME.matcher(az).matches()) {
        out.add(new EniConfigNodeZones(e, s, en.getValue()));
      }
    }
  }

  static void coverage(JoinIndex j, List<Object> out) {
    CniConfig cni = j.cni();
    if (!cni.isKnown()
        || !cni.isCustomNetworking()
        || j.eniConfigs.isEmpty()
        || j.nodeGroups.isEmpty()
        || createsEniConfigs(cni)) {
      return;
    }
    EniConfigSelection sel = new EniConfigSelection(cni);
    for (NodeGroup g : j.nodeGroups) {
      List<Subnet> subs = j.allSubnetsOf(g);
      if (subs == null) {
        continue;
      }
      List<NodeGroupEniConfigs.Choice> choices = new ArrayList<>();
      for (Subnet s : subs) {
        String az = s.getAvailabilityZone();
        EniConfigSelection.Choice c =
            az == null || !AZ_NAME.matcher(az).matches() ? null : sel.choose(g, az);
        if (c == null) {
          choices = null;
          break;
        }
        choices.add(new NodeGroupEniConfigs.Choice(az, c.name(), c.how()));
      }
      if (choices != null && !choices.isEmpty()) {
        out.add(new NodeGroupEniConfigs(g, choices, cni));
      }
    }
  }

  /** True when the vpc-cni add-on's configuration creates ENIConfigs itself ({@code eniConfig}). */
  private static boolean createsEniConfigs(CniConfig cni) {
    String v = cni.getAddon() == null ? null : cni.getAddon().getConfigurationValues();
    return v != null && v.contains("\"eniConfig\"");
  }

  static void egressRoutes(JoinIndex j, List<Object> out) {
    CniConfig cni = j.cni();
    if (!cni.isKnown() || !cni.isCustomNetworking() || j.eniSubnets.isEmpty()) {
      return;
    }
    if (cni.isExternalSnat()) {
      Set<String> seen = new HashSet<>();
      for (EniConfig e : j.eniConfigs) {
        Subnet s = j.eniSubnets.get(e);
        SubnetRouting r = s == null ? null : j.routing.get(s.getKey());
        if (r == null || !r.isKnown() || r.isPrivateEndpoints() || !seen.add(e.getName())) {
          continue;
        }
        Set<RouteEntry.Target> nat = EnumSet.noneOf(RouteEntry.Target.class);
        nat.addAll(r.getDefaultTargets());
        nat.removeAll(PUBLIC_ONLY);
        out.add(
            new PodEgressRoute(
                e,
                s,
                true,
                r.isDefaultRoute(),
                r.isPublicRoute(),
                !nat.isEmpty(),
                r.describeRouteTable(),
                null,
                cni));
      }
      return;
    }
    EniConfig natPod = null;
    SubnetRouting natRouting = null;
    for (EniConfig e : j.eniConfigs) {
      Subnet s = j.eniSubnets.get(e);
      SubnetRouting r = s == null ? null : j.routing.get(s.getKey());
      if (r != null && r.getDefaultTargets().contains(RouteEntry.Target.NAT_GATEWAY)) {
        natPod = e;
        natRouting = r;
        break;
      }
    }
    Set<String> seen = new HashSet<>();
    for (NodeGroup g : j.nodeGroups) {
      for (Subnet s : j.subnetsOf(g)) {
        SubnetRouting r = j.routing.get(s.getKey());
        if (r != null && r.isKnown() && !r.isPrivateEndpoints() && seen.add(s.getKey())) {
          Set<RouteEntry.Target> nat = EnumSet.noneOf(RouteEntry.Target.class);
          nat.addAll(r.getDefaultTargets());
          nat.removeAll(PUBLIC_ONLY);
          out.add(
              new PodEgressRoute(
                  natPod,
                  s,
                  false,
                  r.isDefaultRoute(),
                  r.isPublicRoute(),
                  !nat.isEmpty(),
                  r.describeRouteTable(),
                  natPod == null
                      ? null
                      : "the pod subnet "
                          + natRouting.getSubnet().describe()
                          + " of ENIConfig "
                          + natPod.getName()
                          + " has the NAT route ("
                          + natRouting.describeRouteTable()
                          + ")",
                  cni));
        }
      }
    }
  }
}
