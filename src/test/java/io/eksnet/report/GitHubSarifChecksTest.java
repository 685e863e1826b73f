package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker itself must catch what GitHub rejects, or its silence in other tests means nothing.
 */
class GitHubSarifChecksTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode good() throws Exception {
    return (ObjectNode)
        MAPPER.readTree(SarifReport.render(ReportFixtures.sample(), ReportFixtures.options()));
  }

  private static List<String> problemsAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode log = good();
    change.accept(log);
    return GitHubSarifChecks.problems(log, null);
  }

  private static void assertCaught(String expected, Consumer<ObjectNode> change) throws Exception {
    List<String> problems = problemsAfter(change);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        "expected a problem containing '" + expected + "', got " + problems);
  }

  private static ObjectNode obj(ObjectNode log, String pointer) {
    return (ObjectNode) log.at(pointer);
  }

  @Test
  void goodLogHasNoProblems() throws Exception {
    assertEquals(List.of(), problemsAfter(log -> {}));
  }

  @Test
  void catchesMissingResultsArray() throws Exception {
    assertCaught("results missing", log -> obj(log, "/runs/0").remove("results"));
  }

  @Test
  void catchesWrongVersionAndNonSemVer() throws Exception {
    assertCaught("$.version", log -> log.put("version", "2.1"));
    assertCaught(
        "semanticVersion is not SemVer",
        log -> obj(log, "/runs/0/tool/driver").put("semanticVersion", "1.2"));
  }

  @Test
  void catchesDuplicateRuleAndUnknownOrMisindexedRule() throws Exception {
    assertCaught(
        "duplicates rule",
        log ->
            ((ArrayNode) log.at("/runs/0/tool/driver/rules"))
                .add(log.at("/runs/0/tool/driver/rules/0").deepCopy()));
    assertCaught(
        "is not a rule of the driver", log -> obj(log, "/runs/0/results/0").put("ruleId", "X-1"));
    assertCaught("does not point at", log -> obj(log, "/runs/0/results/0").put("ruleIndex", 1));
  }

  @Test
  void catchesBadRuleMetadata() throws Exception {
    assertCaught(
        "is not a number",
        log -> obj(log, "/runs/0/tool/driver/rules/3/properties").put("security-severity", "high"));
    assertCaught(
        "must be a string",
        log -> obj(log, "/runs/0/tool/driver/rules/3/properties").put("security-severity", 8.0));
    assertCaught(
        "ambiguous band edge",
        log -> obj(log, "/runs/0/tool/driver/rules/3/properties").put("security-severity", "9.0"));
    assertCaught(
        "does not match default level",
        log -> obj(log, "/runs/0/tool/driver/rules/3/properties").put("security-severity", "2.0"));
    assertCaught(
        "precision invalid",
        log -> obj(log, "/runs/0/tool/driver/rules/3/properties").put("precision", "certain"));
    assertCaught(
        "helpUri is not an absolute",
        log -> obj(log, "/runs/0/tool/driver/rules/3").put("helpUri", "docs/rules/X.md"));
    assertCaught(
        "fullDescription.text missing",
        log -> obj(log, "/runs/0/tool/driver/rules/3").remove("fullDescription"));
    assertCaught(
        "shortDescription.text longer than 1024",
        log ->
            obj(log, "/runs/0/tool/driver/rules/3/shortDescription").put("text", "x".repeat(1025)));
    assertCaught(
        "tags has 21 tags",
        log -> {
          ArrayNode tags = (ArrayNode) log.at("/runs/0/tool/driver/rules/3/properties/tags");
          for (int i = 0; i < 18; i++) {
            tags.add("extra" + i);
          }
        });
    assertCaught(
        "lacks 'security'",
        log -> ((ArrayNode) log.at("/runs/0/tool/driver/rules/0/properties/tags")).remove(0));
  }

  @Test
  void catchesBadResultLocations() throws Exception {
    String loc = "/runs/0/results/0/locations/0/physicalLocation";
    for (String bad :
        List.of(
            "/abs/k8s/shop.yaml",
            "file:///github/workspace/k8s/shop.yaml",
            "k8s\\shop.yaml",
            "../k8s/shop.yaml",
            "k8s/%2E%2E/x.yaml")) {
      assertCaught(
          "must be repo-relative", log -> obj(log, loc + "/artifactLocation").put("uri", bad));
    }
    assertCaught("uri missing", log -> obj(log, loc + "/artifactLocation").put("uri", ""));
    assertCaught("startLine must be >= 1", log -> obj(log, loc + "/region").put("startLine", 0));
    assertCaught(
        "exactly one location",
        log ->
            ((ArrayNode) log.at("/runs/0/results/0/locations"))
                .add(log.at("/runs/0/results/0/locations/0").deepCopy()));
    assertCaught(
        "message.text missing", log -> obj(log, "/runs/0/results/0/message").put("text", ""));
    assertCaught(
        "partialFingerprints present",
        log ->
            obj(log, "/runs/0/results/0")
                .putObject("partialFingerprints")
                .put("primaryLocationLineHash", "x"));
    assertCaught(
        "artifactChanges must be a non-empty array",
        log ->
            obj(log, "/runs/0/results/0")
                .putArray("fixes")
                .addObject()
                .putArray("artifactChanges"));
  }

  @Test
  void catchesSeveralRunsWithoutDistinctCategories() throws Exception {
    assertCaught(
        "distinct automationDetails.id",
        log -> ((ArrayNode) log.get("runs")).add(log.at("/runs/0").deepCopy()));
  }

  @Test
  void withRepoRootChecksFilesExistAndLinesAreInside(@TempDir Path repo) throws Exception {
    ReportFixtures.writeRepo(repo);
    JsonNode log = good();
    assertEquals(List.of(), GitHubSarifChecks.problems(log, repo));
    Files.writeString(repo.resolve("k8s/shop.yaml"), "a\nb\r\nc");
    Files.delete(repo.resolve("terraform/plan.json"));
    List<String> problems = GitHubSarifChecks.problems(log, repo);
    assertTrue(
        problems.stream().noneMatch(p -> p.startsWith("$.runs[0].results[2]:")),
        "line 3 of a 3-line file is inside: " + problems);
    assertTrue(
        problems.contains("$.runs[0].results[3]: startLine 14 beyond the 3 lines of k8s/shop.yaml"),
        problems.toString());
    assertTrue(
        problems.contains(
            "$.runs[0].results[6]: terraform/plan.json is not a file under the repository root"),
        problems.toString());
  }

  @Test
  void countsLinesLikeAnEditor(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("f");
    for (Object[] c :
        new Object[][] {
          {"", 0}, {"a", 1}, {"a\n", 1}, {"a\nb", 2}, {"a\r\nb\r\n", 2}, {"a\rb", 2}
        }) {
      Files.writeString(f, (String) c[0]);
      assertEquals(c[1], GitHubSarifChecks.countLines(f), "'" + c[0] + "'");
    }
  }
}
