package io.eksnet.relate.terraform;

import static io.eksnet.TerraformJson.resource;
import static io.eksnet.TerraformJson.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.RouteEntry;
import io.eksnet.model.Tree;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import io.eksnet.source.TerraformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformRelationsTest {

  @TempDir Path dir;

  private List<Object> relations(String json) throws IOException {
    Path f = dir.resolve("s.json");
    Files.writeString(f, json);
    Loader.Loaded l = new Loader().load(new SourceFile(f, "s.json"));
    List<Object> facts = new ArrayList<>();
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts("s.json", (Tree.TMap) t, new ArrayList<>()));
    }
    return TerraformRelations.compute(facts);
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static final String VPC =
      resource("aws_vpc.v", "aws_vpc", "{\"id\": \"vpc-1\", \"cidr_block\": \"10.0.0.0/16\"}");

  private static String subnet(String name, String cidr, String az) {
    return resource(
        "aws_subnet." + name,
        "aws_subnet",
        "{\"id\": \"subnet-"
            + name
            + "\", \"vpc_id\": \"vpc-1\", "
            + "\"cidr_block\": \""
            + cidr
            + "\", \"availability_zone\": \""
            + az
            + "\"}");
  }

  private static String group(String subnets, int max) {
    return resource(
        "aws_eks_node_group.g",
        "aws_eks_node_group",
        "{\"subnet_ids\": "
            + subnets
            + ", \"instance_types\": [\"m5.large\"], \"scaling_config\": [{\"desired_size\": 1, \"max_size\": "
            + max
            + ", \"min_size\": 1}]}");
  }

  @Test
  void subnetsOutsideTheScanTakeTheirShareOfTheNodes() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                subnet("b", "10.0.1.0/24", "eu-west-1b"),
                group("[\"subnet-a\", \"subnet-b\", \"subnet-elsewhere\"]", 6)));
    NodeGroupCapacity c = all(r, NodeGroupCapacity.class).get(0);
    assertEquals(List.of(2, 2), c.getShares().stream().map(SubnetShare::nodesAtMax).toList());
    assertFalse(c.isSubnetsKnown());
    assertEquals(60, c.getShares().get(0).demandAtMax());
  }

  @Test
  void nodeGroupsSharingASubnetAddUp() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                group("[\"subnet-a\"]", 4),
                resource(
                    "aws_eks_node_group.h",
                    "aws_eks_node_group",
                    "{\"subnet_ids\": [\"subnet-a\"], \"instance_types\": "
                        + "[\"t3.medium\"], \"scaling_config\": [{\"desired_size\": 1, \"max_size\": 2, \"min_size\": 1}]}")));
    SubnetDemand d = all(r, SubnetDemand.class).get(0);
    assertEquals(4 * 30 + 2 * 18, d.getDemandAtMax());
    assertEquals(List.of("aws_eks_node_group.g", "aws_eks_node_group.h"), d.getNodeGroups());
    NodeGroupCapacity g = all(r, NodeGroupCapacity.class).get(0);
    assertEquals(156, g.getShares().get(0).totalDemandAtMax());
    assertEquals(List.of("aws_eks_node_group.h"), g.getShares().get(0).others());
  }

  @Test
  void subnetWithoutAssociationUsesTheVpcsMainTable() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                resource(
                    "aws_default_route_table.main",
                    "aws_default_route_table",
                    "{\"id\": \"rtb-1\", "
                        + "\"default_route_table_id\": \"rtb-1\", \"route\": [{\"cidr_block\": \"0.0.0.0/0\", \"nat_gateway_id\": "
                        + "\"nat-1\"}]}"),
                resource(
                    "aws_vpc.w",
                    "aws_vpc",
                    "{\"id\": \"vpc-2\", \"cidr_block\": \"10.1.0.0/16\", \"default_route_table_id\": "
                        + "\"rtb-1\"}")));
    SubnetRouting routing = all(r, SubnetRouting.class).get(0);
    assertTrue(routing.isMainTable());
    assertTrue(routing.isKnown());
    assertFalse(
        routing.isDefaultRoute(),
        "the default route table belongs to another VPC: the subnet's main table has only the local route");
  }

  @Test
  void vpnRoutePropagationMakesRoutingUnknown() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                resource(
                    "aws_route_table.t",
                    "aws_route_table",
                    "{\"id\": \"rtb-1\", \"vpc_id\": \"vpc-1\", \"route\": []}"),
                resource(
                    "aws_route_table_association.a",
                    "aws_route_table_association",
                    "{\"subnet_id\": \"subnet-a\", \"route_table_id\": \"rtb-1\"}"),
                resource(
                    "aws_vpn_gateway_route_propagation.p",
                    "aws_vpn_gateway_route_propagation",
                    "{\"route_table_id\": \"rtb-1\", \"vpn_gateway_id\": \"vgw-1\"}")));
    SubnetRouting routing = all(r, SubnetRouting.class).get(0);
    assertFalse(routing.isMainTable());
    assertFalse(routing.isKnown());
    assertEquals(List.of("aws_route_table.t"), routing.getRouteTables());
    assertTrue(routing.getDefaultTargets().isEmpty());
    assertFalse(routing.getDefaultTargets().contains(RouteEntry.Target.VPN_GATEWAY));
  }

  private static String endpoint(String name, String vpc, String service) {
    return resource(
        "aws_vpc_endpoint." + name,
        "aws_vpc_endpoint",
        "{\"vpc_id\": \""
            + vpc
            + "\""
            + (service == null ? "" : ", \"service_name\": \"" + service + "\"")
            + "}");
  }

  @Test
  void vpcEndpointsAreMatchedToTheSubnetsVpcByIdAndNamedByService() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                group("[\"subnet-a\"]", 2),
                endpoint("dkr", "vpc-1", "com.amazonaws.eu-west-1.ecr.dkr"),
                endpoint("s3", "vpc-1", "cn.com.amazonaws.cn-north-1.s3"),
                endpoint("other", "vpc-elsewhere", "com.amazonaws.eu-west-1.ec2"),
                endpoint("partner", "vpc-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123")));
    SubnetRouting routing = all(r, SubnetRouting.class).get(0);
    assertEquals(java.util.Set.of("ecr.dkr", "s3"), routing.getVpcEndpoints());
    assertTrue(routing.isVpcEndpointsKnown(), "the endpoint of another VPC does not matter");
    assertEquals(List.of("ecr.api", "ec2"), routing.getServicesWithoutEndpoint());
  }

  @Test
  void anEndpointWithAnUnknownServiceMakesTheVpcsEndpointsUnknown() throws IOException {
    List<Object> r =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                endpoint("dkr", "vpc-1", "com.amazonaws.eu-west-1.ecr.dkr"),
                endpoint("any", "vpc-1", null)));
    assertFalse(all(r, SubnetRouting.class).get(0).isVpcEndpointsKnown());
  }

  @Test
  void controllersCountOnlyWhenTheScanHoldsOneCluster() throws IOException {
    String lbc =
        resource(
            "helm_release.lbc",
            "helm_release",
            "{\"name\": \"lbc\", \"chart\": \"eks/aws-load-balancer-controller\"}");
    String logs =
        resource(
            "aws_eks_addon.obs",
            "aws_eks_addon",
            "{\"cluster_name\": \"a\", \"addon_name\": \"amazon-cloudwatch-observability\"}");
    List<Object> one = relations(state(VPC, subnet("a", "10.0.0.0/24", "eu-west-1a"), lbc, logs));
    assertEquals(
        List.of("ecr.api", "ecr.dkr", "s3", "ec2", "logs", "elasticloadbalancing"),
        List.copyOf(all(one, SubnetRouting.class).get(0).getServicesCalled().keySet()));
    String second =
        resource(
            "aws_eks_addon.obs2",
            "aws_eks_addon",
            "{\"cluster_name\": \"b\", \"addon_name\": \"vpc-cni\"}");
    List<Object> two =
        relations(
            state(
                VPC,
                subnet("a", "10.0.0.0/24", "eu-west-1a"),
                lbc,
                logs,
                second,
                resource("aws_eks_cluster.a", "aws_eks_cluster", "{\"name\": \"a\"}"),
                resource("aws_eks_cluster.b", "aws_eks_cluster", "{\"name\": \"b\"}")));
    assertEquals(
        List.of("ecr.api", "ecr.dkr", "s3", "ec2"),
        List.copyOf(all(two, SubnetRouting.class).get(0).getServicesCalled().keySet()),
        "with two clusters the release may be the other's");
  }
}
