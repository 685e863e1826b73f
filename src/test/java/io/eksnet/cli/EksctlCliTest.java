package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An eksctl ClusterConfig as a source of cluster facts: the scan and {@code eksnet capacity}. */
class EksctlCliTest {

  private final CliRun cli = new CliRun();

  private static final String SMALL = "fixtures/EKS-IP-001/positive-eksctl-small-subnets";
  private static final String UNKNOWN =
      "fixtures/EKS-IP-001/negative-eksctl-large-subnets-or-unknown";

  @Test
  void capacityWorksFromTheClusterConfig() {
    assertEquals(0, cli.run("capacity", SMALL), cli.err());
    assertTrue(
        cli.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("vpc.subnets.private.eu-west-1a")
                        && l.contains("10.0.0.0/26")
                        && l.contains("managedNodeGroups.workers")),
        cli.out());
    assertTrue(
        cli.out()
            .lines()
            .anyMatch(
                l -> l.matches("managedNodeGroups\\.workers\\s+m5\\.large\\s.*\\s2/8\\s.*over.*")),
        cli.out());
  }

  @Test
  void nodeGroupsWhoseTypesEksctlPicksAreLeftOut() {
    assertEquals(0, cli.run("capacity", UNKNOWN), cli.err());
    assertTrue(cli.out().contains("managedNodeGroups.workers"), cli.out());
    assertFalse(cli.out().contains("managedNodeGroups.picked"), cli.out());
  }

  @Test
  void findingsPointAtTheNodeGroupInTheEksctlFile() {
    assertEquals(1, cli.run("scan", "--enable", "EKS-IP-001", SMALL), cli.err());
    assertTrue(
        cli.out()
            .contains(
                "cluster.yaml:19:5: HIGH EKS-IP-001 node group workers (managedNodeGroups.workers) at max_size 8"),
        cli.out());
  }
}
