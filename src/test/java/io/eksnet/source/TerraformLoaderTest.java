package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.aws.CniSettings;
import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.InputProblem;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.Location;
import io.eksnet.model.NatGateway;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Route;
import io.eksnet.model.RouteEntry;
import io.eksnet.model.RouteTable;
import io.eksnet.model.RouteTableAssociation;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.SecurityGroupRule;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformLoaderTest {

  @TempDir Path dir;

  private List<InputProblem> problems;

  private List<Object> load(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    Loader.Loaded l = new Loader().load(new SourceFile(f, name));
    problems = new ArrayList<>(l.problems());
    List<Object> facts = new ArrayList<>(l.facts());
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts(name, (Tree.TMap) t, problems));
    }
    return facts;
  }

  private List<Object> load(String name, String content) throws IOException {
    return load(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends TerraformResource> T byAddress(
      List<Object> facts, Class<T> type, String address) {
    return all(facts, type).stream()
        .filter(r -> r.getAddress().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + address + " in " + facts));
  }

  private static final String STATE =
      """
      {
        "format_version": "1.0",
        "terraform_version": "1.9.5",
        "values": {
          "root_module": {
            "resources": [
              {
                "address": "aws_eks_node_group.workers",
                "mode": "managed", "type": "aws_eks_node_group", "name": "workers",
                "values": {
                  "cluster_name": "demo",
                  "subnet_ids": ["subnet-a", "subnet-b", "subnet-elsewhere"],
                  "instance_types": ["m5.large"],
                  "scaling_config": [{"desired_size": 2, "max_size": 6, "min_size": 1}],
                  "launch_template": []
                }
              }
            ],
            "child_modules": [
              {
                "address": "module.net",
                "child_modules": [
                  {
                    "address": "module.net.module.vpc[\\"blue\\"]",
                    "resources": [
                      {
                        "address": "module.net.module.vpc[\\"blue\\"].aws_vpc.this",
                        "mode": "managed", "type": "aws_vpc", "name": "this",
                        "values": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}
                      },
                      {
                        "address": "module.net.module.vpc[\\"blue\\"].aws_subnet.private[0]",
                        "mode": "managed", "type": "aws_subnet", "name": "private", "index": 0,
                        "values": {"id": "subnet-a", "vpc_id": "vpc-1", "cidr_block": "10.0.1.0/24",
                                   "availability_zone": "eu-west-1a", "map_public_ip_on_launch": false}
                      },
                      {
                        "address": "module.net.module.vpc[\\"blue\\"].aws_subnet.private[1]",
                        "mode": "managed", "type": "aws_subnet", "name": "private", "index": 1,
                        "values": {"id": "subnet-b", "vpc_id": "vpc-1", "cidr_block": "10.0.2.0/24",
                                   "availability_zone": "eu-west-1b", "map_public_ip_on_launch": true}
                      }
                    ]
                  }
                ]
              }
            ]
          }
        }
      }
      """;

  @Test
  void stateResourcesAtAnyModuleDepthKeepAddressesValuesAndPositions() throws IOException {
    List<Object> facts = load("state.json", STATE);
    assertEquals(List.of(), problems);
    Subnet b =
        byAddress(facts, Subnet.class, "module.net.module.vpc[\"blue\"].aws_subnet.private[1]");
    assertEquals(
        new Location(
            "state.json", 37, 17, "module.net.module.vpc[\"blue\"].aws_subnet.private[1]", ""),
        b.getLocation());
    assertEquals("10.0.2.0/24", b.getCidr().toString());
    assertEquals("eu-west-1b", b.getAvailabilityZone());
    assertEquals(Boolean.TRUE, b.getMapPublicIpOnLaunch());
    assertEquals("module.net.module.vpc[\"blue\"]", b.getModuleAddress());
    assertEquals("module.net.module.vpc[\"blue\"].aws_vpc.this", b.getVpcAddress());
    assertEquals(40, b.at("cidr_block").line(), "an attribute points at its key");
    assertEquals("cidr_block", b.at("cidr_block").field());

    NodeGroup g = byAddress(facts, NodeGroup.class, "aws_eks_node_group.workers");
    assertEquals(7, g.getLocation().line());
    assertEquals(
        List.of(
            "module.net.module.vpc[\"blue\"].aws_subnet.private[0]",
            "module.net.module.vpc[\"blue\"].aws_subnet.private[1]"),
        g.getSubnets().addresses());
    assertEquals(List.of("subnet-elsewhere"), g.getSubnets().external());
    assertFalse(g.getSubnets().complete());
    assertEquals(6, g.getMaxSize());
    assertEquals(2, g.getDesiredSize());
    assertEquals(List.of("m5.large"), g.getInstanceTypes());
    assertEquals(14, g.at("scaling_config", "0").line());
  }

  /**
   * A module "vpc" (count = 2 subnets) whose output feeds a node group's subnet_ids: all unknown.
   */
  private static final String PLAN =
      """
      {
        "format_version": "0.1",
        "terraform_version": "0.12.29",
        "planned_values": {
          "root_module": {
            "resources": [
              {"address": "aws_eks_node_group.ng", "mode": "managed", "type": "aws_eks_node_group", "name": "ng",
               "values": {"cluster_name": "demo", "scaling_config": [{"desired_size": 1, "max_size": 3, "min_size": 1}]}}
            ],
            "child_modules": [
              {"address": "module.vpc", "resources": [
                {"address": "module.vpc.aws_vpc.this", "mode": "managed", "type": "aws_vpc", "name": "this",
                 "values": {"cidr_block": "10.1.0.0/16"}},
                {"address": "module.vpc.aws_subnet.private[0]", "mode": "managed", "type": "aws_subnet", "name": "private",
                 "index": 0, "values": {"cidr_block": "10.1.1.0/24", "availability_zone": "us-east-1a"}},
                {"address": "module.vpc.aws_subnet.private[1]", "mode": "managed", "type": "aws_subnet", "name": "private",
                 "index": 1, "values": {"cidr_block": "10.1.2.0/24", "availability_zone": "us-east-1b"}},
                {"address": "module.vpc.aws_route_table.private[0]", "mode": "managed", "type": "aws_route_table",
                 "name": "private", "index": 0, "values": {}},
                {"address": "module.vpc.aws_route_table.private[1]", "mode": "managed", "type": "aws_route_table",
                 "name": "private", "index": 1, "values": {}},
                {"address": "module.vpc.aws_route_table_association.private[0]", "mode": "managed",
                 "type": "aws_route_table_association", "name": "private", "index": 0, "values": {}},
                {"address": "module.vpc.aws_route_table_association.private[1]", "mode": "managed",
                 "type": "aws_route_table_association", "name": "private", "index": 1, "values": {}},
                {"address": "module.vpc.aws_nat_gateway.this[0]", "mode": "managed", "type": "aws_nat_gateway",
                 "name": "this", "index": 0, "values": {}},
                {"address": "module.vpc.aws_route.nat[0]", "mode": "managed", "type": "aws_route", "name": "nat",
                 "index": 0, "values": {"destination_cidr_block": "0.0.0.0/0"}},
                {"address": "module.vpc.aws_route.nat[1]", "mode": "managed", "type": "aws_route", "name": "nat",
                 "index": 1, "values": {"destination_cidr_block": "0.0.0.0/0"}}
              ]}
            ]
          }
        },
        "resource_changes": [
          {"address": "aws_eks_node_group.ng", "mode": "managed", "type": "aws_eks_node_group", "name": "ng",
           "change": {"actions": ["create"], "before": null, "after": {},
                      "after_unknown": {"subnet_ids": true, "instance_types": true, "id": true}}},
          {"address": "aws_eks_addon.cni", "mode": "managed", "type": "aws_eks_addon", "name": "cni",
           "change": {"actions": ["create"], "before": null,
                      "after": {"cluster_name": "demo", "addon_name": "vpc-cni",
                                "configuration_values": "{\\"env\\":{\\"ENABLE_PREFIX_DELEGATION\\":\\"true\\",\\"WARM_PREFIX_TARGET\\":\\"2\\"}}"},
                      "after_unknown": {"id": true}}},
          {"address": "aws_security_group.old", "mode": "managed", "type": "aws_security_group", "name": "old",
           "change": {"actions": ["delete"], "before": {"name": "old"}, "after": null}},
          {"address": "data.aws_eks_cluster.this", "mode": "data", "type": "aws_eks_cluster", "name": "this",
           "change": {"actions": ["read"], "before": null, "after": {"name": "demo"}, "after_unknown": {"id": true}}}
        ],
        "configuration": {
          "root_module": {
            "resources": [
              {"address": "aws_eks_node_group.ng", "mode": "managed", "type": "aws_eks_node_group", "name": "ng",
               "expressions": {"subnet_ids": {"references": ["module.vpc.private_subnets"]}}}
            ],
            "module_calls": {
              "vpc": {
                "source": "./modules/vpc",
                "expressions": {"cidr": {"constant_value": "10.1.0.0/16"}},
                "module": {
                  "outputs": {"private_subnets": {"expression": {"references": ["aws_subnet.private"]}}},
                  "resources": [
                    {"address": "aws_subnet.private", "mode": "managed", "type": "aws_subnet", "name": "private",
                     "expressions": {"vpc_id": {"references": ["local.vpc_id"]}}},
                    {"address": "aws_route_table_association.private", "mode": "managed",
                     "type": "aws_route_table_association", "name": "private",
                     "expressions": {"route_table_id": {"references": ["aws_route_table.private", "count.index"]},
                                     "subnet_id": {"references": ["aws_subnet.private", "count.index"]}}},
                    {"address": "aws_route.nat", "mode": "managed", "type": "aws_route", "name": "nat",
                     "expressions": {"destination_cidr_block": {"constant_value": "0.0.0.0/0"},
                                     "nat_gateway_id": {"references": ["aws_nat_gateway.this", "count.index"]},
                                     "route_table_id": {"references": ["aws_route_table.private", "count.index"]}}},
                    {"address": "aws_nat_gateway.this", "mode": "managed", "type": "aws_nat_gateway", "name": "this",
                     "expressions": {"subnet_id": {"references": ["aws_subnet.public"]}}}
                  ]
                }
              }
            }
          }
        }
      }
      """;

  @Test
  void unknownIdsAreResolvedThroughModuleOutputsCountIndexAndElementWrapAround()
      throws IOException {
    List<Object> facts = load("plan.json", PLAN);
    assertEquals(List.of(), problems);
    NodeGroup g = byAddress(facts, NodeGroup.class, "aws_eks_node_group.ng");
    assertEquals(
        List.of("module.vpc.aws_subnet.private[0]", "module.vpc.aws_subnet.private[1]"),
        g.getSubnets().addresses());
    assertTrue(g.getSubnets().complete());
    assertFalse(g.isInstanceTypesKnown(), "instance_types is unknown until apply");

    RouteTableAssociation a1 =
        byAddress(
            facts,
            RouteTableAssociation.class,
            "module.vpc.aws_route_table_association.private[1]");
    assertEquals(List.of("module.vpc.aws_subnet.private[1]"), a1.getSubnet().addresses());
    assertEquals(List.of("module.vpc.aws_route_table.private[1]"), a1.getRouteTable().addresses());

    Route r1 = byAddress(facts, Route.class, "module.vpc.aws_route.nat[1]");
    assertTrue(r1.getEntry().isIpv4Default());
    assertEquals(RouteEntry.Target.NAT_GATEWAY, r1.getEntry().target());
    assertEquals(
        List.of("module.vpc.aws_nat_gateway.this[0]"),
        r1.getEntry().targets().addresses(),
        "element(aws_nat_gateway.this[*].id, count.index) wraps around a single NAT gateway");

    Subnet s = byAddress(facts, Subnet.class, "module.vpc.aws_subnet.private[0]");
    assertEquals(
        "module.vpc.aws_vpc.this", s.getVpcAddress(), "a module local: the module's only VPC");
    assertEquals("modules/vpc", s.getConfigDir());
    assertNull(s.getId());

    RouteTable t = byAddress(facts, RouteTable.class, "module.vpc.aws_route_table.private[0]");
    assertTrue(t.isRoutesKnown());

    EksAddon cni = byAddress(facts, EksAddon.class, "aws_eks_addon.cni");
    assertTrue(cni.isVpcCni());
    assertTrue(cni.isConfigurationKnown());
    CniSettings c = cni.cniSettings();
    assertTrue(c.prefixDelegation());
    assertEquals(2, c.warmPrefixTarget());
    assertEquals(1, c.warmEniTarget());
    assertEquals(
        40, cni.getLocation().line(), "taken from resource_changes when planned values lack it");

    assertTrue(all(facts, SecurityGroup.class).isEmpty(), "resources being deleted are left out");
    assertTrue(all(facts, EksCluster.class).isEmpty(), "data sources give no cluster fact");
    NatGateway nat = all(facts, NatGateway.class).get(0);
    assertTrue(nat.getSubnet().unresolved(), "aws_subnet.public is not in the plan");
  }

  @Test
  void utf16PlanWithBomLoads() throws IOException {
    String text =
        "{\"format_version\":\"1.1\",\"terraform_version\":\"1.2.2\",\"planned_values\":{\"root_module\":"
            + "{\"resources\":[{\"address\":\"aws_vpc.v\",\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"v\","
            + "\"values\":{\"cidr_block\":\"10.9.0.0/16\"}}]}}}";
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[body.length + 2];
    all[0] = (byte) 0xFF;
    all[1] = (byte) 0xFE;
    System.arraycopy(body, 0, all, 2, body.length);
    List<Object> facts = load("win.json", all);
    assertEquals(List.of(), problems);
    Vpc v = all(facts, Vpc.class).get(0);
    assertEquals("10.9.0.0/16", v.getCidr().toString());
    assertEquals(1, v.getLocation().line());
  }

  @Test
  void planWithoutHeaderIsRecognisedAndUnknownMajorVersionIsAProblem() throws IOException {
    List<Object> facts =
        load(
            "bare.json",
            """
        {"planned_values": {"root_module": {"resources": [
          {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s",
           "values": {"cidr_block": "10.0.0.0/24"}}]}}}
        """);
    assertEquals(1, all(facts, Subnet.class).size());
    facts =
        load(
            "future.json",
            """
        {"format_version": "2.0", "planned_values": {"root_module": {"resources": []}}}
        """);
    assertTrue(facts.isEmpty());
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).message().contains("format_version 2.0"), problems.toString());
  }

  @Test
  void launchTemplateMaxPodsIsReadFromBootstrapAndNodeadmUserData() throws IOException {
    String bootstrap =
        Base64.getEncoder()
            .encodeToString(
                "#!/bin/bash\n/etc/eks/bootstrap.sh c --use-max-pods false --kubelet-extra-args '--max-pods=58'\n"
                    .getBytes(StandardCharsets.UTF_8));
    String nodeadm =
        Base64.getEncoder()
            .encodeToString(
                """
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="B"

        --B
        Content-Type: application/node.eks.aws

        apiVersion: node.eks.aws/v1alpha1
        kind: NodeConfig
        spec:
          kubelet:
            config:
              maxPods: 20
        --B--
        """
                    .getBytes(StandardCharsets.UTF_8));
    List<Object> facts =
        load(
            "lt.json",
            """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "aws_launch_template.a", "mode": "managed", "type": "aws_launch_template", "name": "a",
           "values": {"id": "lt-1", "name": "a", "instance_type": "m5.xlarge", "user_data": "%s"}},
          {"address": "aws_launch_template.b", "mode": "managed", "type": "aws_launch_template", "name": "b",
           "values": {"id": "lt-2", "name": "b", "user_data": "%s"}},
          {"address": "aws_launch_template.c", "mode": "managed", "type": "aws_launch_template", "name": "c",
           "values": {"id": "lt-3", "name": "c", "user_data": null}}]}}}
        """
                .formatted(bootstrap, nodeadm));
    LaunchTemplate a = byAddress(facts, LaunchTemplate.class, "aws_launch_template.a");
    assertEquals(58, a.getMaxPods());
    assertEquals("--max-pods=58", a.getMaxPodsSource());
    assertEquals("m5.xlarge", a.getInstanceType());
    assertEquals(20, byAddress(facts, LaunchTemplate.class, "aws_launch_template.b").getMaxPods());
    assertNull(byAddress(facts, LaunchTemplate.class, "aws_launch_template.c").getMaxPods());
  }

  @Test
  void securityGroupRulesOfAllThreeStylesAndInlineRoutes() throws IOException {
    List<Object> facts =
        load(
            "sg.json",
            """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "aws_security_group.nodes", "mode": "managed", "type": "aws_security_group", "name": "nodes",
           "values": {"id": "sg-1", "name": "nodes", "vpc_id": "vpc-x",
             "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"],
                          "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": ["sg-2"], "self": false,
                          "description": "api"}],
             "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"],
                         "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": false}]}},
          {"address": "aws_security_group.lb", "mode": "managed", "type": "aws_security_group", "name": "lb",
           "values": {"id": "sg-2", "name": "lb"}},
          {"address": "aws_security_group_rule.kubelet", "mode": "managed", "type": "aws_security_group_rule",
           "name": "kubelet", "values": {"type": "ingress", "security_group_id": "sg-1", "from_port": 10250,
             "to_port": 10250, "protocol": "tcp", "source_security_group_id": "sg-2", "self": false}},
          {"address": "aws_vpc_security_group_egress_rule.all", "mode": "managed",
           "type": "aws_vpc_security_group_egress_rule", "name": "all",
           "values": {"security_group_id": "sg-2", "ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}},
          {"address": "aws_route_table.public", "mode": "managed", "type": "aws_route_table", "name": "public",
           "values": {"id": "rtb-1", "vpc_id": "vpc-x", "route": [
             {"cidr_block": "0.0.0.0/0", "gateway_id": "igw-1", "nat_gateway_id": "", "transit_gateway_id": ""},
             {"cidr_block": "192.168.0.0/16", "gateway_id": "", "transit_gateway_id": "tgw-1"}]}}
        ]}}}
        """);
    SecurityGroup nodes = byAddress(facts, SecurityGroup.class, "aws_security_group.nodes");
    assertEquals(2, nodes.getRules().size());
    assertTrue(nodes.getRules().get(0).coversPort("tcp", 443));
    assertEquals(
        List.of("aws_security_group.lb"), nodes.getRules().get(0).sourceGroups().addresses());
    assertTrue(nodes.getRules().get(1).allProtocols());
    assertEquals(List.of("vpc-x"), nodes.getVpc().external());
    SecurityGroupRule kubelet =
        byAddress(facts, SecurityGroupRule.class, "aws_security_group_rule.kubelet");
    assertEquals("aws_security_group.nodes", kubelet.getSecurityGroup().single());
    assertTrue(kubelet.getRule().ingress());
    assertEquals("aws_security_group.lb", kubelet.getRule().sourceGroups().single());
    SecurityGroupRule all =
        byAddress(facts, SecurityGroupRule.class, "aws_vpc_security_group_egress_rule.all");
    assertFalse(all.getRule().ingress());
    assertEquals(List.of("0.0.0.0/0"), all.getRule().cidrs());
    RouteTable t = byAddress(facts, RouteTable.class, "aws_route_table.public");
    assertEquals(RouteEntry.Target.INTERNET_GATEWAY, t.getRoutes().get(0).target());
    assertTrue(t.getRoutes().get(0).isIpv4Default());
    assertEquals(RouteEntry.Target.TRANSIT_GATEWAY, t.getRoutes().get(1).target());
  }

  @Test
  void clusterFallsBackOnItsSubnetsVpcAndReadsServiceCidr() throws IOException {
    List<Object> facts =
        load(
            "c.json",
            """
        {"format_version": "1.0", "values": {"root_module": {"resources": [
          {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v",
           "values": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}},
          {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
           "values": {"id": "subnet-1", "vpc_id": "vpc-1", "cidr_block": "10.0.0.0/24"}},
          {"address": "aws_eks_cluster.c", "mode": "managed", "type": "aws_eks_cluster", "name": "c",
           "values": {"name": "c", "vpc_config": [{"subnet_ids": ["subnet-1"], "vpc_id": null}],
                      "kubernetes_network_config": [{"service_ipv4_cidr": "10.0.0.0/16", "ip_family": "ipv4"}]}}
        ]}}}
        """);
    EksCluster c = all(facts, EksCluster.class).get(0);
    assertEquals("aws_vpc.v", c.getVpcAddress());
    assertEquals("10.0.0.0/16", c.getServiceIpv4Cidr().toString());
    assertFalse(c.isIpv6());
  }
}
