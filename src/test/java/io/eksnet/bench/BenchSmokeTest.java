package io.eksnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.finding.Finding;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's smoke size (1,000 objects) in the default test run: correct, not timed. */
class BenchSmokeTest {

  @TempDir Path dir;

  @Test
  void generatedDumpScansCleanlyAndFindsExactlyThePlantedSelectorTypos() throws IOException {
    ClusterDumpGenerator.Stats stats = ClusterDumpGenerator.generate(1000, dir, 7);
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(List.of(), r.problems());
    assertEquals(stats.files(), r.files().size());
    List<Finding> typos =
        r.findings().stream().filter(f -> f.ruleId().equals("EKS-SVC-002")).toList();
    assertEquals(stats.brokenServices(), typos.size(), "one EKS-SVC-002 per planted typo");
    assertTrue(stats.brokenServices() > 0);
    assertTrue(
        typos.stream().allMatch(f -> f.message().contains("differs in one label only")),
        typos.toString());
    assertEquals(
        stats,
        ClusterDumpGenerator.generate(1000, dir.resolve("again"), 7),
        "deterministic for a seed");
  }

  @Test
  void singleDocumentSetGivesTheFindingsTheOpaPoliciesCheck() throws IOException {
    SingleDocGenerator.Stats stats = SingleDocGenerator.generate(200, dir, 42);
    assertEquals(200, stats.files());
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(List.of(), r.problems());
    assertEquals(200, r.files().size());
    assertTrue(stats.lb001() > 0 && stats.lb003() > 0 && stats.svc001() > 0, stats.toString());
    assertEquals(stats.lb001(), count(r, "EKS-LB-001"));
    assertEquals(stats.lb003(), count(r, "EKS-LB-003"));
    assertEquals(stats.svc001(), count(r, "EKS-SVC-001"));
  }

  private static long count(ScanResult r, String rule) {
    return r.findings().stream().filter(f -> f.ruleId().equals(rule)).count();
  }
}
