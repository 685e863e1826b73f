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

  private static final String PLAN = """
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
  void findingsOnRootModuleResourcesAlsoPointAtTheirTfBlock() throws IOException {
    Path infra = Files.createDirectories(dir.resolve("infra"));
    // both subnets in the root module: the later one is reported
    Files.writeString(infra.resolve("plan.json"), PLAN.replace("module.net.aws_subnet.private[0]", "aws_subnet.first")
        .replace("\"name\": \"private\", \"index\": 0", "\"name\": \"first\"")
        .replace("\"child_modules\": [{\"address\": \"module.net\", \"resources\": [", "\"child_modules\": [{\"address\": \"x\", \"resources\": ["));
    Files.writeString(infra.resolve("main.tf"), """
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
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)).withEnabled(Set.of("EKS-VPC-001")));
    assertEquals(List.of(), r.problems());
    assertTrue(r.files().contains("infra/main.tf"), r.files().toString());
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals("aws_subnet.first", f.location().object());
    assertEquals("infra/plan.json", f.location().file());
    assertEquals(List.of(
            new Location("infra/plan.json", 7, 7, "aws_subnet.extra", ""),
            new Location("infra/main.tf", 14, 3, "aws_subnet.first", "")),
        f.related());
  }

  @Test
  void localModuleResourcesPointAtTheModuleSources() throws IOException {
    Files.writeString(dir.resolve("plan.json"), PLAN);
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_subnet\" \"extra\" {}\nmodule \"net\" {}\n");
    Path mod = Files.createDirectories(dir.resolve("modules/net"));
    Files.writeString(mod.resolve("subnets.tf"), "\n\nresource aws_subnet private {\n}\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)).withEnabled(Set.of("EKS-VPC-001")));
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals("module.net.aws_subnet.private[0]", f.location().object());
    assertEquals(new Location("modules/net/subnets.tf", 3, 1, "aws_subnet.private", ""),
        f.related().get(f.related().size() - 1));
  }
}
