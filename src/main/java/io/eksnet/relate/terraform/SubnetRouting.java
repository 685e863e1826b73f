package io.eksnet.relate.terraform;

import io.eksnet.model.RouteEntry;
import io.eksnet.model.Subnet;
import java.util.List;
import java.util.Set;

/**
 * How a subnet reaches beyond its VPC: its route table (explicitly associated, or the VPC's main
 * table) and the targets of its IPv4 default routes. {@link #isKnown()} is false when the route
 * table or its routes cannot be told from the scan; rules that report a missing route need it true.
 */
public final class SubnetRouting {

  private final Subnet subnet;
  private final List<String> routeTables;
  private final boolean mainTable;
  private final boolean known;
  private final Set<RouteEntry.Target> defaultTargets;
  private final List<String> nodeGroups;
  private final boolean privateEndpoints;
  private final ApiAccess apiAccess;

  /**
   * How the nodes of the subnet reach their cluster's API server: through its private endpoint
   * ({@code endpoint_private_access = true}), only through its public endpoint, or unknown (the
   * cluster is not in the scan, its settings are unknown, or node groups of clusters that differ
   * share the subnet).
   */
  public enum ApiAccess {
    PRIVATE,
    PUBLIC_ONLY,
    UNKNOWN;

    ApiAccess join(ApiAccess other) {
      return this == other ? this : UNKNOWN;
    }
  }

  public SubnetRouting(
      Subnet subnet,
      List<String> routeTables,
      boolean mainTable,
      boolean known,
      Set<RouteEntry.Target> defaultTargets,
      List<String> nodeGroups,
      boolean privateEndpoints,
      ApiAccess apiAccess) {
    this.subnet = subnet;
    this.routeTables = List.copyOf(routeTables);
    this.mainTable = mainTable;
    this.known = known;
    this.defaultTargets = Set.copyOf(defaultTargets);
    this.nodeGroups = List.copyOf(nodeGroups);
    this.privateEndpoints = privateEndpoints;
    this.apiAccess = apiAccess;
  }

  public ApiAccess getApiAccess() {
    return apiAccess;
  }

  public Subnet getSubnet() {
    return subnet;
  }

  /** Addresses of the route tables in effect (empty for the VPC's implicit main table). */
  public List<String> getRouteTables() {
    return routeTables;
  }

  /** True when no explicit association exists and the VPC's main table applies. */
  public boolean isMainTable() {
    return mainTable;
  }

  public boolean isKnown() {
    return known;
  }

  public Set<RouteEntry.Target> getDefaultTargets() {
    return defaultTargets;
  }

  /** True when a default route goes to an internet gateway: a public subnet. */
  public boolean isPublicRoute() {
    return defaultTargets.contains(RouteEntry.Target.INTERNET_GATEWAY);
  }

  /** True when some IPv4 default route exists (NAT, transit gateway, appliance, internet…). */
  public boolean isDefaultRoute() {
    return !defaultTargets.isEmpty();
  }

  /** Node groups with nodes in this subnet (addresses). */
  public List<String> getNodeGroups() {
    return nodeGroups;
  }

  public boolean isNodeSubnet() {
    return !nodeGroups.isEmpty();
  }

  /** True when the VPC has an ECR interface endpoint (a private cluster without NAT). */
  public boolean isPrivateEndpoints() {
    return privateEndpoints;
  }

  /** {@code route table aws_route_table.private} or {@code the VPC's main route table}. */
  public String describeRouteTable() {
    if (routeTables.isEmpty()) {
      return "the VPC's main route table";
    }
    return (routeTables.size() == 1 ? "route table " : "route tables ")
        + String.join(", ", routeTables);
  }
}
