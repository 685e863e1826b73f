package io.eksnet.relate.join;

import static io.eksnet.TerraformJson.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.SgRule;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.net.Cidr;
import io.eksnet.relate.join.SgIndex.Source;
import io.eksnet.relate.join.SgIndex.Verdict;
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

  /**
   * A plan creating the given resources: each is {@code address}, its planned values, its {@code
   * after_unknown} and its configuration expressions (JSON objects).
   */
  private SgIndex plan(String[]... resources) throws IOException {
    List<String> planned = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> config = new ArrayList<>();
    for (String[] r : resources) {
      String type = r[0].substring(0, r[0].indexOf('.'));
      String name = r[0].substring(r[0].indexOf('.') + 1);
      String head =
          "\"address\": \"" + r[0] + "\", \"type\": \"" + type + "\", \"name\": \"" + name + "\"";
      planned.add("{" + head + ", \"mode\": \"managed\", \"values\": " + r[1] + "}");
      changes.add(
          "{"
              + head
              + ", \"mode\": \"managed\", \"change\": {\"actions\": [\"create\"], \"after\": "
              + r[1]
              + ", \"after_unknown\": "
              + r[2]
              + "}}");
      config.add("{" + head + ", \"mode\": \"managed\", \"expressions\": " + r[3] + "}");
    }
    Path f = dir.resolve("p.json");
    Files.writeString(
        f,
        "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": ["
            + String.join(",", planned)
            + "]}}, \"resource_changes\": ["
            + String.join(",", changes)
            + "], \"configuration\": {\"root_module\": {\"resources\": ["
            + String.join(",", config)
            + "]}}}");
    Loader.Loaded l = new Loader().load(new SourceFile(f, "p.json"));
    List<Object> facts = new ArrayList<>();
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts("p.json", (Tree.TMap) t, new ArrayList<>()));
    }
    return new SgIndex(facts);
  }

  private static String group(String name, String id, String ingress) {
    return resource(
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
            resource(
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
            resource(
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
            resource(
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

  private static Source cidrs(String... blocks) {
    List<Cidr> out = new ArrayList<>();
    for (String b : blocks) {
      out.add(Cidr.parse(b));
    }
    return new Source(Set.of(), true, out);
  }

  private static String egressGroup(String name, String id, String egress) {
    return resource(
        "aws_security_group." + name,
        "{\"id\": \""
            + id
            + "\", \"name\": \""
            + name
            + "\", \"vpc_id\": \"vpc-1\", \"ingress\": [], \"egress\": ["
            + egress
            + "]}");
  }

  @Test
  void aGroupWithoutEgressRulesLetsNothingOut() throws IOException {
    SgIndex i =
        index(
            egressGroup("alb", "sg-0alb", ""),
            egressGroup("open", "sg-0open", rule("-1", 0, 0, "\"0.0.0.0/0\"", "")),
            egressGroup("web", "sg-0web", rule("tcp", 443, 443, "\"0.0.0.0/0\"", "")));
    Source nodes = cidrs("10.0.0.0/20");
    assertEquals(Verdict.NO, i.allowsOut(i.keyOfId("sg-0alb"), nodes, 8080, 8080));
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0open"), nodes, 8080, 8080));
    assertEquals(Verdict.NO, i.allowsOut(i.keyOfId("sg-0web"), nodes, 8080, 8080));
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0web"), nodes, 443, 443));
    // an interface's groups allow what any of them allows
    assertEquals(
        Verdict.YES,
        i.allowsOutAny(List.of(i.keyOfId("sg-0alb"), i.keyOfId("sg-0open")), nodes, 80, 80));
    // the ingress side of a group is not its egress side
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0open"), nodes, 8080, 8080));
  }

  @Test
  void egressRulesMatchTheDestinationGroupOrItsRanges() throws IOException {
    SgIndex i =
        index(
            egressGroup("node", "sg-0node", rule("tcp", 5432, 5432, "", "\"sg-0db\"")),
            egressGroup("pods", "sg-0pods", rule("tcp", 0, 65535, "\"10.0.64.0/22\"", "")),
            egressGroup("db", "sg-0db", ""),
            resource(
                "aws_vpc_security_group_egress_rule.lb",
                "{\"security_group_id\": \"sg-0lb\", \"referenced_security_group_id\": "
                    + "\"sg-0node\", \"ip_protocol\": \"tcp\", \"from_port\": 8080, \"to_port\": 8080}"),
            egressGroup("lb", "sg-0lb", ""));
    Source db = new Source(Set.of(i.keyOfId("sg-0db")), true, List.of(Cidr.parse("10.0.64.0/24")));
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0node"), db, 5432, 5432));
    assertEquals(Verdict.NO, i.allowsOut(i.keyOfId("sg-0node"), db, 3306, 3306));
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0pods"), db, 5432, 5432));
    assertEquals(
        Verdict.NO, i.allowsOut(i.keyOfId("sg-0pods"), cidrs("10.0.128.0/24"), 5432, 5432));
    Source nodes = new Source(Set.of(i.keyOfId("sg-0node")), true, List.of());
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0lb"), nodes, 8080, 8080));
    assertEquals(Verdict.NO, i.allowsOut(i.keyOfId("sg-0lb"), nodes, 9090, 9090));
    // a destination whose groups are not all known may be the one a rule names
    assertEquals(
        Verdict.UNKNOWN,
        i.allowsOut(i.keyOfId("sg-0lb"), new Source(Set.of(), false, List.of()), 8080, 8080));
  }

  @Test
  void theClusterGroupLetsEverythingOutAndGroupsOutsideTheScanAreUnknown() throws IOException {
    SgIndex i =
        index(
            resource(
                "aws_eks_cluster.c",
                "{\"name\": \"c\", \"vpc_config\": [{\"cluster_security_group_id\": \"sg-0cl\"}]}"),
            "{\"address\": \"data.aws_security_group.x\", \"mode\": \"data\", \"type\": "
                + "\"aws_security_group\", \"name\": \"x\", \"values\": {\"id\": \"sg-0x\", "
                + "\"egress\": []}}");
    Source db = cidrs("10.0.64.0/24");
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0cl"), db, 5432, 5432));
    assertEquals(Verdict.UNKNOWN, i.allowsOut(i.keyOfId("sg-0elsewhere"), db, 5432, 5432));
    assertEquals(Verdict.UNKNOWN, i.allowsOut(i.keyOfId("sg-0x"), db, 5432, 5432));
  }

  @Test
  void anEgressRuleOfAGroupTheScanCannotNameLeavesIngressAlone() throws IOException {
    SgIndex i =
        index(
            egressGroup("node", "sg-0node", ""),
            resource(
                "aws_security_group_rule.r",
                "{\"type\": \"egress\", \"protocol\": \"-1\", \"from_port\": 0, "
                    + "\"to_port\": 0, \"cidr_blocks\": [\"0.0.0.0/0\"], \"security_group_id\": null}"));
    Source db = cidrs("10.0.64.0/24");
    assertEquals(Verdict.UNKNOWN, i.allowsOut(i.keyOfId("sg-0node"), db, 5432, 5432));
    assertEquals(Verdict.NO, i.admits(i.keyOfId("sg-0node"), db, 5432, 5432));
  }

  @Test
  void aGroupWrittenWithoutItsRuleAttributesIsUnknown() throws IOException {
    SgIndex i =
        index(
            resource("aws_security_group.bare", "{\"id\": \"sg-0bare\", \"vpc_id\": \"vpc-1\"}"),
            resource(
                "aws_security_group.nulls",
                "{\"id\": \"sg-0null\", \"ingress\": null, \"egress\": null}"));
    Source any = cidrs("10.0.0.0/24");
    assertEquals(Verdict.UNKNOWN, i.allowsOut(i.keyOfId("sg-0bare"), any, 443, 443));
    assertEquals(Verdict.UNKNOWN, i.admits(i.keyOfId("sg-0bare"), any, 443, 443));
    assertEquals(Verdict.UNKNOWN, i.allowsOut(i.keyOfId("sg-0null"), any, 443, 443));
  }

  @Test
  void aDefaultGroupKeepsOnlyItsConfiguredRules() throws IOException {
    SgIndex i =
        index(
            resource(
                "aws_default_security_group.d",
                "{\"id\": \"sg-0d\", \"vpc_id\": \"vpc-1\", \"ingress\": [], \"egress\": []}"));
    assertEquals(Verdict.NO, i.allowsOut(i.keyOfId("sg-0d"), cidrs("10.0.0.0/24"), 443, 443));
  }

  @Test
  void aNewGroupWhoseConfigurationDeclaresNoEgressGetsNone() throws IOException {
    String unknown = "{\"id\": true, \"egress\": true, \"ingress\": true}";
    SgIndex i =
        plan(
            new String[] {
              "aws_security_group.alb",
              "{\"name\": \"alb\", \"vpc_id\": \"vpc-1\"}",
              unknown,
              "{\"name\": {\"constant_value\": \"alb\"}}"
            },
            new String[] {
              "aws_security_group.set",
              "{\"name\": \"set\", \"vpc_id\": \"vpc-1\"}",
              unknown,
              "{\"egress\": {\"references\": [\"var.egress\"]}}"
            });
    SgIndex.Source any = cidrs("10.0.0.0/24");
    String alb = planKey("aws_security_group.alb");
    String set = planKey("aws_security_group.set");
    assertEquals(Verdict.NO, i.allowsOut(alb, any, 443, 443));
    assertEquals(Verdict.NO, i.admits(alb, any, 443, 443));
    assertEquals(Verdict.UNKNOWN, i.allowsOut(set, any, 443, 443));
  }

  @Test
  void unknownPartsOfAnInlineRuleMakeItInconclusive() throws IOException {
    String values =
        "{\"name\": \"db\", \"vpc_id\": \"vpc-1\", \"egress\": [], \"ingress\": [{\"protocol\": "
            + "\"tcp\", \"from_port\": 5432, \"to_port\": 5432, \"cidr_blocks\": [], "
            + "\"security_groups\": [null], \"self\": false}]}";
    SgIndex i =
        plan(
            new String[] {
              "aws_security_group.db",
              values,
              "{\"id\": true, \"ingress\": [{\"security_groups\": [true]}]}",
              "{}"
            });
    String db = planKey("aws_security_group.db");
    assertEquals(Verdict.UNKNOWN, i.admits(db, cidrs("10.0.0.0/24"), 5432, 5432));
  }

  @Test
  void anUnsetSourceGroupOfARuleResourceIsNoPeerThoughThePlanMarksItUnknown() throws IOException {
    String unknownRule =
        "{\"id\": true, \"security_group_id\": true, \"source_security_group_id\": true}";
    SgIndex i =
        plan(
            new String[] {
              "aws_security_group.task",
              "{\"name\": \"task\", \"vpc_id\": \"vpc-1\"}",
              "{\"id\": true, \"egress\": true, \"ingress\": true}",
              "{\"name\": {\"constant_value\": \"task\"}}"
            },
            new String[] {
              "aws_security_group_rule.self",
              "{\"type\": \"egress\", \"protocol\": \"tcp\", \"from_port\": 0, \"to_port\": 65535, "
                  + "\"self\": true}",
              unknownRule,
              "{\"security_group_id\": {\"references\": [\"aws_security_group.task.id\", "
                  + "\"aws_security_group.task\"]}, \"self\": {\"constant_value\": true}}"
            },
            new String[] {
              "aws_security_group_rule.db",
              "{\"type\": \"egress\", \"protocol\": \"tcp\", \"from_port\": 5432, \"to_port\": 5432, "
                  + "\"self\": false}",
              unknownRule,
              "{\"security_group_id\": {\"references\": [\"aws_security_group.task.id\", "
                  + "\"aws_security_group.task\"]}, \"source_security_group_id\": {\"references\": "
                  + "[\"var.db_group_id\"]}}"
            });
    String task = planKey("aws_security_group.task");
    // the self rule names the group itself only; the other one a group known after apply
    assertEquals(Verdict.NO, i.allowsOut(task, cidrs("10.0.1.0/24"), 443, 443));
    assertEquals(
        Verdict.YES, i.allowsOut(task, new Source(Set.of(task), true, List.of()), 443, 443));
    assertEquals(Verdict.UNKNOWN, i.allowsOut(task, cidrs("10.0.1.0/24"), 5432, 5432));
  }

  @Test
  void aRuleResourceOfUnknownTypeMayBeEitherDirection() throws IOException {
    SgIndex i =
        index(
            egressGroup("node", "sg-0node", ""),
            resource(
                "aws_security_group_rule.r",
                "{\"type\": null, \"protocol\": \"tcp\", \"from_port\": 5432, "
                    + "\"to_port\": 5432, \"cidr_blocks\": [\"10.0.0.0/8\"], "
                    + "\"security_group_id\": \"sg-0node\"}"));
    Source db = cidrs("10.0.64.0/24");
    assertEquals(Verdict.YES, i.allowsOut(i.keyOfId("sg-0node"), db, 5432, 5432));
    assertEquals(Verdict.YES, i.admits(i.keyOfId("sg-0node"), db, 5432, 5432));
  }

  /** The key of a group of the plan file {@link #plan} writes. */
  private static String planKey(String address) {
    return "tf:" + io.eksnet.model.TerraformResource.key("p.json", address);
  }

  /** The security groups of one corpus file, indexed. */
  private static SgIndex corpus(String file) throws IOException {
    Path f = io.eksnet.SharedData.require("corpus/terraform").resolve(file);
    Loader.Loaded l = new Loader().load(new SourceFile(f, file));
    List<Object> facts = new ArrayList<>();
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts(file, (Tree.TMap) t, new ArrayList<>()));
    }
    return new SgIndex(facts);
  }

  private static String corpusKey(String file, String address) {
    return "tf:" + io.eksnet.model.TerraformResource.key(file, address);
  }

  @Test
  void realPlansReadEgressAsTerraformCreatesIt() throws IOException {
    Source vpc = cidrs("10.0.1.0/24");
    String f = "terraform-compliance__cli/tests__functional__test_issue-216__plan.out.json";
    SgIndex i = corpus(f);
    String task = corpusKey(f, "aws_security_group.ecs_task");
    // egress rule resources created with the group: self 0-65535, 443 anywhere, 1433 to the VPC
    assertEquals(Verdict.YES, i.allowsOut(task, vpc, 443, 443));
    assertEquals(Verdict.NO, i.allowsOut(task, vpc, 5432, 5432));
    assertEquals(Verdict.YES, i.allowsOut(task, new Source(Set.of(task), true, List.of()), 80, 80));
    f = "terraform-compliance__cli/tests__functional__test_issue-234-egress__plan.out.json";
    i = corpus(f);
    // created without egress blocks or egress rules
    assertEquals(
        Verdict.NO, i.allowsOut(corpusKey(f, "aws_security_group.alb_ecs"), vpc, 443, 443));
    f = "terraform-compliance__cli/tests__functional__test_issue-249__plan.out.json";
    i = corpus(f);
    // an existing group whose state has no egress rule, and one with allow-all
    assertEquals(
        Verdict.NO,
        i.allowsOut(corpusKey(f, "module.myapp-asg.aws_security_group.sg_asg"), vpc, 443, 443));
    assertEquals(
        Verdict.YES,
        i.allowsOut(corpusKey(f, "module.alb.aws_security_group.alb"), vpc, 5432, 5432));
    f =
        "bridgecrewio__checkov/tests__terraform__runner__tf_plan_skip_check_regex__resource__tfplan1.json";
    i = corpus(f);
    // rule resources whose group the plan cannot name: nothing is known
    assertEquals(
        Verdict.UNKNOWN, i.allowsOut(corpusKey(f, "aws_security_group.default"), vpc, 443, 443));
  }

  @Test
  void nodeClassSelectorTermsSelectGroupsByIdNameOrTagsAndAreUnknownWhenTheyMatchNothing()
      throws IOException {
    SgIndex x =
        index(
            resource(
                "aws_security_group.karpenter",
                "{\"id\": \"sg-0k\", \"name\": \"karpenter-nodes\", \"tags\": {\"Name\": \"k\"},"
                    + " \"tags_all\": {\"Name\": \"k\", \"karpenter.sh/discovery\": \"demo-prod\"}}"),
            resource(
                "aws_security_group.other",
                "{\"id\": \"sg-0o\", \"name\": \"other\", \"tags\": {\"Name\": \"o\"}}"));
    List<String> byTag =
        x.selectedKeys(
            List.of(
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(
                    java.util.Map.of("karpenter.sh/discovery", "demo-*"), null, null)));
    assertEquals(1, byTag.size());
    assertEquals("karpenter-nodes", x.group(byTag.get(0)).getGroupName());
    // a tag term may also select groups tagged outside the scan; a name or an id does not
    assertTrue(
        SgIndex.maySelectOutsideTheScan(
            List.of(
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(
                    java.util.Map.of("karpenter.sh/discovery", "demo-*"), null, null))));
    assertFalse(
        SgIndex.maySelectOutsideTheScan(
            List.of(
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(java.util.Map.of(), null, "other"),
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(
                    java.util.Map.of(), "sg-0far", null))));
    // by group name, and an id outside the scan as an external key; terms are alternatives
    List<String> both =
        x.selectedKeys(
            List.of(
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(java.util.Map.of(), null, "other"),
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(
                    java.util.Map.of(), "sg-0far", null)));
    assertEquals(2, both.size());
    assertEquals("other", x.group(both.get(0)).getGroupName());
    assertEquals("id:sg-0far", both.get(1));
    // a tag no group of the scan carries: the groups are elsewhere, so unknown
    assertEquals(
        null,
        x.selectedKeys(
            List.of(
                new io.eksnet.model.Ec2NodeClass.SelectorTerm(
                    java.util.Map.of("karpenter.sh/discovery", "staging"), null, null))));
    assertEquals(null, x.selectedKeys(List.of()));
  }
}
