package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Karpenter NodePools with a Terraform state: the scan and {@code eksnet capacity}. */
class KarpenterCliTest {

  private final CliRun cli = new CliRun();

  private static final String CASE = "fixtures/EKS-IP-001/positive-karpenter-nodepool-limits";

  @Test
  void capacityListsTheNodePoolAtItsLimits() {
    assertEquals(0, cli.run("capacity", CASE), cli.err());
    String row =
        cli.out().lines().filter(l -> l.startsWith("NodePool/default")).findFirst().orElse("");
    // 100 m5.large nodes, 30 addresses each, in two subnets: 1,500 a subnet
    assertTrue(
        row.matches("NodePool/default\\s+m5\\.large\\s.*\\s0/100\\s+0\\s+3000\\s.*over.*"),
        cli.out());
    assertTrue(
        cli.out()
            .lines()
            .anyMatch(
                l -> l.startsWith("module.vpc.aws_subnet.private[0]") && l.contains(" 1500 ")),
        cli.out());
  }

  @Test
  void theScanReportsOnTheNodePoolsLimits() {
    assertEquals(1, cli.run("scan", "--enable", "EKS-IP-001", CASE), cli.err());
    assertTrue(
        cli.out()
            .contains(
                "karpenter.yaml:22:3: HIGH EKS-IP-001 Karpenter NodePool default at its limits (cpu"
                    + " 200: 100 nodes of m5.large, the smallest of the 2 types it allows)"),
        cli.out());
  }
}
