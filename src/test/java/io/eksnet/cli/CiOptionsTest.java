package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** What CI setups rely on: {@code --exclude}, and the example GitHub workflow being runnable. */
class CiOptionsTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            false)
        .run(args);
  }

  @Test
  void excludeSkipsRootRelativeGlobs() throws IOException {
    String nodePort =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n";
    Files.createDirectories(dir.resolve("vendor/x"));
    Files.writeString(dir.resolve("vendor/x/svc.yaml"), nodePort);
    Files.writeString(dir.resolve("svc.yaml"), nodePort);
    String root = dir.toString();
    assertEquals(
        1, run("scan", "--root", root, "--fail-on", "medium", "--exclude", "vendor/**", root));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("1 finding (1 medium) in 1 file"), text);
    assertFalse(text.contains("vendor/"), text);
    assertEquals(
        0,
        run(
            "scan",
            "--root",
            root,
            "--fail-on",
            "medium",
            "--exclude",
            "vendor/**",
            "--exclude",
            "*.yaml",
            root));
  }

  /** The GitHub action and the workflow files of this repository (the example's included). */
  static List<Path> actionAndWorkflows() throws IOException {
    List<Path> out = new ArrayList<>(List.of(Path.of("action.yml")));
    for (Path dir :
        List.of(
            Path.of(".github/workflows"),
            Path.of("examples/github-code-scanning/.github/workflows"))) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          files
              .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
              .sorted()
              .forEach(out::add);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> doc) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (doc.get("runs") instanceof Map<?, ?> runs && runs.get("steps") instanceof List<?> l) {
      l.forEach(s -> out.add((Map<String, Object>) s));
    }
    if (doc.get("jobs") instanceof Map<?, ?> jobs) {
      for (Object job : jobs.values()) {
        if (((Map<String, Object>) job).get("steps") instanceof List<?> l) {
          l.forEach(s -> out.add((Map<String, Object>) s));
        }
      }
    }
    return out;
  }

  private static Map<String, Object> load(Path p) throws IOException {
    return new Yaml().load(Files.readString(p));
  }

  @Test
  void everyActionIsPinnedToAFullCommitSha() throws Exception {
    List<String> unpinned = new ArrayList<>();
    int uses = 0;
    for (Path p : actionAndWorkflows()) {
      for (Map<String, Object> step : steps(load(p))) {
        Object u = step.get("uses");
        if (u == null || String.valueOf(u).startsWith("./")) {
          continue;
        }
        uses++;
        if (!String.valueOf(u).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}")) {
          unpinned.add(p + ": " + u);
        }
      }
    }
    assertTrue(uses >= 4, "action.yml and the example use actions: " + uses);
    assertEquals(List.of(), unpinned, "a tag or branch can move; a full commit SHA cannot");
  }

  @SuppressWarnings("unchecked")
  @Test
  void theActionUploadsTheFileItsScanWritesThenFails() throws Exception {
    Map<String, Object> action = load(Path.of("action.yml"));
    assertEquals("composite", ((Map<String, Object>) action.get("runs")).get("using"));
    List<Map<String, Object>> steps = steps(action);
    Map<String, Object> scan =
        steps.stream().filter(s -> "scan".equals(s.get("id"))).findFirst().orElseThrow();
    Map<String, Object> env = (Map<String, Object>) scan.get("env");
    assertEquals("${{ inputs.sarif-file }}", env.get("EKSNET_SARIF"));
    assertEquals("${{ inputs.fail-on }}", env.get("EKSNET_FAIL_ON"));
    assertEquals("${{ inputs.config }}", env.get("EKSNET_CONFIG"));
    String script = (String) scan.get("run");
    // the options it passes are the CLI's
    String argsLine =
        script.lines().filter(l -> l.strip().startsWith("args=(")).findFirst().orElseThrow();
    List<String> words =
        Arrays.stream(argsLine.strip().replaceAll("^args=\\(|\\)$", "").split("\\s+"))
            .map(w -> w.replace("\"", ""))
            .toList();
    CommandLine cl =
        new DefaultParser()
            .parse(Main.scanOptions(), words.subList(1, words.size()).toArray(String[]::new));
    assertEquals("sarif", cl.getOptionValue("format"));
    assertEquals("$EKSNET_SARIF", cl.getOptionValue("output"));
    assertEquals(".", cl.getOptionValue("root"));

    int uploadAt = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (String.valueOf(steps.get(i).get("uses"))
          .startsWith("github/codeql-action/upload-sarif@")) {
        uploadAt = i;
      }
    }
    assertTrue(uploadAt > steps.indexOf(scan), "uploads after the scan");
    Map<String, Object> with = (Map<String, Object>) steps.get(uploadAt).get("with");
    assertEquals("${{ inputs.sarif-file }}", with.get("sarif_file"));
    assertEquals("${{ inputs.category }}", with.get("category"));
    assertTrue(script.contains("set +e"), "the scan step keeps the exit code for later");
    Map<String, Object> last = steps.get(steps.size() - 1);
    assertTrue(
        String.valueOf(last.get("run")).contains("exit 1")
            && String.valueOf(last.get("env")).contains("steps.scan.outputs.exit-code"),
        "the last step fails on findings, after the upload: " + last);
  }

  @Test
  void theExampleWorkflowUsesTheActionAtACommitThatHasIt() throws Exception {
    Path workflow = Path.of("examples/github-code-scanning/.github/workflows/eksnet.yml");
    String uses =
        steps(load(workflow)).stream()
            .map(s -> String.valueOf(s.get("uses")))
            .filter(u -> u.startsWith("eksnet/eksnet@"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the example uses eksnet's action"));
    String sha = uses.substring(uses.indexOf('@') + 1);
    assertTrue(sha.matches("[0-9a-f]{40}"), uses);
    for (Path doc : List.of(Path.of("README.md"), Path.of("docs/github-code-scanning.md"))) {
      assertTrue(Files.readString(doc).contains("eksnet/eksnet@" + sha), doc + " shows " + uses);
    }
    // the pinned commit is in this repository's history and has the action
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(Path.of(".git")) && io.eksnet.Tools.find("git") != null,
        "skipped: not a git checkout, so the pinned commit cannot be looked up");
    Process shallow =
        new ProcessBuilder("git", "rev-parse", "--is-shallow-repository")
            .redirectErrorStream(true)
            .start();
    String isShallow = new String(shallow.getInputStream().readAllBytes()).strip();
    shallow.waitFor();
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "true".equals(isShallow), "skipped: a shallow clone lacks the pinned commit's history");
    Process p =
        new ProcessBuilder("git", "cat-file", "-e", sha + ":action.yml")
            .redirectErrorStream(true)
            .start();
    String err = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), sha + " with action.yml is a commit of this repository: " + err);
  }
}
