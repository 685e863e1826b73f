package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeInstanceTypesFileTest {

  private static DescribeInstanceTypesFile.Result sample() throws Exception {
    return DescribeInstanceTypesFile.read(
        Path.of(
            DescribeInstanceTypesFileTest.class
                .getResource("describe-instance-types-sample.json")
                .toURI()));
  }

  @Test
  void entriesBecomeInstanceTypesWithTheDefaultCardsEnis() throws Exception {
    List<InstanceType> types = sample().instanceTypes();
    assertEquals(3, types.size());
    assertEquals(
        new InstanceType("m5.large", 4, 10, Hypervisor.NITRO, false, 1, 4, null, null, 2),
        types.get(0));
    assertEquals(
        new InstanceType("zz7n.48xlarge", 2, 50, Hypervisor.NITRO, false, 32, 64, null, null, 192),
        types.get(1));
    assertEquals(
        new InstanceType("zz7n.metal", 15, 50, Hypervisor.UNKNOWN, true, 1, 15, null, null, 96),
        types.get(2));
    assertEquals(100, MaxPods.of(types.get(1)).value());
  }

  @Test
  void badEntriesAreReportedWithTheirLineAndLeftOut() throws Exception {
    assertEquals(
        List.of(
            new DescribeInstanceTypesFile.Problem(
                45,
                9,
                "zz7n.broken: NetworkInfo.MaximumNetworkInterfaces and Ipv4AddressesPerInterface"
                    + " are required"),
            new DescribeInstanceTypesFile.Problem(
                49,
                9,
                "zz7n.wrong: NetworkInfo.MaximumNetworkInterfaces must be an integer, found"
                    + " \"four\"")),
        sample().problems());
  }

  @Test
  void overridesFromTheFileKeepBuiltInTrunkingData() throws Exception {
    InstanceTypes merged = InstanceTypes.builtIn().withOverrides(sample().instanceTypes());
    InstanceType m5 = merged.find("m5.large").orElseThrow();
    assertEquals(4, m5.maxEnis());
    assertEquals(9, m5.branchInterfaces());
    assertEquals(38, MaxPods.of(m5).value());
    assertTrue(merged.find("zz7n.metal").isPresent());
  }

  @Test
  void aBareArrayIsAccepted() {
    DescribeInstanceTypesFile.Result r =
        DescribeInstanceTypesFile.parse(
            "[{\"InstanceType\":\"t3.nano\",\"Hypervisor\":\"nitro\",\"NetworkInfo\":"
                + "{\"MaximumNetworkInterfaces\":2,\"Ipv4AddressesPerInterface\":2}}]");
    assertEquals(List.of(), r.problems());
    assertEquals(4, MaxPods.of(r.instanceTypes().get(0)).value());
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() {
    DescribeInstanceTypesFile.Result r =
        DescribeInstanceTypesFile.parse("{\"InstanceTypes\": [\n  {\"InstanceType\": \"a\",,}\n]}");
    assertEquals(List.of(), r.instanceTypes());
    assertEquals(1, r.problems().size());
    assertEquals(2, r.problems().get(0).line());
    assertTrue(
        r.problems().get(0).message().startsWith("malformed JSON: "), r.problems().toString());
  }

  @Test
  void jsonOfAnotherShapeIsReported() {
    assertEquals(
        "1:1: no \"InstanceTypes\" array found",
        DescribeInstanceTypesFile.parse("{\"Reservations\": []}").problems().get(0).toString());
    assertEquals(1, DescribeInstanceTypesFile.parse("42").problems().size());
  }
}
