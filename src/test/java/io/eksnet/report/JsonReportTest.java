package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.finding.Finding;
import io.eksnet.scan.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String render(ScanResult r) {
    return JsonReport.render(r, ReportFixtures.options());
  }

  @Test
  void sampleMatchesGoldenFile() throws Exception {
    Golden.assertMatches("report.json", render(ReportFixtures.sample()));
  }

  @Test
  void sameResultRendersToIdenticalBytesWhateverTheFindingOrder() {
    ScanResult sample = ReportFixtures.sample();
    List<Finding> reversed = new ArrayList<>(sample.findings());
    Collections.reverse(reversed);
    ScanResult shuffled =
        new ScanResult(
            reversed, sample.problems(), sample.enabledRules(), sample.files(), sample.timings());
    assertEquals(render(sample), render(sample));
    assertEquals(render(sample), render(shuffled));
    assertFalse(render(sample).contains("\r"));
  }

  @Test
  void summaryCountsActiveFindingsSuppressedAndProblems() throws Exception {
    JsonNode summary = MAPPER.readTree(render(ReportFixtures.sample())).get("summary");
    assertEquals(4, summary.get("files").asInt());
    assertEquals(7, summary.get("findings").asInt());
    assertEquals(1, summary.get("suppressed").asInt());
    assertEquals(1, summary.get("problems").asInt());
    assertEquals(
        "{\"CRITICAL\":1,\"HIGH\":2,\"MEDIUM\":2,\"LOW\":1,\"INFO\":1}",
        summary.get("bySeverity").toString());
  }

  @Test
  void findingCarriesRuleNameLocationRelatedSuppressionAndFingerprint() throws Exception {
    ScanResult sample = ReportFixtures.sample();
    JsonNode findings = MAPPER.readTree(render(sample)).get("findings");
    assertEquals(8, findings.size(), "suppressed findings are listed too");
    JsonNode lb = findings.get(5);
    assertEquals("EKS-LB-002", lb.get("ruleId").asText());
    assertEquals("alb-ip-target-needs-readiness-gate", lb.get("name").asText());
    assertEquals("HIGH", lb.get("severity").asText());
    assertEquals("k8s/shop.yaml", lb.get("file").asText());
    assertEquals(52, lb.get("line").asInt());
    assertEquals(9, lb.get("column").asInt());
    assertEquals("Ingress/shop/web", lb.get("object").asText());
    assertEquals("Service/shop/web", lb.at("/related/0/object").asText());
    assertEquals(14, lb.at("/related/0/line").asInt());
    assertTrue(lb.get("suppressed").isNull());
    assertTrue(lb.get("fingerprint").asText().matches("[0-9a-f]{32}"));
    JsonNode legacy = findings.get(6);
    assertEquals("legacy NLB keeps SNAT until TICKET-12", legacy.get("suppressed").asText());
  }

  @Test
  void keysAppearInDocumentedOrder() throws Exception {
    JsonNode root = MAPPER.readTree(render(ReportFixtures.sample()));
    assertEquals(List.of("version", "tool", "summary", "findings", "problems"), fieldNames(root));
    assertEquals(
        List.of(
            "ruleId",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "object",
            "field",
            "related",
            "suppressed",
            "fingerprint"),
        fieldNames(root.at("/findings/0")));
    assertEquals(List.of("file", "line", "column", "message"), fieldNames(root.at("/problems/0")));
    assertEquals(1, root.get("version").asInt());
    assertEquals("1.2.3", root.at("/tool/version").asText());
  }

  @Test
  void cleanScanGivesEmptyArrays() throws Exception {
    JsonNode root = MAPPER.readTree(render(ReportFixtures.clean()));
    assertEquals(0, root.get("findings").size());
    assertTrue(root.get("findings").isArray());
    assertEquals(0, root.get("problems").size());
    assertEquals(0, root.at("/summary/findings").asInt());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
