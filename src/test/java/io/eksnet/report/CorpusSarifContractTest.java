package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.SharedData;
import io.eksnet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub code scanning contract on real scans of the shared corpus (INTEGRATIONS.md §6 items
 * 1–9), not only on fixtures: the SARIF the CLI writes for {@code corpus/k8s} (findings) and {@code
 * corpus/k8s-invalid} (input problems as notifications) is schema-valid, meets GitHub's rules with
 * every URI naming a corpus file and every line inside it, has no suppressed results, is
 * byte-identical on a second run, and stays so with {@code --baseline}. Also run through
 * Microsoft's SARIF Multitool with GitHub's ingestion rules when it is installed ({@link
 * SarifMultitool}).
 */
class CorpusSarifContractTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  /** Runs the CLI in-process; returns the exit code, failing on an internal error. */
  private int eksnet(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Main(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false)
            .run(args);
    assertTrue(code <= 2, "eksnet " + String.join(" ", args) + " exited " + code + ": " + err);
    return code;
  }

  private Path scan(Path corpus, String name, String... extra) {
    Path out = tmp.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--root",
                corpus.toString(),
                "--fail-on",
                "none",
                "--format",
                "sarif",
                "--output",
                out.toString()));
    args.addAll(List.of(extra));
    args.add(corpus.toString());
    eksnet(args.toArray(String[]::new));
    return out;
  }

  private static void assertMeetsContract(Path sarifFile, Path root) throws IOException {
    JsonNode sarif = MAPPER.readTree(sarifFile.toFile());
    assertEquals(List.of(), SarifSchema.errors(sarif), "schema errors in " + sarifFile);
    assertEquals(
        List.of(), GitHubSarifChecks.problems(sarif, root), "GitHub problems in " + sarifFile);
    List<String> problems = SarifMultitool.errors(sarifFile);
    assertEquals(List.of(), problems, "SARIF Multitool (Sarif;Gh rules) errors in " + sarifFile);
  }

  @Test
  void corpusFindingsMeetGitHubsContractAndAreStable() throws IOException {
    Path corpus = SharedData.require("corpus/k8s").toAbsolutePath().normalize();
    Path first = scan(corpus, "first.sarif");
    JsonNode sarif = MAPPER.readTree(first.toFile());
    JsonNode results = sarif.at("/runs/0/results");
    assertTrue(results.size() >= 5, "the corpus has findings: " + results.size());
    assertEquals(1, sarif.path("runs").size());
    for (JsonNode r : results) {
      assertTrue(
          r.path("suppressions").isMissingNode(), "suppressed result in the GitHub file: " + r);
      assertFalse(r.has("baselineState"), "no baselineState without --baseline");
    }
    assertMeetsContract(first, corpus);

    Path second = scan(corpus, "second.sarif");
    assertArrayEquals(
        Files.readAllBytes(first), Files.readAllBytes(second), "same input, same bytes");

    Path compared = scan(corpus, "compared.sarif", "--baseline", first.toString());
    JsonNode withBaseline = MAPPER.readTree(compared.toFile());
    assertEquals(results.size(), withBaseline.at("/runs/0/results").size());
    for (JsonNode r : withBaseline.at("/runs/0/results")) {
      assertEquals("unchanged", r.path("baselineState").asText(), r.toString());
    }
    assertMeetsContract(compared, corpus);
  }

  @Test
  void inputProblemsBecomeValidNotifications() throws IOException {
    Path corpus = SharedData.require("corpus/k8s-invalid").toAbsolutePath().normalize();
    Path out = scan(corpus, "invalid.sarif");
    JsonNode sarif = MAPPER.readTree(out.toFile());
    JsonNode invocation = sarif.at("/runs/0/invocations/0");
    assertFalse(invocation.path("executionSuccessful").asBoolean(true));
    // the Helm templates and the file that claims nothing are notes, not input problems (README,
    // "What is scanned"): the manifest with a duplicate key is the notification left
    assertTrue(invocation.path("toolExecutionNotifications").size() >= 1, invocation.toString());
    assertMeetsContract(out, corpus);
  }
}
