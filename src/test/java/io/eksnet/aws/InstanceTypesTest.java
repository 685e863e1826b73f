package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTypesTest {

  private final InstanceTypes table = InstanceTypes.builtIn();

  @Test
  void builtInTableHasEveryVpcCniType() {
    assertEquals(1391, table.size());
    InstanceType m5 = table.find("m5.large").orElseThrow();
    assertEquals(
        new InstanceType("m5.large", 3, 10, Hypervisor.NITRO, false, 1, 3, true, 9, 2, 8192), m5);
    assertFalse(table.find("m5.huge").isPresent());
  }

  @Test
  void multiCardTypesCountOnlyTheDefaultCardsEnis() {
    InstanceType p5 = table.find("p5.48xlarge").orElseThrow();
    assertEquals(2, p5.maxEnis());
    assertEquals(64, p5.allCardsMaxEnis());
    assertEquals(32, p5.networkCards());
  }

  @Test
  void bareMetalHasNoReportedHypervisorButAllowsPrefixDelegation() {
    InstanceType metal = table.find("m5.metal").orElseThrow();
    assertEquals(Hypervisor.UNKNOWN, metal.hypervisor());
    assertTrue(metal.bareMetal());
    assertTrue(metal.prefixDelegationSupported());
    assertFalse(table.find("t2.micro").orElseThrow().prefixDelegationSupported());
  }

  @Test
  void unknownColumnsAreNull() {
    InstanceType c5a = table.find("c5a.metal").orElseThrow();
    assertNull(c5a.vcpus());
    assertNull(c5a.trunkingCompatible());
    assertNull(c5a.branchInterfaces());
  }

  @Test
  void overridesReplaceKnownFieldsAndKeepBuiltInOnesTheyLack() {
    InstanceType override =
        new InstanceType("m5.large", 4, 10, Hypervisor.NITRO, false, 1, 4, null, null, 2);
    InstanceType added =
        new InstanceType("zz9.large", 3, 12, Hypervisor.NITRO, false, 1, 3, null, null, 2);
    InstanceTypes merged = table.withOverrides(List.of(override, added));
    InstanceType m5 = merged.find("m5.large").orElseThrow();
    assertEquals(4, m5.maxEnis());
    assertEquals(Boolean.TRUE, m5.trunkingCompatible());
    assertEquals(9, m5.branchInterfaces());
    assertEquals(added, merged.find("zz9.large").orElseThrow());
    assertEquals(1392, merged.size());
    assertEquals(3, table.find("m5.large").orElseThrow().maxEnis(), "the original is unchanged");
  }

  @Test
  void tableTextRoundTrips() {
    List<InstanceType> all = table.all();
    String text = InstanceTable.format(List.of("comment"), all);
    assertEquals(all, InstanceTable.parse(text));
  }
}
