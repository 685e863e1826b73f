package io.eksnet.relate.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrefixDelegationMemoryTest {

  @Test
  void reservationFollowsTheEksAmiFormulaPlusTheEvictionThreshold() {
    assertEquals(255 + 11 * 110 + 100, NodeGroupCapacity.reservedMib(110));
    assertEquals(255 + 11 * 17 + 100, NodeGroupCapacity.reservedMib(17));
  }

  @Test
  void twoGibNodeHoldsFewerSmallPodsWithPrefixDelegationThanWithItsEniCap() {
    // t3.small: 11 pods by its ENIs; 110 with prefix delegation leave 483 MiB
    assertEquals(11, NodeGroupCapacity.usablePods(2048, 11, 64));
    assertEquals(7, NodeGroupCapacity.usablePods(2048, 110, 64));
  }

  @Test
  void fourGibNodeGainsPodsWithPrefixDelegation() {
    // t3.medium: 17 pods by its ENIs; 110 leave 2531 MiB, room for 39 pods of 64 MiB
    assertEquals(17, NodeGroupCapacity.usablePods(4096, 17, 64));
    assertEquals(39, NodeGroupCapacity.usablePods(4096, 110, 64));
  }

  @Test
  void reservationAboveTheNodesMemoryLeavesNoPod() {
    assertEquals(0, NodeGroupCapacity.usablePods(1024, 110, 64));
  }
}
