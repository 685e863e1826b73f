package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

  @TempDir Path dir;

  @Test
  void aFileListsAtMostAHundredProblemsThenCountsTheRest() throws IOException {
    StringBuilder sb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n");
    for (int i = 0; i < 250; i++) {
      sb.append("  k: v\n");
    }
    Files.writeString(dir.resolve("dups.yaml"), sb.toString());
    Files.writeString(dir.resolve("other.yaml"), "apiVersion: v1\nkind: [\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    List<InputProblem> dups =
        r.problems().stream().filter(p -> p.location().file().equals("dups.yaml")).toList();
    assertEquals(Scanner.MAX_PROBLEMS_PER_FILE + 1, dups.size());
    assertEquals(6, dups.get(0).location().line());
    InputProblem last = dups.get(dups.size() - 1);
    assertEquals(
        "and 149 more problems in this file (only the first 100 are listed)", last.message());
    assertEquals(106, last.location().line());
    assertTrue(r.problems().stream().anyMatch(p -> p.location().file().equals("other.yaml")));
  }

  @Test
  void theConfigIsReadAsTheConfigOnly() throws IOException {
    Files.writeString(dir.resolve(".eksnet.yaml"), "failOn: [unclosed\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(List.of(), r.files());
  }

  @Test
  void globsJavaCannotCompileAreConfigProblemsAtTheirLine() throws IOException {
    Files.writeString(
        dir.resolve("svc.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: a, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}\nspec: {type: LoadBalancer}\n");
    Files.writeString(
        dir.resolve(".eksnet.yaml"),
        """
        exclude: ["vendor/{a,b", "legacy/**"]
        ignore:
          - rule: EKS-SVC-001
            path: "[a-"
            reason: behind a proxy
        """);
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(
        List.of(
            ".eksnet.yaml:1:11: exclude 'vendor/{a,b' is not a valid glob: Missing '}",
            ".eksnet.yaml:4:11: path '[a-' is not a valid glob: Missing ']"),
        r.problems().stream().map(InputProblem::toString).toList());
    assertTrue(
        r.findings().stream().anyMatch(f -> f.ruleId().equals("EKS-SVC-001") && !f.isSuppressed()));
  }

  @Test
  void problemMessagesAreOneLineWithoutControlCharacters() throws IOException {
    Files.writeString(
        dir.resolve("k.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
            + "data: {\"a\\nb\\u001b[31m\": 1, \"a\\nb\\u001b[31m\": 2}\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(
        "duplicate key 'a b [31m' (first at line 4); Kubernetes rejects it",
        r.problems().get(0).message());
  }
}
