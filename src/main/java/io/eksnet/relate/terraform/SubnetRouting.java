package io.eksnet.relate.terraform;

import io.eksnet.model.RouteEntry;
import io.eksnet.model.Subnet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
  private final Set<String> vpcEndpoints;
  private final boolean vpcEndpointsKnown;
  private final Map<String, String> servicesCalled;
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
      Set<String> vpcEndpoints,
      boolean vpcEndpointsKnown,
      Map<String, String> servicesCalled,
      ApiAccess apiAccess) {
    this.subnet = subnet;
    this.routeTables = List.copyOf(routeTables);
    this.mainTable = mainTable;
    this.known = known;
    this.defaultTargets = Set.copyOf(defaultTargets);
    this.nodeGroups = List.copyOf(nodeGroups);
    this.vpcEndpoints = new TreeSet<>(vpcEndpoints);
    this.vpcEndpointsKnown = vpcEndpointsKnown;
    this.servicesCalled = new LinkedHashMap<>(servicesCalled);
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

  /** True when the VPC has an ECR image ({@code ecr.dkr}) endpoint: a private cluster's sign. */
  public boolean isPrivateEndpoints() {
    return hasVpcEndpoint("ecr.dkr");
  }

  /**
   * The services the subnet's VPC has endpoints for ({@code aws_vpc_endpoint}), by short name
   * ({@code ecr.dkr}, {@code s3}, {@code sts}…), sorted.
   */
  public Set<String> getVpcEndpoints() {
    return Collections.unmodifiableSet(vpcEndpoints);
  }

  public boolean hasVpcEndpoint(String service) {
    return vpcEndpoints.contains(service);
  }

  /**
   * True when the VPC is in the scan and every {@code aws_vpc_endpoint} of the scan that may belong
   * to it has a known VPC and service name, so {@link #getVpcEndpoints} is all of them.
   */
  public boolean isVpcEndpointsKnown() {
    return vpcEndpointsKnown;
  }

  /**
   * The AWS services the nodes and the controllers of the scan call, by endpoint short name, with
   * the reason (ECR, S3 and EC2 always; STS, CloudWatch Logs, Elastic Load Balancing where the scan
   * shows their callers).
   */
  public Map<String, String> getServicesCalled() {
    return Collections.unmodifiableMap(servicesCalled);
  }

  /** The services of {@link #getServicesCalled} the VPC has no endpoint for, in that order. */
  public List<String> getServicesWithoutEndpoint() {
    List<String> out = new ArrayList<>();
    for (String s : servicesCalled.keySet()) {
      if (!vpcEndpoints.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@code ec2 (why), sts (why)}: the services given, each with its reason. */
  public String describeServices(List<String> services) {
    List<String> parts = new ArrayList<>();
    for (String s : services) {
      String why = servicesCalled.get(s);
      parts.add(why == null ? s : s + " (" + why + ")");
    }
    return String.join("; ", parts);
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
