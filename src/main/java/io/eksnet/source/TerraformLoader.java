package io.eksnet.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.model.ClusterEndpointAccess;
import io.eksnet.model.DbCluster;
import io.eksnet.model.DbClusterInstance;
import io.eksnet.model.DbInstance;
import io.eksnet.model.DbSubnetGroup;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.HelmRelease;
import io.eksnet.model.IamOidcProvider;
import io.eksnet.model.InputProblem;
import io.eksnet.model.InternetGateway;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.LoadBalancer;
import io.eksnet.model.Location;
import io.eksnet.model.NatGateway;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.NodeGroupRemoteAccess;
import io.eksnet.model.PodIdentityAssociation;
import io.eksnet.model.Route;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.RouteTable;
import io.eksnet.model.RouteTableAssociation;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.SecurityGroupRule;
import io.eksnet.model.SgRule;
import io.eksnet.model.Subnet;
import io.eksnet.model.SubnetCidrReservation;
import io.eksnet.model.TargetGroup;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcCidrAssociation;
import io.eksnet.model.VpcEndpoint;
import io.eksnet.net.Cidr;
import io.eksnet.net.ParsedCidr;
import io.eksnet.source.TerraformDocument.Res;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one {@code terraform show -json} document (a plan or a state, format versions 0.1 to 1.x)
 * into facts of the AWS resources the rules read. Values unknown until apply become null;
 * references between resources are resolved within the document (see {@link TerraformDocument}).
 * Other providers and resource types are ignored.
 */
public final class TerraformLoader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VPC = Set.of("aws_vpc", "aws_default_vpc");
  private static final Set<String> SUBNET = Set.of("aws_subnet", "aws_default_subnet");
  private static final Set<String> ROUTE_TABLE =
      Set.of("aws_route_table", "aws_default_route_table");
  private static final Set<String> SG = Set.of("aws_security_group", "aws_default_security_group");
  private static final Set<String> NAT = Set.of("aws_nat_gateway");
  private static final Set<String> IGW = Set.of("aws_internet_gateway");
  private static final Set<String> CLUSTER = Set.of("aws_eks_cluster");
  private static final Set<String> LAUNCH_TEMPLATE = Set.of("aws_launch_template");
  private static final Set<String> DB_SUBNET_GROUP = Set.of("aws_db_subnet_group");
  private static final Set<String> RDS_CLUSTER = Set.of("aws_rds_cluster");

  private static final Pattern MAX_PODS =
      Pattern.compile(
          "(--max-pods[= ]+['\"]?(\\d+))|(\"?maxPods\"?\\s*:\\s*['\"]?(\\d+))|(max-pods\\s*=\\s*['\"]?(\\d+))");

  /** Any way user data can set max pods, with or without a number that can be read. */
  private static final Pattern MAX_PODS_MENTION = Pattern.compile("(?i)max[-_]?pods");

  private final TerraformDocument doc;
  private final Map<String, Subnet> subnets = new HashMap<>();

  private TerraformLoader(TerraformDocument doc) {
    this.doc = doc;
  }

  /**
   * The facts of one document. A format version with an unknown major version is an input problem,
   * and the document is not read.
   */
  public static List<Object> facts(String file, Tree.TMap root, List<InputProblem> problems) {
    String fv = Tree.text(root.get("format_version"));
    if (fv != null && !fv.startsWith("0.") && !fv.startsWith("1.")) {
      Tree.Entry e = root.entry("format_version");
      problems.add(
          new InputProblem(
              new Location(file, e.line(), e.column(), "", ""),
              "Terraform JSON format_version "
                  + fv
                  + " is not supported (eksnet reads 0.x and 1.x)"));
      return List.of();
    }
    return new TerraformLoader(new TerraformDocument(file, root)).facts();
  }

  private List<Object> facts() {
    List<Object> out = new ArrayList<>();
    // subnets first: clusters fall back on their subnets' VPC; a data source that looks up a
    // subnet or VPC the document also manages gives no second fact
    Set<String> ids = new java.util.HashSet<>();
    for (Res r : doc.resources()) {
      if (SUBNET.contains(r.type) && !r.isData()) {
        addSubnet(r, ids, out);
      }
    }
    for (Res r : doc.resources()) {
      if (SUBNET.contains(r.type) && r.isData()) {
        addSubnet(r, ids, out);
      }
    }
    for (Res r : doc.resources()) {
      if (VPC.contains(r.type) && !r.isData() && str(r, "id") != null) {
        ids.add(str(r, "id"));
      }
    }
    for (Res r : doc.resources()) {
      if (SUBNET.contains(r.type) || (r.isData() && !VPC.contains(r.type))) {
        continue;
      }
      if (r.isData() && str(r, "id") != null && !ids.add(str(r, "id"))) {
        continue;
      }
      Object f = fact(r);
      if (f instanceof List<?> l) {
        out.addAll(l);
      } else if (f != null) {
        out.add(f);
      }
      accessFacts(r, f, out);
    }
    return out;
  }

  private void addSubnet(Res r, Set<String> ids, List<Object> out) {
    String id = str(r, "id");
    if (id != null && !ids.add(id)) {
      return;
    }
    Subnet s = subnet(r);
    subnets.put(r.address, s);
    out.add(s);
  }

  private Object fact(Res r) {
    return switch (r.type) {
      case "aws_vpc", "aws_default_vpc" ->
          new Vpc(header(r), str(r, "id"), str(r, "cidr_block"), cidr(str(r, "cidr_block")));
      case "aws_vpc_ipv4_cidr_block_association" ->
          new VpcCidrAssociation(
              header(r), vpc(r, "vpc_id"), str(r, "cidr_block"), cidr(str(r, "cidr_block")));
      case "aws_route_table", "aws_default_route_table" -> routeTable(r);
      case "aws_route" ->
          new Route(
              header(r), doc.refs(r, ROUTE_TABLE, "route_table_id"), routeEntry(r, r.values, true));
      case "aws_vpn_gateway_route_propagation" ->
          new Route(
              header(r),
              doc.refs(r, ROUTE_TABLE, "route_table_id"),
              new RouteEntry(
                  null,
                  null,
                  RouteEntry.Target.VPN_GATEWAY,
                  doc.refs(r, Set.of("aws_vpn_gateway"), "vpn_gateway_id")));
      case "aws_route_table_association" ->
          new RouteTableAssociation(
              header(r),
              doc.refs(r, ROUTE_TABLE, "route_table_id"),
              doc.refs(r, SUBNET, "subnet_id"),
              TfRefs.NONE,
              false);
      case "aws_main_route_table_association" ->
          new RouteTableAssociation(
              header(r),
              doc.refs(r, ROUTE_TABLE, "route_table_id"),
              TfRefs.NONE,
              vpc(r, "vpc_id"),
              true);
      case "aws_nat_gateway" ->
          new NatGateway(
              header(r),
              str(r, "id"),
              doc.refs(r, SUBNET, "subnet_id"),
              orDefault(str(r, "connectivity_type"), "public"),
              "regional".equals(str(r, "availability_mode")));
      case "aws_internet_gateway" -> new InternetGateway(header(r), str(r, "id"), vpc(r, "vpc_id"));
      case "aws_security_group", "aws_default_security_group" -> securityGroup(r);
      case "aws_security_group_rule" -> sgRuleResource(r);
      case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" ->
          vpcSgRule(r);
      case "aws_eks_cluster" -> cluster(r);
      case "aws_eks_node_group" -> nodeGroup(r);
      case "aws_launch_template" -> launchTemplate(r);
      case "aws_eks_addon" -> addon(r);
      case "aws_db_subnet_group" ->
          new DbSubnetGroup(header(r), str(r, "name"), doc.refs(r, SUBNET, "subnet_ids"));
      case "aws_db_instance" ->
          new DbInstance(
              header(r),
              str(r, "identifier"),
              str(r, "engine"),
              doc.refsByAttribute(r, DB_SUBNET_GROUP, "name", "db_subnet_group_name"),
              doc.refs(r, SG, "vpc_security_group_ids"),
              integer(r, "port"),
              bool(r, "publicly_accessible") == Boolean.TRUE);
      case "aws_rds_cluster" ->
          new DbCluster(
              header(r),
              str(r, "cluster_identifier"),
              str(r, "engine"),
              doc.refsByAttribute(r, DB_SUBNET_GROUP, "name", "db_subnet_group_name"),
              doc.refs(r, SG, "vpc_security_group_ids"),
              integer(r, "port"));
      case "aws_rds_cluster_instance" ->
          new DbClusterInstance(
              header(r),
              str(r, "identifier"),
              doc.refsByAttribute(r, RDS_CLUSTER, "cluster_identifier", "cluster_identifier"));
      case "aws_lb", "aws_alb" -> loadBalancer(r);
      case "aws_lb_target_group", "aws_alb_target_group" ->
          new TargetGroup(
              header(r),
              str(r, "name"),
              orDefault(str(r, "target_type"), "instance"),
              integer(r, "port"),
              str(r, "protocol"),
              vpc(r, "vpc_id"));
      case "aws_vpc_endpoint" ->
          new VpcEndpoint(
              header(r),
              str(r, "service_name"),
              orDefault(str(r, "vpc_endpoint_type"), "Gateway"),
              vpc(r, "vpc_id"));
      case "aws_ec2_subnet_cidr_reservation" ->
          new SubnetCidrReservation(
              header(r),
              doc.refs(r, SUBNET, "subnet_id"),
              cidr(str(r, "cidr_block")),
              str(r, "reservation_type"));
      case "aws_iam_openid_connect_provider" -> new IamOidcProvider(header(r), str(r, "url"));
      case "aws_eks_pod_identity_association" ->
          new PodIdentityAssociation(header(r), str(r, "namespace"), str(r, "service_account"));
      case "helm_release" ->
          new HelmRelease(
              header(r),
              str(r, "name"),
              str(r, "chart"),
              str(r, "repository"),
              str(r, "namespace"));
      default -> null;
    };
  }

  private TerraformResource.Header header(Res r) {
    return new TerraformResource.Header(
        doc.file,
        r.object,
        r.values,
        r.address,
        r.module,
        r.type,
        r.name,
        doc.configDir(r),
        r.created);
  }

  // ---- network ----

  private Subnet subnet(Res r) {
    String az = str(r, "availability_zone");
    if (az == null) {
      az = str(r, "availability_zone_id");
    }
    return new Subnet(
        header(r),
        str(r, "id"),
        vpc(r, "vpc_id"),
        str(r, "cidr_block"),
        cidr(str(r, "cidr_block")),
        az,
        bool(r, "map_public_ip_on_launch"),
        Tree.stringMap(r.values.get("tags")));
  }

  /**
   * The VPC of a resource: by id or reference; when unknown and not traceable (e.g. through a
   * module local), the only VPC of the resource's module, else the only VPC of the document.
   */
  private TfRefs vpc(Res r, String attribute) {
    TfRefs refs = doc.refs(r, VPC, attribute);
    if (!refs.addresses().isEmpty() || !refs.unresolved()) {
      return refs;
    }
    List<Res> here = managed(doc.inModule(r.module, "aws_vpc"));
    if (here.size() == 1) {
      return new TfRefs(List.of(here.get(0).address), List.of(), false);
    }
    List<Res> all = managed(doc.ofType("aws_vpc"));
    if (all.size() == 1) {
      return new TfRefs(List.of(all.get(0).address), List.of(), false);
    }
    return refs;
  }

  private static List<Res> managed(List<Res> rs) {
    return rs.stream().filter(x -> !x.isData()).toList();
  }

  private RouteTable routeTable(Res r) {
    List<RouteEntry> routes = new ArrayList<>();
    List<Tree> values = Tree.asList(r.values.get("route"));
    List<Tree> exprs = Tree.asList(doc.expression(r, "route"));
    boolean fromConfig = doc.unknown(r, "route") && !exprs.isEmpty();
    if (fromConfig) {
      // the route set is unknown until apply: read the blocks from the configuration
      for (int i = 0; i < exprs.size(); i++) {
        routes.add(configRoute(r, exprs.get(i), i));
      }
    } else {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) instanceof Tree.TMap m) {
          RouteEntry e = routeEntry(r, m, false);
          if (e.target() == RouteEntry.Target.UNKNOWN
              && i < exprs.size()
              && exprs.size() == values.size()) {
            e = configRoute(r, exprs.get(i), i);
          }
          routes.add(e);
        }
      }
    }
    boolean dflt = r.type.equals("aws_default_route_table");
    TfRefs vpc = dflt ? defaultTableVpc(r) : vpc(r, "vpc_id");
    // an unknown route set that the configuration leaves empty holds only the aws_route resources;
    // routes propagated from a VPN gateway are not in the plan at all
    boolean known =
        (fromConfig || !doc.unknown(r, "route") || doc.expression(r) != null)
            && strings(r, "propagating_vgws").isEmpty()
            && !doc.unknown(r, "propagating_vgws");
    return new RouteTable(header(r), str(r, "id"), vpc, routes, dflt, known);
  }

  /** An inline route block as the configuration writes it (i-th {@code route} block). */
  private RouteEntry configRoute(Res r, Tree block, int i) {
    String dest = Tree.text(Tree.path(block, "cidr_block", "constant_value"));
    if (dest == null) {
      dest = Tree.text(Tree.path(block, "ipv6_cidr_block", "constant_value"));
    }
    if (dest == null) {
      dest =
          Tree.text(TerraformResource.navigate(r.values, "route", String.valueOf(i), "cidr_block"));
    }
    for (String[] t : TARGETS) {
      Tree e = Tree.path(block, t[0]);
      if (e == null) {
        continue;
      }
      TfRefs targets = doc.refs(r, targetTypes(t[0]), "route", String.valueOf(i), t[0]);
      RouteEntry.Target target = RouteEntry.Target.valueOf(t[1]);
      if (t[0].equals("gateway_id")
          && targets.addresses().stream()
              .anyMatch(a -> doc.get(a).type.equals("aws_vpn_gateway"))) {
        target = RouteEntry.Target.VPN_GATEWAY;
      }
      return new RouteEntry(dest, cidr(dest), target, targets);
    }
    return new RouteEntry(dest, cidr(dest), RouteEntry.Target.UNKNOWN, TfRefs.NONE);
  }

  /** {@code aws_default_route_table.default_route_table_id} is the VPC's attribute of that name. */
  private TfRefs defaultTableVpc(Res r) {
    String id = str(r, "default_route_table_id");
    if (id != null) {
      for (Res v : doc.ofType("aws_vpc")) { // few VPCs per document
        if (id.equals(str(v, "default_route_table_id"))
            || id.equals(str(v, "main_route_table_id"))) {
          return new TfRefs(List.of(v.address), List.of(), false);
        }
      }
    }
    TfRefs refs = doc.refs(r, VPC, "default_route_table_id");
    return refs.addresses().isEmpty() ? vpc(r, "vpc_id") : refs;
  }

  private static final String[][] TARGETS = {
    {"nat_gateway_id", "NAT_GATEWAY"},
    {"transit_gateway_id", "TRANSIT_GATEWAY"},
    {"vpc_peering_connection_id", "PEERING"},
    {"network_interface_id", "INSTANCE"},
    {"instance_id", "INSTANCE"},
    {"vpc_endpoint_id", "VPC_ENDPOINT"},
    {"egress_only_gateway_id", "EGRESS_ONLY"},
    {"local_gateway_id", "OTHER"},
    {"carrier_gateway_id", "OTHER"},
    {"core_network_arn", "OTHER"},
    {"gateway_id", "INTERNET_GATEWAY"},
  };

  /**
   * A route from an {@code aws_route} ({@code standalone}: {@code destination_cidr_block} and
   * references through the configuration) or an inline block ({@code cidr_block}, values only).
   */
  private RouteEntry routeEntry(Res r, Tree.TMap m, boolean standalone) {
    String dest = Tree.text(m.get(standalone ? "destination_cidr_block" : "cidr_block"));
    if (dest == null || dest.isEmpty()) {
      dest = Tree.text(m.get(standalone ? "destination_ipv6_cidr_block" : "ipv6_cidr_block"));
    }
    if (dest == null || dest.isEmpty()) {
      dest = Tree.text(m.get("destination_prefix_list_id"));
    }
    if (dest != null && dest.isEmpty()) {
      dest = null;
    }
    for (String[] t : TARGETS) {
      String v = Tree.text(m.get(t[0]));
      boolean known = v != null && !v.isEmpty();
      boolean pending = standalone && !known && doc.expression(r, t[0]) != null;
      if (!known && !pending) {
        continue;
      }
      RouteEntry.Target target = RouteEntry.Target.valueOf(t[1]);
      TfRefs targets;
      if (standalone) {
        targets = doc.refs(r, targetTypes(t[0]), t[0]);
      } else {
        targets = idRefs(List.of(v), targetTypes(t[0]));
      }
      if (t[0].equals("gateway_id")) {
        String id = v;
        boolean vgw =
            id != null
                ? id.startsWith("vgw-")
                : targets.addresses().stream()
                    .anyMatch(a -> doc.get(a).type.equals("aws_vpn_gateway"));
        if (vgw) {
          target = RouteEntry.Target.VPN_GATEWAY;
        } else if (id != null && id.equals("local")) {
          continue;
        }
      }
      return new RouteEntry(dest, cidr(dest), target, targets);
    }
    return new RouteEntry(dest, cidr(dest), RouteEntry.Target.UNKNOWN, TfRefs.NONE);
  }

  private static Set<String> targetTypes(String attribute) {
    return switch (attribute) {
      case "nat_gateway_id" -> NAT;
      case "gateway_id" -> Set.of("aws_internet_gateway", "aws_vpn_gateway");
      case "transit_gateway_id" -> Set.of("aws_ec2_transit_gateway");
      case "vpc_peering_connection_id" -> Set.of("aws_vpc_peering_connection");
      case "network_interface_id" -> Set.of("aws_network_interface");
      case "instance_id" -> Set.of("aws_instance");
      case "vpc_endpoint_id" -> Set.of("aws_vpc_endpoint");
      case "egress_only_gateway_id" -> Set.of("aws_egress_only_internet_gateway");
      default -> Set.of();
    };
  }

  // ---- security groups ----

  private SecurityGroup securityGroup(Res r) {
    List<SgRule> rules = new ArrayList<>();
    for (String dir : List.of("ingress", "egress")) {
      List<Tree> blocks = Tree.asList(r.values.get(dir));
      for (int i = 0; i < blocks.size(); i++) {
        if (blocks.get(i) instanceof Tree.TMap m) {
          List<String> groups = TerraformResource.strings(m.get("security_groups"));
          TfRefs peers = groups.isEmpty() ? TfRefs.NONE : idRefs(groups, SG);
          if (partlyUnknown(r, m, dir, String.valueOf(i))) {
            peers = new TfRefs(peers.addresses(), peers.external(), true);
          }
          rules.add(
              new SgRule(
                  dir.equals("ingress"),
                  Tree.text(m.get("protocol")),
                  intOf(m.get("from_port")),
                  intOf(m.get("to_port")),
                  TerraformResource.strings(m.get("cidr_blocks")),
                  TerraformResource.strings(m.get("ipv6_cidr_blocks")),
                  TerraformResource.strings(m.get("prefix_list_ids")),
                  peers,
                  "true".equals(Tree.text(m.get("self"))),
                  Tree.text(m.get("description"))));
        }
      }
    }
    String name = str(r, "name");
    if (name == null) {
      name = str(r, "name_prefix");
    }
    TfRefs vpc =
        r.values.get("vpc_id") == null
                && !doc.unknown(r, "vpc_id")
                && doc.expression(r, "vpc_id") == null
            ? TfRefs.NONE
            : vpc(r, "vpc_id");
    return new SecurityGroup(
        header(r),
        str(r, "id"),
        name,
        vpc,
        rules,
        inlineRulesKnown(r, "ingress"),
        inlineRulesKnown(r, "egress"),
        doc.unknown(r, "egress") && inlineRulesKnown(r, "egress"));
  }

  /**
   * Whether a group's inline rules of one direction ({@code ingress}, {@code egress}) are known. In
   * a plan they are unknown as a whole when the configuration leaves the argument to the provider
   * (Optional and Computed): Terraform then creates the group with no rule of that direction (it
   * removes the allow-all egress rule AWS adds, and a new group has no ingress rule), so they are
   * known to be none. An argument the configuration sets to a value computed at apply stays
   * unknown. Dynamic blocks are not in the plan's configuration, see docs/rules/EKS-SG-003.md. A
   * value that is neither a list nor marked unknown (a resource written without its values) is not
   * known either.
   */
  private boolean inlineRulesKnown(Res r, String dir) {
    if (!doc.unknown(r, dir)) {
      return r.values.get(dir) instanceof Tree.TList;
    }
    return doc.expression(r) != null && doc.expression(r, dir) == null;
  }

  /** Fields of an inline rule that name its peer or ports; unknown values make it inconclusive. */
  private static final List<String> RULE_FIELDS =
      List.of(
          "security_groups",
          "cidr_blocks",
          "ipv6_cidr_blocks",
          "prefix_list_ids",
          "self",
          "protocol",
          "from_port",
          "to_port");

  /** True when a field of the i-th inline rule of {@code dir} is unknown until apply. */
  private boolean partlyUnknown(Res r, Tree.TMap rule, String dir, String i) {
    for (String f : RULE_FIELDS) {
      if (doc.unknown(r, dir, i, f) || hasUnknownItem(rule.get(f))) {
        return true;
      }
    }
    return false;
  }

  /** True for a list with a null item (a value unknown until apply). */
  private static boolean hasUnknownItem(Tree t) {
    return t instanceof Tree.TList l && l.items().stream().anyMatch(x -> Tree.text(x) == null);
  }

  /** True when one of the top-level fields of a rule resource is unknown until apply. */
  private boolean anyUnknown(Res r, String... fields) {
    for (String f : fields) {
      if (doc.unknown(r, f) || hasUnknownItem(r.values.get(f))) {
        return true;
      }
    }
    return false;
  }

  private TfRefs idRefs(List<String> ids, Set<String> types) {
    List<String> addresses = new ArrayList<>();
    List<String> external = new ArrayList<>();
    for (String id : ids) {
      String a = doc.addressOf(id);
      if (a != null && types.contains(doc.get(a).type)) {
        addresses.add(a);
      } else {
        external.add(id);
      }
    }
    return new TfRefs(addresses, external, false);
  }

  /**
   * An {@code aws_security_group_rule}; with its {@code type} unknown until apply, one rule of each
   * direction (it may be either, so neither direction can be read as closed).
   */
  private Object sgRuleResource(Res r) {
    // source_security_group_id is Optional and Computed: a plan marks it unknown when the
    // configuration does not set it, and then the rule names no group
    TfRefs source =
        doc.unknown(r, "source_security_group_id")
                && doc.expression(r) != null
                && doc.expression(r, "source_security_group_id") == null
            ? TfRefs.NONE
            : doc.refs(r, SG, "source_security_group_id");
    if (anyUnknown(
        r,
        "cidr_blocks",
        "ipv6_cidr_blocks",
        "prefix_list_ids",
        "self",
        "protocol",
        "from_port",
        "to_port")) {
      source = new TfRefs(source.addresses(), source.external(), true);
    }
    String type = str(r, "type");
    List<Object> out = new ArrayList<>();
    for (boolean ingress : new boolean[] {true, false}) {
      if (type == null || type.equals(ingress ? "ingress" : "egress")) {
        SgRule rule =
            new SgRule(
                ingress,
                str(r, "protocol"),
                integer(r, "from_port"),
                integer(r, "to_port"),
                strings(r, "cidr_blocks"),
                strings(r, "ipv6_cidr_blocks"),
                strings(r, "prefix_list_ids"),
                source,
                bool(r, "self") == Boolean.TRUE,
                str(r, "description"));
        out.add(new SecurityGroupRule(header(r), doc.refs(r, SG, "security_group_id"), rule));
      }
    }
    return out.size() == 1 ? out.get(0) : out;
  }

  private SecurityGroupRule vpcSgRule(Res r) {
    boolean ingress = r.type.endsWith("ingress_rule");
    String v4 = str(r, "cidr_ipv4");
    String v6 = str(r, "cidr_ipv6");
    String pl = str(r, "prefix_list_id");
    TfRefs source = doc.refs(r, SG, "referenced_security_group_id");
    if (anyUnknown(
        r, "cidr_ipv4", "cidr_ipv6", "prefix_list_id", "ip_protocol", "from_port", "to_port")) {
      source = new TfRefs(source.addresses(), source.external(), true);
    }
    String protocol = str(r, "ip_protocol");
    SgRule rule =
        new SgRule(
            ingress,
            protocol,
            integer(r, "from_port"),
            integer(r, "to_port"),
            v4 == null ? List.of() : List.of(v4),
            v6 == null ? List.of() : List.of(v6),
            pl == null ? List.of() : List.of(pl),
            source,
            false,
            str(r, "description"));
    return new SecurityGroupRule(header(r), doc.refs(r, SG, "security_group_id"), rule);
  }

  // ---- EKS ----

  private EksCluster cluster(Res r) {
    TfRefs subnetRefs = doc.refs(r, SUBNET, "vpc_config", "0", "subnet_ids");
    TfRefs vpc = doc.refs(r, VPC, "vpc_config", "0", "vpc_id");
    if (vpc.addresses().isEmpty()) {
      Set<String> fromSubnets = new LinkedHashSet<>();
      for (String a : subnetRefs.addresses()) {
        Subnet s = subnets.get(a);
        if (s != null && s.getVpcAddress() != null) {
          fromSubnets.add(s.getVpcAddress());
        }
      }
      if (!fromSubnets.isEmpty()) {
        vpc = new TfRefs(List.copyOf(fromSubnets), List.of(), false);
      }
    }
    String svc = str(r, "kubernetes_network_config", "0", "service_ipv4_cidr");
    String family = str(r, "kubernetes_network_config", "0", "ip_family");
    return new EksCluster(
        header(r),
        str(r, "name"),
        vpc,
        subnetRefs,
        doc.refs(r, SG, "vpc_config", "0", "security_group_ids"),
        svc,
        cidr(svc),
        orDefault(family, "ipv4"),
        bool(r, "vpc_config", "0", "endpoint_public_access"),
        bool(r, "vpc_config", "0", "endpoint_private_access"),
        strings(r, "vpc_config", "0", "public_access_cidrs"),
        str(r, "vpc_config", "0", "cluster_security_group_id"));
  }

  /**
   * Who can reach a cluster's endpoint ({@link ClusterEndpointAccess}) and a node group's SSH
   * access ({@link NodeGroupRemoteAccess}), with the defaults EKS applies to unset arguments.
   */
  private void accessFacts(Res r, Object f, List<Object> out) {
    if (f instanceof EksCluster c) {
      Boolean pub = bool(r, "vpc_config", "0", "endpoint_public_access");
      boolean block = doc.expression(r, "vpc_config", "0") != null;
      if (pub == null && block && !doc.unknown(r, "vpc_config", "0", "endpoint_public_access")) {
        pub = doc.expression(r, "vpc_config", "0", "endpoint_public_access") == null ? true : null;
      }
      Boolean priv = bool(r, "vpc_config", "0", "endpoint_private_access");
      if (priv == null && block && !doc.unknown(r, "vpc_config", "0", "endpoint_private_access")) {
        priv =
            doc.expression(r, "vpc_config", "0", "endpoint_private_access") == null ? false : null;
      }
      Tree cidrs = TerraformResource.navigate(r.values, "vpc_config", "0", "public_access_cidrs");
      List<String> list = strings(r, "vpc_config", "0", "public_access_cidrs");
      boolean written = doc.expression(r, "vpc_config", "0", "public_access_cidrs") != null;
      boolean defaulted = false;
      if (cidrs instanceof Tree.TList l
          && !l.items().isEmpty()
          && list.size() == l.items().size()) {
        // known: a state holds EKS's default as a value, a plan the written list
      } else if (!written && doc.expression(r, "vpc_config", "0") == null) {
        // no configuration of the block (a state, a registry module, a dynamic block): unknown
        list = List.of();
      } else if (!written) {
        list = List.of("0.0.0.0/0");
        defaulted = true;
      } else {
        list = List.of();
      }
      out.add(new ClusterEndpointAccess(c, pub, priv, list, defaulted));
    } else if (f instanceof NodeGroup g
        && r.values.get("remote_access") instanceof Tree.TList l
        && !l.items().isEmpty()) {
      String key = str(r, "remote_access", "0", "ec2_ssh_key");
      boolean keySet =
          (key != null && !key.isBlank()) || doc.unknown(r, "remote_access", "0", "ec2_ssh_key");
      Tree sgs =
          TerraformResource.navigate(r.values, "remote_access", "0", "source_security_group_ids");
      boolean sgsEmpty =
          (sgs == null || (sgs instanceof Tree.TList sl && sl.items().isEmpty()))
              && !doc.unknown(r, "remote_access", "0", "source_security_group_ids")
              && !(doc.expression(r, "remote_access", "0", "source_security_group_ids") != null
                  && sgs == null);
      out.add(new NodeGroupRemoteAccess(g, key, keySet, sgsEmpty));
    }
  }

  /** {@code cluster_name} as written, or the name of the cluster it references. */
  private String clusterName(Res r) {
    String name = str(r, "cluster_name");
    if (name != null) {
      return name;
    }
    TfRefs c = doc.refs(r, CLUSTER, "cluster_name");
    return c.single() == null ? null : str(doc.get(c.single()), "name");
  }

  private NodeGroup nodeGroup(Res r) {
    Tree types = r.values.get("instance_types");
    boolean typesKnown =
        !doc.unknown(r, "instance_types")
            && !(types instanceof Tree.TList l
                && l.items().stream().anyMatch(i -> Tree.text(i) == null));
    String ltId = str(r, "launch_template", "0", "id");
    String ltName = str(r, "launch_template", "0", "name");
    TfRefs lt = TfRefs.NONE;
    if (r.values.get("launch_template") instanceof Tree.TList l && !l.items().isEmpty()) {
      lt = doc.refs(r, LAUNCH_TEMPLATE, "launch_template", "0", "id");
      if (lt.addresses().isEmpty() && ltName != null) {
        lt = doc.refsByAttribute(r, LAUNCH_TEMPLATE, "name", "launch_template", "0", "name");
      }
      if (lt.addresses().isEmpty() && ltId == null && ltName == null) {
        lt = doc.refs(r, LAUNCH_TEMPLATE, "launch_template", "0", "name");
      }
    }
    String name = str(r, "node_group_name");
    if (name == null) {
      name = str(r, "node_group_name_prefix");
    }
    return new NodeGroup(
        header(r),
        clusterName(r),
        name,
        doc.refs(r, SUBNET, "subnet_ids"),
        strings(r, "instance_types"),
        typesKnown,
        integer(r, "scaling_config", "0", "desired_size"),
        integer(r, "scaling_config", "0", "min_size"),
        integer(r, "scaling_config", "0", "max_size"),
        lt,
        ltId != null ? ltId : ltName,
        str(r, "ami_type"),
        str(r, "capacity_type"),
        Tree.stringMap(r.values.get("labels")),
        !doc.unknown(r, "labels"));
  }

  private LaunchTemplate launchTemplate(Res r) {
    String name = str(r, "name");
    if (name == null) {
      name = str(r, "name_prefix");
    }
    Integer maxPods = null;
    String source = null;
    String userData = decodeUserData(str(r, "user_data"));
    if (userData != null) {
      Matcher m = MAX_PODS.matcher(userData);
      if (m.find()) {
        String n = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(6);
        try {
          maxPods = Integer.parseInt(n);
          source = m.group().trim();
        } catch (NumberFormatException e) {
          maxPods = null;
        }
      }
    }
    TfRefs sgs = doc.refs(r, SG, "vpc_security_group_ids");
    List<Tree> nics = Tree.asList(r.values.get("network_interfaces"));
    for (int i = 0; i < nics.size(); i++) {
      TfRefs more = doc.refs(r, SG, "network_interfaces", String.valueOf(i), "security_groups");
      if (!more.isEmpty()) {
        sgs = merge(sgs, more);
      }
    }
    String imageId = str(r, "image_id");
    imageId = imageId == null || imageId.isBlank() || doc.unknown(r, "image_id") ? null : imageId;
    boolean amiDefault =
        imageId != null
            && !doc.unknown(r, "user_data")
            && userData != null
            && !MAX_PODS_MENTION.matcher(userData).find()
            && (userData.contains("bootstrap.sh") || userData.contains("NodeConfig"));
    return new LaunchTemplate(
        header(r),
        str(r, "id"),
        name,
        str(r, "instance_type"),
        maxPods,
        source,
        sgs,
        imageId,
        amiDefault);
  }

  private static TfRefs merge(TfRefs a, TfRefs b) {
    List<String> addresses = new ArrayList<>(a.addresses());
    b.addresses().stream().filter(x -> !addresses.contains(x)).forEach(addresses::add);
    List<String> external = new ArrayList<>(a.external());
    b.external().stream().filter(x -> !external.contains(x)).forEach(external::add);
    return new TfRefs(addresses, external, a.unresolved() || b.unresolved());
  }

  /** The user data as text: base64-decoded when it is base64, else as written. */
  static String decodeUserData(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String compact = s.replaceAll("\\s", "");
    if (compact.matches("[A-Za-z0-9+/]+={0,2}") && compact.length() % 4 == 0) {
      try {
        return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return s;
      }
    }
    return s;
  }

  private EksAddon addon(Res r) {
    String cv = str(r, "configuration_values");
    boolean known = !doc.unknown(r, "configuration_values");
    Map<String, String> env = new LinkedHashMap<>();
    String mode = null;
    String netpol = null;
    if (cv != null && !cv.isBlank()) {
      try {
        JsonNode n = JSON.readTree(cv);
        JsonNode e = n.path("env");
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (f.getValue().isValueNode() && !f.getValue().isNull()) {
            env.put(f.getKey(), f.getValue().asText());
          }
        }
        mode = n.path("mode").isValueNode() ? n.path("mode").asText() : null;
        netpol =
            n.path("enableNetworkPolicy").isValueNode()
                ? n.path("enableNetworkPolicy").asText()
                : null;
      } catch (JsonProcessingException ex) {
        known = false;
      }
    }
    String resolve = str(r, "resolve_conflicts_on_update");
    if (resolve == null || resolve.isEmpty()) {
      resolve = str(r, "resolve_conflicts");
    }
    resolve =
        resolve == null || resolve.isEmpty()
            ? null
            : resolve.trim().toUpperCase(java.util.Locale.ROOT);
    return new EksAddon(
        header(r), clusterName(r), str(r, "addon_name"), cv, known, env, mode, netpol, resolve);
  }

  private LoadBalancer loadBalancer(Res r) {
    TfRefs subs = doc.refs(r, SUBNET, "subnets");
    List<Tree> mappings = Tree.asList(r.values.get("subnet_mapping"));
    if (subs.isEmpty() && !mappings.isEmpty()) {
      List<String> a = new ArrayList<>();
      List<String> ext = new ArrayList<>();
      boolean unresolved = false;
      for (int i = 0; i < mappings.size(); i++) {
        TfRefs one = doc.refs(r, SUBNET, "subnet_mapping", String.valueOf(i), "subnet_id");
        a.addAll(one.addresses());
        ext.addAll(one.external());
        unresolved |= one.unresolved();
      }
      subs = new TfRefs(a, ext, unresolved);
    }
    return new LoadBalancer(
        header(r),
        str(r, "name"),
        orDefault(str(r, "load_balancer_type"), "application"),
        bool(r, "internal"),
        subs,
        doc.refs(r, SG, "security_groups"));
  }

  // ---- values ----

  private static String str(Res r, String... path) {
    return Tree.text(TerraformResource.navigate(r.values, path));
  }

  private static List<String> strings(Res r, String... path) {
    return TerraformResource.strings(TerraformResource.navigate(r.values, path));
  }

  private static Integer integer(Res r, String... path) {
    return intOf(TerraformResource.navigate(r.values, path));
  }

  private static Integer intOf(Tree t) {
    String s = Tree.text(t);
    if (s == null) {
      return null;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(Res r, String... path) {
    String s = Tree.text(TerraformResource.navigate(r.values, path));
    return s == null ? null : Boolean.valueOf("true".equalsIgnoreCase(s.trim()));
  }

  private static String orDefault(String s, String dflt) {
    return s == null || s.isEmpty() ? dflt : s;
  }

  /** The CIDR with host bits cleared, or null when absent or not a CIDR. */
  static Cidr cidr(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    ParsedCidr p = Cidr.tryParse(text.trim());
    return p.cidr();
  }
}
