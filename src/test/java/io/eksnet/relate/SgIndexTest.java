package io.eksnet.relate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eksnet.model.SgRule;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.net.Cidr;
import io.eksnet.relate.SgIndex.Source;
import io.eksnet.relate.SgIndex.Verdict;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import io.eksnet.source.TerraformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SgIndexTest {

  @TempDir Path dir;

  private SgIndex index(String... resources) throws IOException {
    Path f = dir.resolve("s.json");
    Files.writeString(
        f,
        "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": ["
            + String.join(",", resources)
            + "]}}}");
    Loader.Loaded l = new Loader().load(new SourceFile(f, "s.json"));
    List<Object> facts = new ArrayList<>();
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts("s.json", (Tree.TMap) t, new ArrayList<>()));
    }
    return new SgIndex(facts);
  }

  private static String res(String address, String values) {
    String type = address.substring(0, address.indexOf('.'));
    String name = address.substring(address.indexOf('.') + 1);
    return "{\"address\": \""
        + address
        + "\", \"mode\": \"managed\", \"type\": \""
        + type
        + "\", \"name\": \""
        + name
        + "\", \"values\": "
        + values
        + "}";
  }

  private static String group(String name, String id, String ingress) {
    return res(
        "aws_security_group." + name,
        "{\"id\": \""
            + id
            + "\", \"name\": \""
            + name
            + "\", \"vpc_id\": "
            + "\"vpc-1\", \"ingress\": ["
            + ingress
            + "], \"egress\": []}");
  }

  private static String rule(String proto, int from, int to, String cidrs, String groups) {
    return "{\"protocol\": \""
        + proto
        + "\", \"from_port\": "
        + from
        + ", \"to_port\": "
        + to
        + ", \"cidr_blocks\": ["
        + cidrs
        + "], \"security_groups\": ["
        + groups
        + "], \"self\": false}";
  }

  private static Source groups(SgIndex i, String... ids) {
    List<String> keys = new ArrayList<>();
    for (String id : ids) {
      keys.add(i.keyOfId(id));
    }
    return new Source(Set.copyOf(keys), true, List.of());
  }

  @Test
  void aRuleFromTheSourceGroupOnThePortAdmits() throws IOException {
    SgIndex i =
        index(
            group("db", "sg-0db", rule("tcp", 5432, 5432, "", "\"sg-0node\"")),
            group("node", "sg-0node", ""));
    assertEquals(Verdict.YES, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0node"), 5432, 5432));
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0node"), 3306, 3306));
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0other"), 5432, 5432));
  }

  @Test
  void aRangeNeedsEveryPortCoveredElseTheAnswerIsUnknown() throws IOException {
    SgIndex i = index(group("node", "sg-0node", rule("tcp", 30000, 31000, "", "\"sg-0alb\"")));
    assertEquals(
        Verdict.UNKNOWN, i.admits(i.keyOfId("sg-0node"), groups(i, "sg-0alb"), 30000, 32767));
    assertEquals(Verdict.YES, i.admits(i.keyOfId("sg-0node"), groups(i, "sg-0alb"), 30080, 30080));
  }

  @Test
  void standaloneRulesJoinTheirGroupByIdAndAllProtocolsCoverEveryPort() throws IOException {
    SgIndex i =
        index(
            group("node", "sg-0node", ""),
            res(
                "aws_vpc_security_group_ingress_rule.r",
                "{\"security_group_id\": \"sg-0node\", "
                    + "\"referenced_security_group_id\": \"sg-0alb\", \"ip_protocol\": \"-1\"}"));
    assertEquals(Verdict.YES, i.admits(i.keyOfId("sg-0node"), groups(i, "sg-0alb"), 8080, 8080));
  }

  @Test
  void cidrsMustCoverAllSourceRangesAndPartialCoverIsUnknown() throws IOException {
    SgIndex i = index(group("db", "sg-0db", rule("tcp", 5432, 5432, "\"10.0.0.0/16\"", "")));
    String db = i.keyOfId("sg-0db");
    assertEquals(
        Verdict.YES,
        i.admits(db, new Source(Set.of(), true, List.of(Cidr.parse("10.0.1.0/24"))), 5432, 5432));
    assertEquals(
        Verdict.NO,
        i.admits(db, new Source(Set.of(), true, List.of(Cidr.parse("100.64.0.0/19"))), 5432, 5432));
    assertEquals(
        Verdict.UNKNOWN,
        i.admits(
            db,
            new Source(
                Set.of(), true, List.of(Cidr.parse("10.0.1.0/24"), Cidr.parse("100.64.0.0/19"))),
            5432,
            5432));
    assertEquals(Verdict.UNKNOWN, i.admits(db, new Source(Set.of(), true, List.of()), 5432, 5432));
  }

  @Test
  void unknownSourceGroupsMakeGroupRulesInconclusive() throws IOException {
    SgIndex i = index(group("db", "sg-0db", rule("tcp", 5432, 5432, "", "\"sg-0elsewhere\"")));
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0node"), 5432, 5432));
    assertEquals(
        Verdict.UNKNOWN,
        i.admits(i.keyOfId("sg-0db"), new Source(Set.of(), false, List.of()), 5432, 5432));
  }

  @Test
  void groupsOutsideTheScanAreUnknownAndTheClusterGroupAdmitsItself() throws IOException {
    SgIndex i =
        index(
            group("db", "sg-0db", ""),
            res(
                "aws_eks_cluster.c",
                "{\"name\": \"c\", \"vpc_config\": [{\"cluster_security_group_id\": \"sg-0cl\"}]}"));
    assertEquals(Verdict.UNKNOWN, i.admits(i.keyOfId("sg-0missing"), groups(i, "sg-0db"), 80, 80));
    assertEquals(Verdict.YES, i.admits(i.keyOfId("sg-0cl"), groups(i, "sg-0cl"), 80, 80));
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0cl"), groups(i, "sg-0db"), 80, 80));
    assertEquals("sg-0cl (the EKS cluster security group)", i.describe(i.keyOfId("sg-0cl")));
  }

  @Test
  void aRuleOfAGroupTheScanCannotNameMakesItsFileUncertain() throws IOException {
    SgIndex i =
        index(
            group("db", "sg-0db", ""),
            res(
                "aws_security_group_rule.r",
                "{\"type\": \"ingress\", \"protocol\": \"tcp\", \"from_port\": 1, "
                    + "\"to_port\": 2, \"cidr_blocks\": [], \"security_group_id\": null}"));
    assertEquals(Verdict.UNKNOWN, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0node"), 5432, 5432));
  }

  @Test
  void aGroupReadThroughADataSourceHasUnknownRules() throws IOException {
    SgIndex i =
        index(
            "{\"address\": \"data.aws_security_group.db\", \"mode\": \"data\", \"type\": "
                + "\"aws_security_group\", \"name\": \"db\", \"values\": {\"id\": \"sg-0db\", \"vpc_id\": \"vpc-1\"}}");
    assertEquals(Verdict.UNKNOWN, i.admits(i.keyOfId("sg-0db"), groups(i, "sg-0node"), 5432, 5432));
  }

  @Test
  void portCoverageArithmetic() {
    SgRule tcp =
        new SgRule(true, "tcp", 80, 90, List.of(), List.of(), List.of(), TfRefs.NONE, false, null);
    assertEquals("ALL", SgIndex.cover(tcp, 80, 90).name());
    assertEquals("SOME", SgIndex.cover(tcp, 85, 100).name());
    assertEquals("NONE", SgIndex.cover(tcp, 91, 100).name());
    SgRule udp =
        new SgRule(
            true, "udp", 0, 65535, List.of(), List.of(), List.of(), TfRefs.NONE, false, null);
    assertEquals("NONE", SgIndex.cover(udp, 53, 53).name());
    SgRule six =
        new SgRule(true, "6", 0, 65535, List.of(), List.of(), List.of(), TfRefs.NONE, false, null);
    assertEquals("ALL", SgIndex.cover(six, 53, 53).name());
  }

  @Test
  void cidrMatchIsNumericNotTextual() {
    assertEquals(
        SgIndex.Match.YES,
        SgIndex.matchCidrs(
            List.of("0.0.0.0/1", "128.0.0.0/1"), List.of(Cidr.parse("100.64.0.0/16"))));
    assertEquals(
        SgIndex.Match.YES,
        SgIndex.matchCidrs(List.of("10.0.1.5/16"), List.of(Cidr.parse("10.0.4.0/24"))));
    assertEquals(
        SgIndex.Match.MAYBE,
        SgIndex.matchCidrs(List.of("not-a-cidr"), List.of(Cidr.parse("10.0.4.0/24"))));
    assertEquals(
        SgIndex.Match.NO, SgIndex.matchCidrs(List.of("::/0"), List.of(Cidr.parse("10.0.4.0/24"))));
  }
}
