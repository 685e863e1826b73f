package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.finding.Finding;
import io.eksnet.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform plans through the whole scanner, with the .tf sources beside them. */
class TerraformScanTest {

  @TempDir Path dir;

  private static final String PLAN =
      """
      {
        "format_version": "1.2",
        "planned_values": {"root_module": {
          "resources": [
            {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
             "values": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}},
            {"address": "aws_subnet.extra", "mode": "managed", "type": "aws_subnet", "name": "extra",
             "values": {"id": "subnet-x", "vpc_id": "vpc-1", "cidr_block": "10.0.1.0/24"}}
          ],
          "child_modules": [{"address": "module.net", "resources": [
            {"address": "module.net.aws_subnet.private[0]", "mode": "managed", "type": "aws_subnet",
             "name": "private", "index": 0,
             "values": {"id": "subnet-p", "vpc_id": "vpc-1", "cidr_block": "10.0.0.0/23"}}
          ]}]
        }},
        "configuration": {"root_module": {
          "resources": [
            {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main", "expressions": {}},
            {"address": "aws_subnet.extra", "mode": "managed", "type": "aws_subnet", "name": "extra", "expressions": {}}
          ],
          "module_calls": {"net": {"source": "./modules/net", "module": {"resources": [
            {"address": "aws_subnet.private", "mode": "managed", "type": "aws_subnet", "name": "private", "expressions": {}}
          ]}}}
        }}
      }
      """;

  @Test
  void findingsOnRootModuleResourcesArePlacedOnTheirTfBlock() throws IOException {
    Path infra = Files.createDirectories(dir.resolve("infra"));
    // both subnets in the root module: the later one is reported
    Files.writeString(
        infra.resolve("plan.json"),
        PLAN.replace("module.net.aws_subnet.private[0]", "aws_subnet.first")
            .replace("\"name\": \"private\", \"index\": 0", "\"name\": \"first\"")
            .replace(
                "\"child_modules\": [{\"address\": \"module.net\", \"resources\": [",
                "\"child_modules\": [{\"address\": \"x\", \"resources\": ["));
    Files.writeString(
        infra.resolve("main.tf"),
        """
        # the VPC
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }

        /* resource "aws_subnet" "first" { commented out
        } */
        locals {
          script = <<-EOT
            resource "aws_subnet" "first" {
          EOT
        }

          resource "aws_subnet" "first" {
          vpc_id     = aws_vpc.main.id
        }
        resource "aws_subnet" "extra" {}
        """);
    ScanResult r =
        new Scanner().scan(ScanRequest.of(dir, List.of(dir)).withEnabled(Set.of("EKS-VPC-001")));
    assertEquals(List.of(), r.problems());
    assertTrue(r.files().contains("infra/main.tf"), r.files().toString());
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    // on the block people edit, with the plan's resource first among the related locations
    assertEquals(new Location("infra/main.tf", 14, 3, "aws_subnet.first", ""), f.location());
    assertEquals(2, f.related().size(), f.related().toString());
    assertEquals("infra/plan.json", f.related().get(0).file());
    assertEquals("aws_subnet.first", f.related().get(0).object());
    assertEquals(new Location("infra/plan.json", 7, 7, "aws_subnet.extra", ""), f.related().get(1));
  }

  @Test
  void localModuleResourcesPointAtTheModuleSources() throws IOException {
    Files.writeString(dir.resolve("plan.json"), PLAN);
    Files.writeString(
        dir.resolve("main.tf"), "resource \"aws_subnet\" \"extra\" {}\nmodule \"net\" {}\n");
    Path mod = Files.createDirectories(dir.resolve("modules/net"));
    Files.writeString(mod.resolve("subnets.tf"), "\n\nresource aws_subnet private {\n}\n");
    ScanResult r =
        new Scanner().scan(ScanRequest.of(dir, List.of(dir)).withEnabled(Set.of("EKS-VPC-001")));
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    // placed on the module's block; the logical location stays the resource's full address
    assertEquals(
        new Location("modules/net/subnets.tf", 3, 1, "module.net.aws_subnet.private[0]", ""),
        f.location());
    assertEquals("plan.json", f.related().get(0).file());
    assertEquals("module.net.aws_subnet.private[0]", f.related().get(0).object());
  }

  @Test
  void aNamedTfFileWithTheTreeAsContextGetsTheFindingsOnItsBlocks() throws IOException {
    Files.writeString(dir.resolve("plan.json"), PLAN);
    Path main =
        Files.writeString(
            dir.resolve("main.tf"), "resource \"aws_subnet\" \"extra\" {}\nmodule \"net\" {}\n");
    Path mod = Files.createDirectories(dir.resolve("modules/net"));
    Path subnets =
        Files.writeString(mod.resolve("subnets.tf"), "\n\nresource aws_subnet private {\n}\n");
    ScanRequest req =
        ScanRequest.of(dir, List.of(subnets))
            .withEnabled(Set.of("EKS-VPC-001"))
            .withContext(List.of(dir));
    ScanResult r = new Scanner().scan(req);
    assertEquals(List.of(), r.problems());
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals("modules/net/subnets.tf", r.findings().get(0).location().file());
    // the other .tf file has no block with a finding: nothing to report for it
    ScanResult other =
        new Scanner()
            .scan(
                ScanRequest.of(dir, List.of(main))
                    .withEnabled(Set.of("EKS-VPC-001"))
                    .withContext(List.of(dir)));
    assertEquals(List.of(), other.findings());
  }

  private static String modulesPlan() throws IOException {
    try (var in =
        TerraformScanTest.class.getResourceAsStream("/io/eksnet/terraform/eks-modules-plan.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private List<Finding> scanPlan(String json) throws IOException {
    Files.writeString(dir.resolve("plan.json"), json);
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(List.of(), r.problems());
    return r.findings();
  }

  /** A plan shaped like terraform-aws-modules/vpc and /eks: node group subnets via two modules. */
  @Test
  void soundModulePlanGivesNoFinding() throws IOException {
    assertEquals(List.of(), scanPlan(modulesPlan()));
  }

  @Test
  void modulePlanWithSmallSubnetsAndNoNatRouteIsReported() throws IOException {
    String plan =
        modulesPlan()
            .replace("\"10.0.0.0/20\"", "\"10.0.0.0/24\"")
            .replace("\"10.0.16.0/20\"", "\"10.0.16.0/24\"")
            .replace("\"10.0.32.0/20\"", "\"10.0.32.0/24\"");
    // the private route table loses its NAT route
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(plan);
    String nat = "module.vpc.aws_route.private_nat_gateway[0]";
    for (var m : root.path("planned_values").path("root_module").path("child_modules")) {
      var rs = (com.fasterxml.jackson.databind.node.ArrayNode) m.path("resources");
      for (int i = rs.size() - 1; i >= 0; i--) {
        if (rs.get(i).path("address").asText().equals(nat)) {
          rs.remove(i);
        }
      }
    }
    var changes = (com.fasterxml.jackson.databind.node.ArrayNode) root.path("resource_changes");
    for (int i = changes.size() - 1; i >= 0; i--) {
      if (changes.get(i).path("address").asText().equals(nat)) {
        changes.remove(i);
      }
    }
    plan = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    List<String> ids =
        scanPlan(plan).stream()
            .map(f -> f.ruleId() + " " + f.location().object())
            .sorted()
            .toList();
    String ng = "module.eks.module.eks_managed_node_group[\"default\"].aws_eks_node_group.this[0]";
    assertEquals(
        List.of(
            "EKS-IP-001 " + ng,
            "EKS-IP-003 " + ng,
            "EKS-IP-005 module.vpc.aws_subnet.private[0]",
            "EKS-IP-005 module.vpc.aws_subnet.private[1]",
            "EKS-IP-005 module.vpc.aws_subnet.private[2]",
            "EKS-VPC-004 module.vpc.aws_subnet.private[0]",
            "EKS-VPC-004 module.vpc.aws_subnet.private[1]",
            "EKS-VPC-004 module.vpc.aws_subnet.private[2]"),
        ids);
  }
}
