package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.engine.Catalog;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Fingerprint;
import io.eksnet.finding.Severity;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String render(ScanResult r) {
    return SarifReport.render(r, ReportFixtures.options());
  }

  private static JsonNode tree(String sarif) throws Exception {
    return MAPPER.readTree(sarif);
  }

  private static JsonNode run(String sarif) throws Exception {
    return tree(sarif).path("runs").get(0);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void sampleMatchesGoldenFile() throws Exception {
    Golden.assertMatches("report.sarif", render(ReportFixtures.sample()));
  }

  @Test
  void sameResultRendersToIdenticalBytesWhateverTheFindingOrder() {
    ScanResult sample = ReportFixtures.sample();
    List<Finding> reversed = new ArrayList<>(sample.findings());
    Collections.reverse(reversed);
    ScanResult shuffled =
        new ScanResult(
            reversed, sample.problems(), sample.enabledRules(), sample.files(), sample.timings());
    String first = render(sample);
    assertEquals(first, render(sample));
    assertEquals(first, render(shuffled));
  }

  @Test
  void outputUsesLfLineEndsAndEndsWithNewline() {
    String sarif = render(ReportFixtures.sample());
    assertFalse(sarif.contains("\r"));
    assertTrue(sarif.endsWith("}\n"));
    assertTrue(sarif.startsWith("{\n  \"$schema\": \""));
  }

  @Test
  void sampleCleanAndSuppressedVariantsValidateAgainstSchema() throws Exception {
    for (String sarif :
        List.of(
            render(ReportFixtures.sample()),
            render(ReportFixtures.clean()),
            SarifReport.render(
                ReportFixtures.sample(), ReportFixtures.options().withIncludeSuppressed(true)))) {
      assertEquals(List.of(), SarifSchema.errors(tree(sarif)));
    }
  }

  @Test
  void categoryBecomesTheRunsAutomationDetailsIdWithATrailingSlash() throws Exception {
    assertTrue(
        run(render(ReportFixtures.sample())).path("automationDetails").isMissingNode(),
        "no category: the upload's category input names the analysis");
    for (String given : List.of("eksnet/mod-a", "eksnet/mod-a/", " eksnet/mod-a// ")) {
      String sarif =
          SarifReport.render(ReportFixtures.sample(), ReportFixtures.options().withCategory(given));
      assertEquals("eksnet/mod-a/", run(sarif).at("/automationDetails/id").asText(), given);
      assertEquals(List.of(), SarifSchema.errors(tree(sarif)));
    }
    for (String blank : java.util.Arrays.asList(null, "", " ", "/")) {
      String sarif =
          SarifReport.render(ReportFixtures.sample(), ReportFixtures.options().withCategory(blank));
      assertTrue(run(sarif).path("automationDetails").isMissingNode(), String.valueOf(blank));
    }
  }

  @Test
  void sampleMeetsGitHubContract(@TempDir Path repo) throws Exception {
    ReportFixtures.writeRepo(repo);
    assertEquals(
        List.of(), GitHubSarifChecks.problems(tree(render(ReportFixtures.sample())), repo));
    assertEquals(List.of(), GitHubSarifChecks.problems(tree(render(ReportFixtures.clean())), repo));
  }

  @Test
  void zeroFindingsStillWriteEmptyResultsArrayAndAllRules() throws Exception {
    String sarif = render(ReportFixtures.clean());
    assertTrue(sarif.contains("\"results\": []"), sarif);
    JsonNode run = run(sarif);
    assertTrue(run.get("results").isArray());
    assertEquals(6, run.at("/tool/driver/rules").size());
    assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
  }

  @Test
  void rulesComeFromCatalogSortedByIdAndResultsPointAtThem() throws Exception {
    JsonNode run = run(render(ReportFixtures.sample()));
    List<String> ids =
        list(run.at("/tool/driver/rules")).stream().map(r -> r.get("id").asText()).toList();
    assertEquals(
        List.of(
            "ACME-EGRESS-900",
            "EKS-DNS-001",
            "EKS-IP-001",
            "EKS-LB-002",
            "EKS-PROXY-001",
            "EKS-SVC-001"),
        ids);
    List<JsonNode> results = list(run.get("results"));
    for (JsonNode r : results) {
      assertEquals(r.get("ruleId").asText(), ids.get(r.get("ruleIndex").asInt()));
    }
    long svc = results.stream().filter(r -> r.get("ruleId").asText().equals("EKS-SVC-001")).count();
    assertEquals(3, svc, "several results of one rule share one descriptor");
  }

  @Test
  void resultsAreSortedByFileLineColumnRule() throws Exception {
    List<String> where =
        list(run(render(ReportFixtures.sample())).get("results")).stream()
            .map(
                r -> {
                  JsonNode p = r.at("/locations/0/physicalLocation");
                  return p.at("/artifactLocation/uri").asText()
                      + ":"
                      + p.at("/region/startLine").asInt();
                })
            .toList();
    assertEquals(
        List.of(
            "k8s/payments/api.yaml:12",
            "k8s/payments/api.yaml:30",
            "k8s/shop.yaml:3",
            "k8s/shop.yaml:14",
            "k8s/shop.yaml:31",
            "k8s/shop.yaml:52",
            "terraform/plan.json:40"),
        where);
  }

  @Test
  void suppressedFindingIsLeftOutByDefault() throws Exception {
    String sarif = render(ReportFixtures.sample());
    assertFalse(sarif.contains("shop/legacy"));
    assertFalse(sarif.contains("suppressions"));
    assertEquals(7, run(sarif).get("results").size());
  }

  @Test
  void suppressedFindingCarriesInSourceSuppressionWhenIncluded() throws Exception {
    String sarif =
        SarifReport.render(
            ReportFixtures.sample(), ReportFixtures.options().withIncludeSuppressed(true));
    List<JsonNode> suppressed =
        list(run(sarif).get("results")).stream().filter(r -> r.has("suppressions")).toList();
    assertEquals(1, suppressed.size());
    JsonNode s = suppressed.get(0).at("/suppressions/0");
    assertEquals("inSource", s.get("kind").asText());
    assertEquals("legacy NLB keeps SNAT until TICKET-12", s.get("justification").asText());
    assertEquals(
        List.of(
            "$.runs[0].results[6].suppressions present: suppressed results must not reach GitHub"),
        GitHubSarifChecks.problems(tree(sarif), null));
    assertEquals(List.of(), GitHubSarifChecks.problems(tree(sarif), null, true));
  }

  @Test
  void resultLevelFollowsFindingSeverityEvenWhenItEqualsTheBindingsDefault() throws Exception {
    JsonNode run = run(render(ReportFixtures.sample()));
    for (JsonNode r : list(run.get("results"))) {
      assertTrue(r.has("level"), "level always written: " + r);
    }
    JsonNode overridden = run.at("/results/0");
    assertEquals(
        "Service/payments/api",
        overridden.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals("note", overridden.get("level").asText(), "LOW after a config override");
    JsonNode svcRule = run.at("/tool/driver/rules/5");
    assertEquals("warning", svcRule.at("/defaultConfiguration/level").asText());
    assertEquals("error", run.at("/tool/driver/rules/2/defaultConfiguration/level").asText());
  }

  @Test
  void ruleDescriptorCarriesGitHubProperties() throws Exception {
    JsonNode rule = run(render(ReportFixtures.sample())).at("/tool/driver/rules/3");
    assertEquals("EKS-LB-002", rule.get("id").asText());
    assertEquals("alb-ip-target-needs-readiness-gate", rule.get("name").asText());
    assertEquals(
        "ALB target type ip without pod readiness gate drops requests on rollout",
        rule.at("/shortDescription/text").asText());
    assertEquals(
        "ALB target type ip without pod readiness gate drops requests on rollout."
            + " Remediation for EKS-LB-002.",
        rule.at("/fullDescription/text").asText());
    assertEquals(
        "https://github.com/eksnet/eksnet/blob/main/docs/rules/EKS-LB-002.md",
        rule.get("helpUri").asText());
    assertEquals("high", rule.at("/properties/precision").asText());
    // an availability rule: no security-severity (GitHub would list it as a vulnerability)
    assertTrue(rule.at("/properties/security-severity").isMissingNode());
    assertEquals("error", rule.at("/properties/problem.severity").asText());
    assertEquals(
        List.of("availability", "ingress", "alb"),
        list(rule.at("/properties/tags")).stream().map(JsonNode::asText).toList());
  }

  @Test
  void onlySecurityRulesCarrySecuritySeverity() throws Exception {
    JsonNode rule = run(render(ReportFixtures.sample())).at("/tool/driver/rules/0");
    assertEquals("ACME-EGRESS-900", rule.get("id").asText());
    assertEquals("8.0", rule.at("/properties/security-severity").asText());
    assertTrue(rule.at("/properties/security-severity").isTextual());
    assertTrue(rule.at("/properties/problem.severity").isMissingNode());
    assertEquals("security", rule.at("/properties/tags/0").asText());
    JsonNode svc = run(render(ReportFixtures.sample())).at("/tool/driver/rules/5");
    assertEquals("EKS-SVC-001", svc.get("id").asText());
    assertTrue(svc.at("/properties/security-severity").isMissingNode());
    assertEquals("warning", svc.at("/properties/problem.severity").asText());
  }

  @Test
  void infoRuleHasNoSecuritySeverity() throws Exception {
    JsonNode rule = run(render(ReportFixtures.sample())).at("/tool/driver/rules/1");
    assertEquals("EKS-DNS-001", rule.get("id").asText());
    assertEquals("note", rule.at("/defaultConfiguration/level").asText());
    assertTrue(rule.at("/properties/security-severity").isMissingNode());
    assertEquals("recommendation", rule.at("/properties/problem.severity").asText());
  }

  @Test
  void helpUsesDocTextWhenGivenElseSummaryAndRemediation() throws Exception {
    JsonNode rules = run(render(ReportFixtures.sample())).at("/tool/driver/rules");
    JsonNode svc = rules.get(5);
    assertEquals(ReportFixtures.SVC_DOC, svc.at("/help/text").asText());
    assertEquals(ReportFixtures.SVC_DOC, svc.at("/help/markdown").asText());
    JsonNode ip = rules.get(2);
    assertEquals(
        "Node group subnets cannot hold the pods the nodes may run\n\nRemediation for EKS-IP-001.",
        ip.at("/help/text").asText());
    assertTrue(
        ip.at("/help/markdown")
            .asText()
            .endsWith(
                "[Documentation](https://github.com/eksnet/eksnet/blob/main/docs/rules/EKS-IP-001.md)"));
  }

  @Test
  void userRuleHasNoHelpUriAndNoAbsolutePathLeaks() throws Exception {
    String sarif = render(ReportFixtures.sample());
    JsonNode user = run(sarif).at("/tool/driver/rules/0");
    assertEquals("ACME-EGRESS-900", user.get("id").asText());
    assertFalse(user.has("helpUri"));
    assertFalse(sarif.contains("/home/"), "the user rule's file path must not be written");
    assertFalse(sarif.contains("file:"));
  }

  @Test
  void primaryLocationIsRepoRelativeWithRegionAndLogicalLocations() throws Exception {
    JsonNode result = run(render(ReportFixtures.sample())).at("/results/5");
    assertEquals("EKS-LB-002", result.get("ruleId").asText());
    assertEquals(1, result.get("locations").size());
    JsonNode loc = result.at("/locations/0");
    assertEquals("k8s/shop.yaml", loc.at("/physicalLocation/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", loc.at("/physicalLocation/artifactLocation/uriBaseId").asText());
    assertEquals(52, loc.at("/physicalLocation/region/startLine").asInt());
    assertEquals(9, loc.at("/physicalLocation/region/startColumn").asInt());
    assertEquals("Ingress/shop/web", loc.at("/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals("web", loc.at("/logicalLocations/0/name").asText());
    assertEquals(
        "metadata.annotations.alb.ingress.kubernetes.io/target-type",
        loc.at("/logicalLocations/1/name").asText());
    assertEquals("property", loc.at("/logicalLocations/1/kind").asText());
    assertEquals("utf16CodeUnits", run(render(ReportFixtures.sample())).get("columnKind").asText());
  }

  @Test
  void relatedLocationsCarryIdsAndMessages() throws Exception {
    JsonNode related = run(render(ReportFixtures.sample())).at("/results/5/relatedLocations");
    assertEquals(1, related.size());
    assertEquals(1, related.at("/0/id").asInt());
    assertEquals("Service/shop/web spec.type", related.at("/0/message/text").asText());
    assertEquals(14, related.at("/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void relatedLocationsAreLinkedFromTheMessage() throws Exception {
    JsonNode result = run(render(ReportFixtures.sample())).at("/results/5");
    String text = result.at("/message/text").asText();
    assertTrue(text.contains("](1)"), "GitHub shows only linked related locations: " + text);
  }

  private static Finding finding(String message, Location at, Location... related) {
    return new Finding("EKS-LB-002", Severity.HIGH, message, at, List.of(related), null);
  }

  @Test
  void aRelatedObjectIsLinkedWhereTheMessageNamesIt() {
    Location ingress = new Location("k8s/ing.yaml", 14, 15, "Ingress/shop/web", "spec");
    Location service = new Location("k8s/svc.yaml", 3, 1, "Service/shop/catalog", "spec.type");
    Location subnet = new Location("plan.json", 40, 7, "aws_subnet.nodes_b", "");
    assertEquals(
        "Ingress shop/web sends catalog:80 to [Service shop/catalog](1) in"
            + " [aws_subnet.nodes_b](2).",
        SarifReport.linked(
            finding(
                "Ingress shop/web sends catalog:80 to Service shop/catalog in aws_subnet.nodes_b.",
                ingress,
                service,
                subnet)));
    // a longer name is another object; a name the message does not give is linked at the end
    assertEquals(
        "Ingress shop/web sends catalog:80 to Service shop/catalog-v2. See [Service/shop/catalog"
            + " spec.type](1).",
        SarifReport.linked(
            finding(
                "Ingress shop/web sends catalog:80 to Service shop/catalog-v2.",
                ingress,
                service)));
    // an object written without a namespace is named without one
    Location bare = new Location("k8s/svc.yaml", 3, 1, "Service/default/catalog", "spec.type");
    assertEquals(
        "Ingress catalog sends catalog:80 to [Service catalog](1) with instance targets.",
        SarifReport.linked(
            finding(
                "Ingress catalog sends catalog:80 to Service catalog with instance targets.",
                ingress,
                bare)));
    // the result's own object elsewhere (the plan JSON of a finding on its .tf block)
    Location block = new Location("infra/main.tf", 12, 1, "aws_subnet.nodes_b", "");
    assertEquals(
        "aws_subnet.nodes_b is too small. See [plan.json:40](1).",
        SarifReport.linked(finding("aws_subnet.nodes_b is too small.", block, subnet)));
    // quoted link syntax is escaped; the message without related locations is as it was
    assertEquals(
        "annotation value [x\\](y) is odd",
        SarifReport.linked(finding("annotation value [x](y) is odd", ingress)));
  }

  @Test
  void theFullDescriptionIsTheSummaryAndTheRemediationAsSentences() {
    assertEquals("No target. Add one.", SarifReport.sentences("No target", "Add one."));
    assertEquals("No target! Add one.", SarifReport.sentences("No target!", " Add one."));
    assertEquals("No target.", SarifReport.sentences("No target", ""));
  }

  @Test
  void fingerprintIsInPropertiesAndNoPartialFingerprints() throws Exception {
    ScanResult sample = ReportFixtures.sample();
    String sarif = render(sample);
    assertFalse(sarif.contains("partialFingerprints"));
    Finding ip =
        sample.findings().stream().filter(f -> f.ruleId().equals("EKS-IP-001")).findFirst().get();
    JsonNode result = run(sarif).at("/results/6");
    assertEquals("EKS-IP-001", result.get("ruleId").asText());
    assertEquals(Fingerprint.of(ip), result.at("/properties/eksnet~1fingerprint").asText());
  }

  @Test
  void inputProblemsBecomeErrorNotificationsAndFailTheInvocation() throws Exception {
    JsonNode invocation = run(render(ReportFixtures.sample())).at("/invocations/0");
    assertFalse(invocation.get("executionSuccessful").asBoolean());
    JsonNode n = invocation.at("/toolExecutionNotifications/0");
    assertEquals("error", n.get("level").asText());
    assertEquals("mapping values are not allowed here", n.at("/message/text").asText());
    assertEquals(
        "k8s/broken.yaml", n.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(4, n.at("/locations/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void driverNamesToolVersionAndInformationUri() throws Exception {
    JsonNode log = tree(render(ReportFixtures.sample()));
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(SarifReport.SCHEMA_URI, log.get("$schema").asText());
    assertEquals(1, log.get("runs").size());
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertEquals("eksnet", driver.get("name").asText());
    assertEquals("1.2.3", driver.get("version").asText());
    assertEquals("1.2.3", driver.get("semanticVersion").asText());
    assertEquals("https://github.com/eksnet/eksnet", driver.get("informationUri").asText());
  }

  @Test
  void bindingDefaultsAreNotWritten() {
    String sarif = render(ReportFixtures.sample());
    for (String noise :
        List.of("en-US", "\"kind\": \"fail\"", ": -1", "isComprehensive", "rank", "\"enabled\"")) {
      assertFalse(sarif.contains(noise), noise);
    }
  }

  @Test
  void longDescriptionsAreTruncatedAndTagsCappedForGitHub() throws Exception {
    String longSummary = "x".repeat(2000);
    List<String> tags = IntStream.range(0, 30).mapToObj(i -> "t" + i).toList();
    RuleInfo rule =
        new RuleInfo(
            "EKS-VPC-001",
            "long",
            Severity.LOW,
            longSummary,
            Map.of("message", "m"),
            "r",
            tags,
            "0.1.0",
            "built-in");
    ScanResult r =
        new ScanResult(
            List.of(),
            List.of(),
            new Catalog(List.of(rule)),
            List.of(),
            ReportFixtures.clean().timings());
    JsonNode log = tree(render(r));
    JsonNode d = log.at("/runs/0/tool/driver/rules/0");
    assertEquals(1024, d.at("/shortDescription/text").asText().length());
    assertEquals(1024, d.at("/fullDescription/text").asText().length());
    assertEquals(20, d.at("/properties/tags").size());
    assertEquals("t0", d.at("/properties/tags/0").asText());
    assertEquals(List.of(), GitHubSarifChecks.problems(log, null));
    assertEquals(List.of(), SarifSchema.errors(log));
  }

  @Test
  void artifactUriIsPercentEncodedRelativeReference() {
    assertEquals("k8s/my%20app/svc.yaml", SarifReport.uri("k8s/my app/svc.yaml"));
    assertEquals("k8s/%C3%BCber.yaml", SarifReport.uri("k8s/über.yaml"));
    assertEquals("c%3A/x.yaml", SarifReport.uri("c:/x.yaml"));
    assertEquals("a/b%25c.yaml", SarifReport.uri("./a\\b%c.yaml"));
  }

  @Test
  void findingOfRuleMissingFromCatalogIsABug() {
    Finding stray =
        new Finding("EKS-XX-999", Severity.LOW, "m", Location.ofFile("a.yaml"), List.of(), null);
    ScanResult r =
        new ScanResult(
            List.of(stray),
            List.of(),
            ReportFixtures.catalog(),
            List.of("a.yaml"),
            ReportFixtures.clean().timings());
    assertThrows(IllegalArgumentException.class, () -> render(r));
  }
}
