package io.eksnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.bench.ClusterDumpGenerator;
import io.eksnet.finding.Finding;
import io.eksnet.model.EniConfig;
import io.eksnet.model.InputProblem;
import io.eksnet.relate.join.DatabaseAccess;
import io.eksnet.relate.join.LbSubnetDiscovery;
import io.eksnet.relate.join.NodeGroupEniConfigs;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --enable}/{@code --disable} the built-in rule base holds only the rules that may
 * fire, and the scan finds what the full rule base finds for those rules.
 */
class SelectedRulesTest {

  @TempDir Path dir;

  @Test
  void aSelectionBuildsARuleBaseOfThoseRulesOnlyAndKeepsTheWholeCatalog() {
    List<InputProblem> problems = new ArrayList<>();
    RuleEngine all = RuleEngine.load(List.of(), problems);
    Set<String> three = Set.of("EKS-SVC-002", "EKS-LB-001", "EKS-VPC-001");
    RuleEngine some =
        RuleEngine.load(List.of(), problems, false, Path.of("").toAbsolutePath(), three::contains);
    assertEquals(List.of(), problems);
    assertTrue(all.ruleCount() > 40, "all built-in rules: " + all.ruleCount());
    assertEquals(3, some.ruleCount());
    assertEquals(all.catalog().rules(), some.catalog().rules(), "the catalog lists every rule");
    RuleEngine allButOne =
        RuleEngine.load(
            List.of(),
            problems,
            false,
            Path.of("").toAbsolutePath(),
            id -> !"EKS-LB-001".equals(id));
    assertEquals(all.ruleCount() - 1, allButOne.ruleCount());
  }

  @Test
  void enabledRulesFindWhatTheFullRuleBaseFindsForThem() throws IOException {
    ClusterDumpGenerator.generate(1000, dir.resolve("dump"), 7);
    Path shop = Path.of("examples/shop").toAbsolutePath();
    ScanRequest whole = ScanRequest.of(dir, List.of(dir.resolve("dump"), shop));
    ScanResult full = new Scanner().scan(whole);
    Set<String> found = new LinkedHashSet<>();
    for (Finding f : full.findings()) {
      found.add(f.ruleId());
    }
    assertTrue(found.size() >= 4, "findings of several rules: " + found);
    Set<String> three = Set.copyOf(new ArrayList<>(found).subList(0, 3));
    ScanResult selected = new Scanner().scan(whole.withEnabled(three));
    assertEquals(
        full.findings().stream().filter(f -> three.contains(f.ruleId())).toList(),
        selected.findings());
    assertEquals(full.problems(), selected.problems());
  }

  @Test
  void theEnabledRulesReadTheFactTypesOfTheirPatterns() {
    List<InputProblem> problems = new ArrayList<>();
    RuleEngine all = RuleEngine.load(List.of(), problems);
    Set<Class<?>> sg002 = all.factTypesRead("EKS-SG-002"::equals);
    assertTrue(sg002.contains(DatabaseAccess.class), sg002.toString());
    assertFalse(sg002.contains(LbSubnetDiscovery.class), sg002.toString());
    // IP-011 also reads the manifests' ENIConfigs, inside an accumulate
    Set<Class<?>> ip011 = all.factTypesRead("EKS-IP-011"::equals);
    assertTrue(ip011.contains(NodeGroupEniConfigs.class), ip011.toString());
    assertTrue(ip011.contains(EniConfig.class), ip011.toString());
    Set<Class<?>> none = all.factTypesRead(id -> false);
    assertEquals(Set.of(), none);
  }

  @Test
  void aUserRuleEnabledAloneKeepsTheRelationsItReads() {
    Path example = Path.of("examples/custom-rules/no-database-from-namespace").toAbsolutePath();
    Path fixture = example.resolve("positive-sandbox-names-rds");
    ScanRequest whole = ScanRequest.of(fixture, List.of(fixture)).withRuleDirs(List.of(example));
    List<Finding> acme =
        new Scanner()
            .scan(whole).findings().stream().filter(f -> f.ruleId().equals("ACME-DB-001")).toList();
    assertEquals(4, acme.size(), acme.toString()); // DatabaseClient facts, from the join
    assertEquals(acme, new Scanner().scan(whole.withEnabled(Set.of("ACME-DB-001"))).findings());
  }
}
