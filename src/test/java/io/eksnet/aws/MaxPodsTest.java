package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples of DOMAIN.md sections 1 and 2.1-2.4. */
class MaxPodsTest {

  private static final CniSettings DEFAULTS = CniSettings.eksDefaults();
  private static final CniSettings PD = DEFAULTS.withPrefixDelegation(true);
  private static final CniSettings CUSTOM = DEFAULTS.withCustomNetworking(true);

  private static InstanceType type(String name) {
    return InstanceTypes.builtIn().find(name).orElseThrow();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "t3.micro, 4",
    "t3.small, 11",
    "t3.medium, 17",
    "t2.micro, 4",
    "m5.large, 29",
    "m5.xlarge, 58",
    "m5.4xlarge, 234",
    "m5.24xlarge, 737",
    "m5.metal, 737",
    "p5.48xlarge, 100",
    "c6in.32xlarge, 394",
    "g6e.48xlarge, 492",
  })
  void secondaryIpModeUsesTheDefaultCardsEnis(String name, int expected) {
    MaxPods m = MaxPods.of(type(name));
    assertEquals(expected, m.value());
    assertEquals(expected, m.uncapped());
    assertEquals(AddressingMode.SECONDARY_IP, m.mode());
    assertFalse(m.isUncertain());
  }

  @Test
  void prefixDelegationMultipliesEachSlotBySixteenThenTheCapApplies() {
    MaxPods m = MaxPods.of(type("m5.large"), PD, MaxPodsCap.EKS_RECOMMENDED);
    assertEquals(AddressingMode.PREFIX_DELEGATION, m.mode());
    assertEquals(434, m.uncapped());
    assertEquals(110, m.value());
    assertTrue(m.isCapped());
    assertEquals(434, MaxPods.of(type("m5.large"), PD, MaxPodsCap.NONE).value());
  }

  @Test
  void customNetworkingLosesTheprimaryEni() {
    assertEquals(20, MaxPods.of(type("m5.large"), CUSTOM, MaxPodsCap.NONE).value());
    MaxPods pd =
        MaxPods.of(type("m5.large"), CUSTOM.withPrefixDelegation(true), MaxPodsCap.EKS_RECOMMENDED);
    assertEquals(290, pd.uncapped());
    assertEquals(110, pd.value());
    assertEquals(2, pd.enisForPods());
    // A single-ENI type has no ENI left for pods: only the two host-network pods fit.
    assertEquals(2, MaxPods.of(type("hpc6id.32xlarge"), CUSTOM, MaxPodsCap.NONE).value());
  }

  @Test
  void capIs110UpToThirtyVcpusAnd250Above() {
    assertEquals(110, MaxPods.of(type("m5.4xlarge"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
    assertEquals(234, MaxPods.of(type("m5.8xlarge"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
    assertEquals(
        250, MaxPods.of(type("m5.24xlarge"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
    assertEquals(29, MaxPods.of(type("m5.large"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
  }

  @Test
  void exactlyThirtyVcpusGetsTheSmallCapAsInTheCalculatorScript() {
    InstanceType thirty =
        new InstanceType("x.30", 8, 30, Hypervisor.NITRO, false, 1, 8, null, null, 30);
    InstanceType thirtyOne =
        new InstanceType("x.31", 8, 30, Hypervisor.NITRO, false, 1, 8, null, null, 31);
    assertEquals(110, MaxPods.of(thirty, DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
    assertEquals(234, MaxPods.of(thirtyOne, DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).value());
  }

  @Test
  void autoModeCapsEveryTypeAt110() {
    assertEquals(110, MaxPods.of(type("m5.24xlarge"), DEFAULTS, MaxPodsCap.AUTO_MODE).value());
    assertEquals(17, MaxPods.of(type("t3.medium"), DEFAULTS, MaxPodsCap.AUTO_MODE).value());
  }

  @Test
  void prefixDelegationFallsBackToSecondaryIpsOnXen() {
    MaxPods m = MaxPods.of(type("t2.micro"), PD, MaxPodsCap.EKS_RECOMMENDED);
    assertEquals(AddressingMode.SECONDARY_IP, m.mode());
    assertEquals(4, m.value());
  }

  @Test
  void bareMetalWithoutHypervisorGetsPrefixDelegationWithACaveat() {
    MaxPods m = MaxPods.of(type("m5.metal"), PD, MaxPodsCap.EKS_RECOMMENDED);
    assertEquals(AddressingMode.PREFIX_DELEGATION, m.mode());
    assertEquals(15 * 49 * 16 + 2, m.uncapped());
    assertEquals(250, m.value());
    assertTrue(m.isUncertain());
    assertTrue(m.caveats().get(0).contains("calculator uses the secondary-IP formula"));
  }

  @Test
  void unknownVcpusAssumeTheLargeCapWithACaveat() {
    MaxPods m = MaxPods.of(type("c5a.metal"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED);
    assertEquals(250, m.value());
    assertEquals(
        List.of(
            "the vCPU count of c5a.metal is unknown; assumed more than 30, so the cap is 250"
                + " rather than 110"),
        m.caveats());
    // Below 110 the cap decision does not matter, so there is no caveat.
    assertFalse(
        MaxPods.of(type("trn2.3xlarge"), DEFAULTS, MaxPodsCap.EKS_RECOMMENDED).isUncertain());
  }

  @Test
  void nodeGroupTakesTheSmallestTypesValue() {
    MaxPods m =
        MaxPods.forNodeGroup(
            List.of(type("m5.large"), type("t3.medium"), type("c5.large")),
            DEFAULTS,
            MaxPodsCap.EKS_RECOMMENDED);
    assertEquals("t3.medium", m.instanceType());
    assertEquals(17, m.value());
    assertThrows(
        IllegalArgumentException.class,
        () -> MaxPods.forNodeGroup(List.of(), DEFAULTS, MaxPodsCap.NONE));
  }
}
