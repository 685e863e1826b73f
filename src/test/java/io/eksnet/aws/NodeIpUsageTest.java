package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked examples of DOMAIN.md 2.7, and the rows of the VPC CNI docs tables it derives from
 * (docs/eni-and-ip-target.md, docs/prefix-and-ip-target.md). Blank targets are written as 0.
 */
class NodeIpUsageTest {

  private static InstanceType type(String name) {
    return InstanceTypes.builtIn().find(name).orElseThrow();
  }

  private static int maxPods(InstanceType t, CniSettings cni) {
    return MaxPods.of(t, cni, MaxPodsCap.NONE).value();
  }

  @ParameterizedTest(name = "{0} W={1} w={2} m={3} pods={4}: {5} ENIs, {6} secondary IPs")
  @CsvSource({
    // instance, WARM_ENI, WARM_IP, MINIMUM_IP, pods, ENIs, secondary IPs
    "t3.small, 1, 0, 0, 0, 1, 3",
    "t3.small, 1, 0, 0, 5, 3, 9",
    "t3.small, 1, 0, 0, 9, 3, 9",
    "t3.small, 0, 1, 1, 0, 1, 1",
    "t3.small, 0, 1, 1, 5, 2, 6",
    "t3.small, 0, 1, 1, 9, 3, 9",
    "t3.small, 0, 2, 5, 0, 2, 5",
    "t3.small, 0, 2, 5, 5, 3, 7",
    "t3.small, 0, 2, 5, 9, 3, 9",
    "p3dn.24xlarge, 1, 0, 0, 0, 1, 49",
    "p3dn.24xlarge, 1, 0, 0, 3, 2, 98",
    "p3dn.24xlarge, 1, 0, 0, 95, 3, 147",
    "p3dn.24xlarge, 0, 5, 10, 0, 1, 10",
    "p3dn.24xlarge, 0, 5, 10, 7, 1, 12",
    "p3dn.24xlarge, 0, 5, 10, 15, 1, 20",
    "p3dn.24xlarge, 0, 5, 10, 45, 2, 50",
  })
  void secondaryIpModeMatchesTheEniAndIpTargetTable(
      String name, int warmEni, int warmIp, int minIp, int pods, int enis, int secondaries) {
    InstanceType t = type(name);
    CniSettings cni = CniSettings.eksDefaults().withWarmTargets(warmEni, warmIp, minIp, 1);
    NodeIpUsage u = NodeIpUsage.of(t, cni, maxPods(t, cni), pods);
    assertEquals(enis, u.enis());
    assertEquals(secondaries, u.secondaryIps());
    assertEquals(secondaries + enis, u.nodeSubnetIps(), "one primary address per ENI");
    assertEquals(0, u.podSubnetIps());
  }

  @ParameterizedTest(name = "t3.small P={0} w={1} m={2} pods={3}: {4} ENIs, {5} prefixes")
  @CsvSource({
    // WARM_PREFIX, WARM_IP, MINIMUM_IP, pods, ENIs, prefixes
    "1, 0, 0, 0, 1, 1",
    "1, 0, 0, 5, 1, 2",
    "1, 0, 0, 16, 1, 2",
    "1, 0, 0, 17, 1, 3",
    "1, 0, 0, 58, 2, 5",
    "0, 1, 1, 0, 1, 1",
    "0, 1, 1, 5, 1, 1",
    "0, 1, 1, 17, 1, 2",
    "0, 1, 1, 58, 2, 4",
    // MINIMUM_IP_TARGET=20 behaves like 32, i.e. 2 prefixes (the doc's rounding rule).
    "0, 7, 20, 0, 1, 2",
    "0, 7, 20, 5, 1, 2",
    "0, 7, 20, 17, 1, 2",
    "0, 7, 20, 58, 2, 5",
  })
  void prefixModeMatchesThePrefixAndIpTargetTable(
      int warmPrefix, int warmIp, int minIp, int pods, int enis, int prefixes) {
    InstanceType t = type("t3.small");
    CniSettings cni =
        CniSettings.eksDefaults()
            .withPrefixDelegation(true)
            .withWarmTargets(1, warmIp, minIp, warmPrefix);
    NodeIpUsage u = NodeIpUsage.of(t, cni, maxPods(t, cni), pods);
    assertEquals(AddressingMode.PREFIX_DELEGATION, u.mode());
    assertEquals(enis, u.enis());
    assertEquals(prefixes, u.prefixes());
    assertEquals(16 * prefixes + enis, u.nodeSubnetIps());
  }

  @Test
  void idleM5LargeHoldsTwoFullEnis() {
    InstanceType t = type("m5.large");
    NodeIpUsage u = NodeIpUsage.of(t, CniSettings.eksDefaults(), 29, 1);
    assertEquals(2, u.enis());
    assertEquals(20, u.totalIps());
    assertEquals(
        30, NodeIpUsage.of(type("m5.xlarge"), CniSettings.eksDefaults(), 58, 1).totalIps());
  }

  @Test
  void fullNodeHoldsEveryEniItCanAttach() {
    InstanceType t = type("m5.large");
    NodeIpUsage u = NodeIpUsage.atMaxPods(t, CniSettings.eksDefaults(), 29);
    assertEquals(27, u.pods());
    assertEquals(3, u.enis());
    assertEquals(30, u.totalIps());
  }

  @Test
  void poolStopsGrowingAtMaxPods() {
    // m5.4xlarge: 8 ENIs x 29 secondaries; capped at 110 pods, ipamd stops at 4 ENIs (116 IPs)
    // instead of keeping a fifth warm ENI.
    InstanceType t = type("m5.4xlarge");
    NodeIpUsage u = NodeIpUsage.atMaxPods(t, CniSettings.eksDefaults(), 110);
    assertEquals(108, u.pods());
    assertEquals(4, u.enis());
    assertEquals(4 * 30, u.totalIps());
    // Prefix mode: 110 pods need 7 prefixes (112 IPs); WARM_PREFIX_TARGET=1 adds none beyond.
    NodeIpUsage pd =
        NodeIpUsage.atMaxPods(t, CniSettings.eksDefaults().withPrefixDelegation(true), 110);
    assertEquals(7, pd.prefixes());
    assertEquals(1, pd.enis());
    assertEquals(7 * 16 + 1, pd.totalIps());
  }

  @Test
  void customNetworkingSplitsNodeAndPodSubnets() {
    InstanceType t = type("m5.large");
    CniSettings cni = CniSettings.eksDefaults().withCustomNetworking(true);
    NodeIpUsage idle = NodeIpUsage.of(t, cni, 20, 0);
    assertEquals(1, idle.nodeSubnetIps());
    assertEquals(10, idle.podSubnetIps(), "one warm ENI in the pod subnet");
    assertEquals(2, idle.enis());
    NodeIpUsage full = NodeIpUsage.atMaxPods(t, cni, 20);
    assertEquals(18, full.pods());
    assertEquals(3, full.enis());
    assertEquals(1, full.nodeSubnetIps());
    assertEquals(20, full.podSubnetIps());
  }

  @Test
  void maxEniLimitsTheEnisAndThePodsTheyHold() {
    InstanceType t = type("m5.large");
    CniSettings cni = CniSettings.eksDefaults().withMaxEni(2);
    NodeIpUsage u = NodeIpUsage.of(t, cni, 29, 27);
    assertEquals(2, u.enis());
    assertEquals(18, u.pods(), "pods beyond two ENIs' addresses cannot be counted");
    assertEquals(20, u.totalIps());
  }

  @Test
  void prefixDelegationOnXenKeepsSecondaryIps() {
    InstanceType t = type("t2.micro");
    NodeIpUsage u = NodeIpUsage.of(t, CniSettings.eksDefaults().withPrefixDelegation(true), 4, 1);
    assertEquals(AddressingMode.SECONDARY_IP, u.mode());
    assertEquals(4, u.totalIps());
  }
}
