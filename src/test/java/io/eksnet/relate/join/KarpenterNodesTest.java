package io.eksnet.relate.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.model.Ec2NodeClass;
import io.eksnet.model.KarpenterNodePool.Requirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instance types a NodePool's requirements allow, and selector terms against tags. */
class KarpenterNodesTest {

  private static List<String> names(List<InstanceType> types) {
    return types.stream().map(InstanceType::name).sorted().toList();
  }

  private static Requirement req(String key, String op, String... values) {
    return new Requirement(key, op, List.of(values));
  }

  @Test
  void namedTypesAreAllowedAndNarrowedByTheOtherRequirements() {
    assertEquals(
        List.of("m5.large", "m5.xlarge"),
        names(
            KarpenterNodes.allowed(
                List.of(
                    req("node.kubernetes.io/instance-type", "In", "m5.large", "m5.xlarge"),
                    req("karpenter.sh/capacity-type", "In", "spot")))));
    // a family with sizes and a CPU bound
    assertEquals(
        List.of("c5.large", "c5.xlarge"),
        names(
            KarpenterNodes.allowed(
                List.of(
                    req("karpenter.k8s.aws/instance-family", "In", "c5"),
                    req("karpenter.k8s.aws/instance-cpu", "Lt", "5")))));
    // architecture: Graviton families are arm64
    List<String> arm =
        names(
            KarpenterNodes.allowed(
                List.of(
                    req("karpenter.k8s.aws/instance-family", "In", "m5", "m6g"),
                    req("kubernetes.io/arch", "In", "arm64"))));
    assertFalse(arm.isEmpty());
    assertTrue(arm.stream().allMatch(n -> n.startsWith("m6g.")), arm.toString());
  }

  @Test
  void openEndedOrUnknownRequirementsAllowNoTypeToBeAssumed() {
    // categories and generations name no type
    assertNull(
        KarpenterNodes.allowed(
            List.of(
                req("karpenter.k8s.aws/instance-category", "In", "c", "m", "r"),
                req("karpenter.k8s.aws/instance-generation", "Gt", "2"))));
    // no requirement at all
    assertNull(KarpenterNodes.allowed(List.of()));
    // a property not read here narrows the set in a way that cannot be told
    assertNull(
        KarpenterNodes.allowed(
            List.of(
                req("karpenter.k8s.aws/instance-family", "In", "g5"),
                req("karpenter.k8s.aws/instance-gpu-count", "Gt", "1"))));
    // a type the table does not know
    assertNull(
        KarpenterNodes.allowed(List.of(req("node.kubernetes.io/instance-type", "In", "zz9.huge"))));
  }

  @Test
  void generationAndCategoryComeFromTheFamilyName() {
    InstanceType m5 = InstanceTypes.builtIn().find("m5.large").orElseThrow();
    assertEquals("m", KarpenterNodes.value("instance-category", m5));
    assertEquals("5", KarpenterNodes.value("instance-generation", m5));
    assertEquals("large", KarpenterNodes.value("instance-size", m5));
    assertEquals("nitro", KarpenterNodes.value("instance-hypervisor", m5));
    assertEquals("amd64", KarpenterNodes.value("arch", m5));
    InstanceType c6gn = InstanceTypes.builtIn().find("c6gn.large").orElseThrow();
    assertEquals("arm64", KarpenterNodes.value("arch", c6gn));
  }

  @Test
  void selectorTermsMatchTagsWithEc2Wildcards() {
    Map<String, String> tags =
        Map.of("Name", "demo-private-secondary-a", "karpenter.sh/discovery", "demo");
    assertTrue(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of("karpenter.sh/discovery", "demo"), null, null),
            "subnet-1",
            tags));
    assertTrue(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of("Name", "demo-private-secondary*"), null, null),
            "subnet-1",
            tags));
    assertTrue(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of("karpenter.sh/discovery", "*"), null, null),
            "subnet-1",
            tags));
    // every tag of a term must match
    assertFalse(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(
                Map.of("karpenter.sh/discovery", "demo", "environment", "test"), null, null),
            "subnet-1",
            tags));
    assertFalse(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of("Name", "demo-public*"), null, null),
            "subnet-1",
            tags));
    assertTrue(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of(), "subnet-1", null), "subnet-1", tags));
    assertFalse(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of(), "subnet-2", null), "subnet-1", tags));
    // a name-only term (security groups) selects no subnet
    assertFalse(
        KarpenterNodes.matches(
            new Ec2NodeClass.SelectorTerm(Map.of(), null, "nodes"), "subnet-1", tags));
  }
}
