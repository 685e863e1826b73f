package io.eksnet.relate.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The size a pod subnet would need, as EKS-IP-016 and EKS-IP-017 advise it. */
class PodSubnetDemandTest {

  private static PodSubnetDemand demand(long atMax, long usable, int threshold) {
    return new PodSubnetDemand(null, List.of(), usable, 0, atMax, 0, atMax, List.of(), threshold);
  }

  @Test
  void theSmallestSubnetThatHoldsTheDemandWithinTheThreshold() {
    // 140 addresses: a /24 (251 usable) holds them at 56%; a /25 (123) does not
    PodSubnetDemand d = demand(140, 123, 80);
    assertEquals(114, d.getUtilizationPercent());
    assertEquals(24, d.getPrefixLengthWithinThreshold());
    assertEquals(
        "A /24 pod subnet (251 usable addresses) would hold it at 56%, within the 80% threshold.",
        d.describeSizeWithinThreshold());
    // exactly at the threshold is within it: 80% of a /28's 11 addresses is 8.8, so 8 fit
    assertEquals(28, demand(8, 11, 80).getPrefixLengthWithinThreshold());
    assertEquals(27, demand(9, 11, 80).getPrefixLengthWithinThreshold());
  }

  @Test
  void beyondASlash16TheAdviceIsMoreZones() {
    PodSubnetDemand d = demand(60_000, 59, 80);
    assertEquals(-1, d.getPrefixLengthWithinThreshold());
    assertTrue(d.describeSizeWithinThreshold().startsWith("Not even a /16"));
  }
}
