package io.eksnet.report;

import static io.eksnet.TerraformJson.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.SharedData;
import io.eksnet.relate.terraform.CapacityTable;
import io.eksnet.relate.terraform.CapacityTable.NodeGroupRow;
import io.eksnet.relate.terraform.CapacityTable.PodSubnetRow;
import io.eksnet.relate.terraform.CapacityTable.SubnetRow;
import io.eksnet.scan.CapacityScanner;
import io.eksnet.scan.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity report on generated VPCs and on the corpus plans. */
class CapacityReportTest {

  @TempDir Path dir;

  /**
   * A state with a VPC split into {@code subnets} subnets of {@code prefix} over three AZs and one
   * node group of {@code type} over all of them.
   */
  static String generatedVpc(
      int subnets, int prefix, String type, int desired, int max, String cniEnv) {
    List<String> rs = new ArrayList<>();
    rs.add(
        resource(
            "aws_vpc.main", "aws_vpc", "{\"id\": \"vpc-1\", \"cidr_block\": \"10.0.0.0/16\"}"));
    List<String> ids = new ArrayList<>();
    long size = 1L << (32 - prefix);
    for (int i = 0; i < subnets; i++) {
      long base = (10L << 24) + i * size;
      String cidr =
          (base >> 24)
              + "."
              + ((base >> 16) & 255)
              + "."
              + ((base >> 8) & 255)
              + "."
              + (base & 255)
              + "/"
              + prefix;
      String id = "subnet-" + i;
      ids.add("\"" + id + "\"");
      rs.add(
          resource(
              "aws_subnet.nodes[" + i + "]",
              "aws_subnet",
              "{\"id\": \""
                  + id
                  + "\", \"vpc_id\": \"vpc-1\", "
                  + "\"cidr_block\": \""
                  + cidr
                  + "\", \"availability_zone\": \"eu-west-1"
                  + "abc".charAt(i % 3)
                  + "\"}"));
    }
    rs.add(
        resource(
            "aws_eks_cluster.c",
            "aws_eks_cluster",
            "{\"name\": \"c\", \"vpc_config\": [{\"subnet_ids\": " + ids + "}]}"));
    if (cniEnv != null) {
      rs.add(
          resource(
              "aws_eks_addon.cni",
              "aws_eks_addon",
              "{\"cluster_name\": \"c\", \"addon_name\": \"vpc-cni\", "
                  + "\"configuration_values\": \"{\\\"env\\\": "
                  + cniEnv.replace("\"", "\\\"")
                  + "}\"}"));
    }
    rs.add(
        resource(
            "aws_eks_node_group.ng",
            "aws_eks_node_group",
            "{\"cluster_name\": \"c\", \"node_group_name\": \"ng\", "
                + "\"subnet_ids\": "
                + ids
                + ", \"instance_types\": [\""
                + type
                + "\"], \"scaling_config\": [{\"desired_size\": "
                + desired
                + ", \"max_size\": "
                + max
                + ", \"min_size\": 1}]}"));
    return "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
        + String.join(",\n", rs)
        + "\n]}}}\n";
  }

  private CapacityTable table(String json) throws IOException {
    Files.writeString(dir.resolve("state.json"), json);
    CapacityScanner.Result r = new CapacityScanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(List.of(), r.problems());
    return r.table();
  }

  @Test
  void generatedVpcGivesExactNumbersPerSubnetAndNodeGroup() throws IOException {
    // six /24 over three AZs: 30 m5.large nodes at max are 10 per AZ, 5 per subnet
    CapacityTable t = table(generatedVpc(6, 24, "m5.large", 6, 30, null));
    assertEquals(6, t.subnets().size());
    SubnetRow s = t.subnets().get(0);
    assertEquals("10.0.0.0/24", s.cidr());
    assertEquals(251, s.usable());
    assertEquals(14, s.freePrefixBlocks());
    assertEquals(5 * 30, s.demandAtMax());
    assertEquals(30, s.demandAtDesired(), "6 nodes: 2 per AZ, 1 per subnet");
    assertEquals(60, s.utilizationPercent());
    assertEquals(5 * 113, s.prefixDelegationDemandAtMax());
    assertEquals(5, s.customNetworkingDemandAtMax());
    NodeGroupRow g = t.nodeGroups().get(0);
    assertEquals(29, g.current().maxPods());
    assertEquals(30, g.current().ipsPerNode());
    assertEquals(900, g.current().demandAtMax());
    assertEquals(6 * 251, g.subnetUsable());
    assertEquals("ok", g.status(80));
    assertEquals(110, g.prefixDelegation().maxPods());
    assertEquals(20, g.customNetworking().maxPods());
    assertEquals(30, g.customNetworking().demandAtMax());
  }

  @Test
  void prefixDelegationFromTheAddonChangesTheCurrentMode() throws IOException {
    CapacityTable t =
        table(generatedVpc(3, 22, "c6i.xlarge", 3, 9, "{\"ENABLE_PREFIX_DELEGATION\": \"true\"}"));
    NodeGroupRow g = t.nodeGroups().get(0);
    assertTrue(g.current().name().startsWith("/28 prefixes"), g.current().name());
    assertEquals(110, g.current().maxPods());
    assertEquals(3 * g.current().ipsPerNode(), t.subnets().get(0).demandAtMax());
    assertEquals("aws_eks_addon.cni", g.cniSource());
  }

  @Test
  void overfullSubnetsAreOverInEveryFormat() throws IOException {
    CapacityTable t = table(generatedVpc(3, 26, "m5.xlarge", 3, 12, null));
    NodeGroupRow g = t.nodeGroups().get(0);
    assertEquals("over", g.status(80));
    String text = CapacityReport.render(t, CapacityReport.Format.TEXT);
    assertTrue(text.contains("aws_subnet.nodes[0]  10.0.0.0/26"), text);
    assertTrue(text.contains(" over "), text);
    String md = CapacityReport.render(t, CapacityReport.Format.MARKDOWN);
    assertTrue(md.contains("| `aws_subnet.nodes[2]` | 10.0.0.128/26 | eu-west-1c | 59 |"), md);
    JsonNode json =
        new ObjectMapper().readTree(CapacityReport.render(t, CapacityReport.Format.JSON));
    assertEquals(3, json.path("subnets").size());
    assertEquals("over", json.path("nodeGroups").get(0).path("status").asText());
    assertEquals(240, json.path("subnets").get(0).path("demandAtMax").asLong(), "4 nodes x 60");
    String html = CapacityReport.render(t, CapacityReport.Format.HTML);
    assertTrue(html.contains("<div class=\"used\" style=\"width:100%\">"), html);
    assertTrue(html.contains("<tr class=\"over\">"), html);
    assertFalse(html.toLowerCase().contains("<script"), "no JavaScript");
    assertEquals(3, html.split("class=\"bar\"", -1).length - 1, "a bar per subnet");
  }

  private static CapacityTable fixture(String name) {
    Path d = Path.of("fixtures", name);
    CapacityScanner.Result r = new CapacityScanner().scan(ScanRequest.of(d, List.of(d)));
    assertEquals(List.of(), r.problems());
    return r.table();
  }

  @Test
  void customNetworkingPodSubnetsSumTheNodeGroupsThatSelectThem() {
    // two node groups of m5.large (20 pod-subnet addresses a full node) over eu-west-1a and b,
    // at max sizes 8 and 6: 4 + 3 nodes in each zone select the ENIConfig named after it
    CapacityTable t = fixture("EKS-IP-016/positive-node-groups-share-pod-subnet");
    assertEquals(2, t.podSubnets().size());
    PodSubnetRow a = t.podSubnets().get(0);
    assertEquals("aws_subnet.pods_a", a.address());
    assertEquals(List.of("eu-west-1a"), a.eniConfigs());
    assertEquals(123, a.usable());
    assertEquals(140, a.demandAtMax(), "(4 + 3) x 20");
    assertEquals(2 * 20, a.demandAtDesired(), "desired 2 each: one node of each group per zone");
    assertEquals(114, a.utilizationPercent());
    assertEquals(8187, t.podSubnets().get(1).usable());
    for (NodeGroupRow g : t.nodeGroups()) {
      assertEquals(1, g.current().ipsPerNode(), "one node-subnet address a node");
      assertEquals(114, g.podSubnetPercent());
      assertEquals("over", g.status(80), "the pod subnet decides");
    }
    SubnetRow nodesA = t.subnets().get(0);
    assertEquals("aws_subnet.nodes_a", nodesA.address());
    assertEquals(7, nodesA.demandAtMax(), "no pod address counted in the node subnet");
    String text = CapacityReport.render(t, CapacityReport.Format.TEXT);
    assertTrue(text.contains("Pod subnets (custom networking)"), text);
    assertTrue(
        text.contains(
            "aws_eks_node_group.workers (eu-west-1a): 4 x 20, aws_eks_node_group.batch (eu-west-1a): 3 x 20"),
        text);
    assertTrue(
        CapacityReport.render(t, CapacityReport.Format.MARKDOWN)
            .contains("| `aws_subnet.pods_a` | 100.64.0.0/25 | eu-west-1a | eu-west-1a | 123 |"));
    String html = CapacityReport.render(t, CapacityReport.Format.HTML);
    assertEquals(
        t.subnets().size() + 2, html.split("class=\"bar\"", -1).length - 1, "a bar per subnet");
  }

  @Test
  void podSubnetsInJsonAndCustomNetworkingFromTheAwsNodeDaemonSet() throws IOException {
    // custom networking is on only in the aws-node DaemonSet: the report reads it as a scan does
    CapacityTable t = fixture("EKS-IP-016/positive-daemonset-label-selection");
    NodeGroupRow g = t.nodeGroups().get(0);
    assertTrue(g.current().name().endsWith("custom networking"), g.current().name());
    assertEquals("DaemonSet kube-system/aws-node", g.cniSource());
    JsonNode json =
        new ObjectMapper().readTree(CapacityReport.render(t, CapacityReport.Format.JSON));
    JsonNode pods = json.path("podSubnets");
    assertEquals(1, pods.size(), "only pods-a is selected");
    assertEquals("pods-a", pods.get(0).path("eniConfigs").get(0).asText());
    assertEquals(80, pods.get(0).path("demandAtMax").asLong(), "2 groups x 2 nodes x 20");
    assertEquals(136, json.path("nodeGroups").get(0).path("podSubnetPercent").asInt());
  }

  @Test
  void withoutCustomNetworkingThereAreNoPodSubnets() {
    CapacityTable t = fixture("EKS-IP-016/negative-without-custom-networking");
    assertEquals(List.of(), t.podSubnets());
    assertEquals(-1, t.nodeGroups().get(0).podSubnetPercent());
  }

  @Test
  void htmlEscapesAddresses() {
    assertEquals("aws_subnet.x[&quot;a&lt;b&quot;]", CapacityReport.esc("aws_subnet.x[\"a<b\"]"));
  }

  @Test
  void corpusPlansGiveARowPerSubnetWithoutProblems() throws IOException {
    Path corpus = SharedData.require("corpus/terraform");
    CapacityScanner.Result r = new CapacityScanner().scan(ScanRequest.of(corpus, List.of(corpus)));
    assertEquals(List.of(), r.problems());
    CapacityTable t = r.table();
    assertTrue(t.subnets().size() >= 20, "subnets: " + t.subnets().size());
    assertTrue(
        t.subnets().stream().allMatch(s -> s.usable() > 0 && s.demandAtMax() == 0),
        "no node group in the corpus has subnets in the scan");
    assertEquals(1, t.nodeGroups().size());
    NodeGroupRow g = t.nodeGroups().get(0);
    assertEquals(List.of("t3.medium"), g.instanceTypes(), "the provider default");
    assertEquals("unknown", g.status(80));
    for (CapacityReport.Format f : CapacityReport.Format.values()) {
      assertFalse(CapacityReport.render(t, f).isBlank());
    }
  }
}
