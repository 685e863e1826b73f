package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

  @SuppressWarnings("unchecked")
  @Test
  void exampleWorkflowUploadsTheFileTheScanWritesWithACategory() throws Exception {
    Path workflow = Path.of("examples/github-code-scanning/.github/workflows/eksnet.yml");
    Map<String, Object> doc = new Yaml().load(Files.readString(workflow));
    Map<String, Object> job =
        (Map<String, Object>) ((Map<String, Object>) doc.get("jobs")).get("eksnet");
    assertEquals("write", ((Map<String, Object>) job.get("permissions")).get("security-events"));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");

    Map<String, Object> scan =
        steps.stream().filter(s -> "Scan".equals(s.get("name"))).findFirst().orElseThrow();
    List<String> words =
        new ArrayList<>(Arrays.asList(((String) scan.get("run")).trim().split("\\s+")));
    int at = words.indexOf("scan");
    assertTrue(at > 0 && words.get(0).equals("java"), words.toString());
    CommandLine cl =
        new DefaultParser()
            .parse(Main.scanOptions(), words.subList(at + 1, words.size()).toArray(String[]::new));
    assertEquals("sarif", cl.getOptionValue("format"));
    assertEquals(List.of("."), cl.getArgList());

    Map<String, Object> upload =
        steps.stream()
            .filter(
                s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif@"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> with = (Map<String, Object>) upload.get("with");
    assertEquals(cl.getOptionValue("output"), with.get("sarif_file"));
    assertNotNull(with.get("category"));
    assertTrue(
        String.valueOf(upload.get("if")).contains("always()"),
        "uploads when the scan step failed on findings");
  }
}
