package io.eksnet.relate.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eksnet.aws.AddressingMode;
import io.eksnet.aws.CniSettings;
import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {

  private static List<InstanceType> types(String... names) {
    return Arrays.stream(names).map(n -> InstanceTypes.builtIn().find(n).orElseThrow()).toList();
  }

  private static final CniSettings DEFAULTS = CniSettings.eksDefaults();

  @Test
  void fullSecondaryIpNodeHoldsWholeEnis() {
    Capacity.PerNode m5 = Capacity.perNode(types("m5.large"), DEFAULTS, null);
    assertEquals(29, m5.maxPods());
    assertEquals(AddressingMode.SECONDARY_IP, m5.mode());
    assertEquals(30, m5.nodeSubnetIps(), "3 ENIs x 10 addresses");
    Capacity.PerNode t3 = Capacity.perNode(types("t3.medium"), DEFAULTS, null);
    assertEquals(17, t3.maxPods());
    assertEquals(18, t3.nodeSubnetIps(), "3 ENIs x 6 addresses");
  }

  @Test
  void prefixDelegationNodeHoldsWholePrefixesUpToTheCap() {
    Capacity.PerNode pd =
        Capacity.perNode(types("m5.large"), DEFAULTS.withPrefixDelegation(true), null);
    assertEquals(110, pd.maxPods(), "434 capped at 110 (2 vCPUs)");
    assertEquals(AddressingMode.PREFIX_DELEGATION, pd.mode());
    assertEquals(7, pd.prefixes(), "108 pods in 7 prefixes; growth stops at max pods");
    assertEquals(1, pd.enis());
    assertEquals(7 * 16 + 1, pd.nodeSubnetIps());
  }

  @Test
  void customNetworkingLeavesOneAddressInTheNodeSubnet() {
    Capacity.PerNode cn =
        Capacity.perNode(types("m5.large"), DEFAULTS.withCustomNetworking(true), null);
    assertEquals(20, cn.maxPods(), "2 ENIs x 9 + 2");
    assertEquals(1, cn.nodeSubnetIps());
    assertEquals(20, cn.podSubnetIps(), "2 pod ENIs x 10 addresses");
  }

  @Test
  void severalTypesTakeTheSmallestMaxPodsAndTheLargestFootprint() {
    Capacity.PerNode mixed = Capacity.perNode(types("m5.xlarge", "t3.medium"), DEFAULTS, null);
    assertEquals(17, mixed.maxPods());
    assertEquals("t3.medium", mixed.maxPodsDetail().instanceType());
    // an m5.xlarge with 15 pods: two ENIs of 15 addresses (growth stops at max pods, no warm ENI)
    assertEquals(30, mixed.nodeSubnetIps());
  }

  @Test
  void maxPodsFromTheLaunchTemplateBoundsTheFootprint() {
    Capacity.PerNode small = Capacity.perNode(types("m5.large"), DEFAULTS, 10);
    assertEquals(10, small.maxPods());
    assertEquals(20, small.nodeSubnetIps(), "8 pods on one ENI plus a warm ENI");
  }

  @Test
  void nodesSpreadOverAzsThenOverTheSubnetsOfAnAz() {
    assertEquals(List.of(3, 3, 3), Capacity.spread(7, List.of("a", "b", "c")));
    assertEquals(List.of(2, 2, 4), Capacity.spread(7, List.of("a", "a", "b")));
    assertEquals(
        List.of(1, 1), Capacity.spread(2, Arrays.asList(null, null)), "unknown AZs count apart");
    assertEquals(List.of(), Capacity.spread(5, List.of()));
    assertEquals(2, Capacity.azCount(List.of("a", "a", "b")));
  }

  @Test
  void utilisationRoundsUp() {
    assertEquals(84, Capacity.utilizationPercent(210, 251));
    assertEquals(0, Capacity.utilizationPercent(0, 0));
    assertEquals(Integer.MAX_VALUE, Capacity.utilizationPercent(1, 0));
    assertEquals(100, Capacity.utilizationPercent(251, 251));
    assertEquals(101, Capacity.utilizationPercent(252, 251));
  }
}
