package io.eksnet.relate.terraform;

import io.eksnet.model.EksCluster;
import io.eksnet.model.NatGateway;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Route;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.RouteTable;
import io.eksnet.model.RouteTableAssociation;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * VPC routing: the route tables that apply to each subnet (its explicit association, else the VPC's
 * main table) and where their default routes go ({@link SubnetRouting}: EKS-VPC-004, and read by
 * the load balancer subnet and custom networking egress joins), and the routing of the subnet each
 * NAT gateway is placed in ({@link NatPlacement}: EKS-VPC-005). A file with a route or association
 * whose table or subnet is unknown until apply makes its subnets' routing unknown.
 */
final class RoutingRelations {

  private RoutingRelations() {}

  /** The routing of every subnet, by subnet key, in scan order. */
  static Map<String, SubnetRouting> routing(TerraformIndex t, List<?> facts) {
    Map<String, List<RouteEntry>> routes = new HashMap<>();
    Map<String, RouteTable> tables = new HashMap<>();
    Set<String> uncertainFiles = new HashSet<>();
    Map<String, List<String>> explicit = new HashMap<>();
    Map<String, String> mainByVpc = new HashMap<>();
    Map<String, Set<String>> endpointsByVpc = new HashMap<>();
    Set<String> uncertainEndpointVpcs = new HashSet<>();
    boolean endpointsUncertain = false;
    Map<String, String> vpcKeyById = new HashMap<>();
    for (Object f : facts) {
      if (f instanceof Vpc v && v.getId() != null) {
        vpcKeyById.putIfAbsent(v.getId(), v.getKey());
      }
    }
    for (Object f : facts) {
      if (f instanceof RouteTable rt) {
        tables.put(rt.getKey(), rt);
        routes.computeIfAbsent(rt.getKey(), k -> new ArrayList<>()).addAll(rt.getRoutes());
        if (rt.isDefaultTable() && rt.getVpcAddress() != null) {
          mainByVpc.put(TerraformResource.key(rt.getFile(), rt.getVpcAddress()), rt.getKey());
        }
      } else if (f instanceof Route r) {
        if (r.getRouteTable().addresses().isEmpty() && r.getRouteTable().unresolved()) {
          uncertainFiles.add(r.getFile());
        }
        for (String a : r.getRouteTable().addresses()) {
          routes
              .computeIfAbsent(TerraformResource.key(r.getFile(), a), k -> new ArrayList<>())
              .add(r.getEntry());
        }
      } else if (f instanceof RouteTableAssociation a) {
        if (a.isMain()) {
          if (a.getVpc().single() != null && a.getRouteTable().single() != null) {
            mainByVpc.put(
                TerraformResource.key(a.getFile(), a.getVpc().single()),
                TerraformResource.key(a.getFile(), a.getRouteTable().single()));
          } else {
            uncertainFiles.add(a.getFile());
          }
          continue;
        }
        if (a.getSubnet().addresses().isEmpty()) {
          if (a.getSubnet().unresolved()) {
            uncertainFiles.add(a.getFile());
          }
          continue;
        }
        for (String s : a.getSubnet().addresses()) {
          List<String> ts =
              explicit.computeIfAbsent(
                  TerraformResource.key(a.getFile(), s), k -> new ArrayList<>());
          if (a.getRouteTable().addresses().isEmpty()) {
            ts.add(null); // associated with a table not in the scan, or unknown
          }
          for (String rt : a.getRouteTable().addresses()) {
            ts.add(TerraformResource.key(a.getFile(), rt));
          }
        }
      } else if (f instanceof VpcEndpoint e) {
        String vpcKey = null;
        if (e.getVpc().single() != null) {
          vpcKey = TerraformResource.key(e.getFile(), e.getVpc().single());
        } else if (e.getVpc().addresses().isEmpty() && e.getVpc().external().size() == 1) {
          vpcKey = vpcKeyById.get(e.getVpc().external().get(0));
          if (vpcKey == null) {
            continue; // an endpoint of a VPC the scan does not hold
          }
        }
        if (vpcKey == null) {
          endpointsUncertain = true; // its VPC cannot be told: it may be any
        } else if (e.getServiceName() == null) {
          uncertainEndpointVpcs.add(vpcKey); // unknown until apply: it may be any service
        } else if (e.getService() != null) {
          endpointsByVpc.computeIfAbsent(vpcKey, k -> new TreeSet<>()).add(e.getService());
        }
      }
    }
    Map<String, List<String>> groupsBySubnet = new HashMap<>();
    Map<String, SubnetRouting.ApiAccess> accessBySubnet = new HashMap<>();
    for (NodeGroup g : t.nodeGroups) {
      SubnetRouting.ApiAccess access = apiAccess(t.cluster(g, g.getClusterName()));
      for (String a : g.getSubnets().addresses()) {
        String key = TerraformResource.key(g.getFile(), a);
        groupsBySubnet.computeIfAbsent(key, k -> new ArrayList<>()).add(g.getAddress());
        accessBySubnet.merge(key, access, SubnetRouting.ApiAccess::join);
      }
    }
    Map<String, String> needed = NodeAwsServices.of(t, facts);
    Map<String, SubnetRouting> out = new LinkedHashMap<>();
    for (Subnet s : t.subnets) {
      List<String> ts = explicit.get(s.getKey());
      boolean main = ts == null;
      boolean known = !uncertainFiles.contains(s.getFile());
      List<String> effective = new ArrayList<>();
      String vpcKey =
          s.getVpcAddress() == null ? null : TerraformResource.key(s.getFile(), s.getVpcAddress());
      if (main) {
        if (vpcKey == null || !(t.byKey.get(vpcKey) instanceof Vpc)) {
          known = false; // the VPC (and its main table) is not in the scan
        } else if (mainByVpc.containsKey(vpcKey)) {
          effective.add(mainByVpc.get(vpcKey));
        }
        // else: the main table AWS created, which holds only the local route
      } else {
        effective.addAll(ts);
      }
      Set<RouteEntry.Target> targets = EnumSet.noneOf(RouteEntry.Target.class);
      for (String rt : effective) {
        RouteTable table = rt == null ? null : tables.get(rt);
        if (table == null || !table.isRoutesKnown()) {
          known = false;
          continue;
        }
        for (RouteEntry e : routes.getOrDefault(rt, List.of())) {
          if (e.isIpv4Default()) {
            targets.add(e.target());
          } else if (e.destination() == null) {
            known = false; // a route whose destination is unknown may be the default
          }
        }
      }
      List<String> tableAddresses = new ArrayList<>();
      for (String rt : effective) {
        if (rt != null && tables.get(rt) != null) {
          tableAddresses.add(tables.get(rt).getAddress());
        }
      }
      out.put(
          s.getKey(),
          new SubnetRouting(
              s,
              tableAddresses,
              main,
              known,
              targets,
              groupsBySubnet.getOrDefault(s.getKey(), List.of()),
              vpcKey == null ? Set.of() : endpointsByVpc.getOrDefault(vpcKey, Set.of()),
              vpcKey != null && !endpointsUncertain && !uncertainEndpointVpcs.contains(vpcKey),
              needed,
              accessBySubnet.getOrDefault(s.getKey(), SubnetRouting.ApiAccess.UNKNOWN)));
    }
    return out;
  }

  /** How nodes reach the cluster's API: from endpoint_private_access / endpoint_public_access. */
  static SubnetRouting.ApiAccess apiAccess(EksCluster c) {
    if (c == null || c.getEndpointPrivateAccess() == null) {
      return SubnetRouting.ApiAccess.UNKNOWN;
    }
    if (c.getEndpointPrivateAccess()) {
      return SubnetRouting.ApiAccess.PRIVATE;
    }
    return Boolean.TRUE.equals(c.getEndpointPublicAccess())
        ? SubnetRouting.ApiAccess.PUBLIC_ONLY
        : SubnetRouting.ApiAccess.UNKNOWN;
  }

  static void natPlacements(List<?> facts, Map<String, SubnetRouting> routing, List<Object> out) {
    for (Object f : facts) {
      if (f instanceof NatGateway n && n.getSubnet().single() != null) {
        SubnetRouting r = routing.get(TerraformResource.key(n.getFile(), n.getSubnet().single()));
        if (r != null) {
          out.add(new NatPlacement(n, r));
        }
      }
    }
  }
}
