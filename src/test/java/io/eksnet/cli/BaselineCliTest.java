package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline}: a moved finding stays known, a fixed one disappears, a new one fails. */
class BaselineCliTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  private static String nlbService(String name) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
        spec:
          type: LoadBalancer
          ports: [{port: 80}]
        """
        .formatted(name);
  }

  private static final String V1 = nlbService("web") + "---\n" + nlbService("api");

  /** web moved down by a new ConfigMap and comments, api fixed, admin added. */
  private static final String V2 =
      """
      # a new ConfigMap above the Services moves them down
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {a: b}
      ---
      """
          + nlbService("web")
          + """
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        type: ClusterIP
        ports: [{port: 80}]
      ---
      """
          + nlbService("admin");

  private Map<String, JsonNode> resultsByObject(Path sarif) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode r : new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results")) {
      out.put(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText(), r);
    }
    return out;
  }

  @Test
  void onlyNewFindingsArePrintedAndFailAndSarifMarksTheirState() throws IOException {
    Path svc = dir.resolve("svc.yaml");
    Files.writeString(svc, V1);
    Path base = dir.resolve("base.sarif");
    String root = dir.toString();
    assertEquals(
        1,
        run(
            "scan",
            "--root",
            root,
            "--fail-on",
            "medium",
            "-f",
            "sarif",
            "-o",
            base.toString(),
            root));

    Files.writeString(svc, V2);
    assertEquals(
        1,
        run("scan", "--root", root, "--fail-on", "medium", "--baseline", base.toString(), root),
        cli.err());
    String text = cli.out();
    assertTrue(text.contains("svc.yaml:25:3: MEDIUM EKS-SVC-001 Service admin"), text);
    assertFalse(text.contains("Service web "), "unchanged finding not printed: " + text);
    assertTrue(
        text.contains("1 finding (1 medium) in 1 file; 1 unchanged and 1 fixed since the baseline"),
        text);
    assertTrue(cli.err().contains("1 new, 1 unchanged, 1 absent"), cli.err());

    Path now = dir.resolve("now.sarif");
    assertEquals(
        1,
        run(
            "scan",
            "--root",
            root,
            "--fail-on",
            "medium",
            "--baseline",
            base.toString(),
            "-f",
            "sarif",
            "-o",
            now.toString(),
            root));
    Map<String, JsonNode> results = resultsByObject(now);
    assertEquals(2, results.size(), results.keySet().toString());
    JsonNode web = results.get("Service/default/web");
    assertEquals("unchanged", web.path("baselineState").asText());
    assertEquals(
        11, web.at("/locations/0/physicalLocation/region/startLine").asInt(), "moved from line 5");
    assertEquals("new", results.get("Service/default/admin").path("baselineState").asText());
    assertFalse(results.containsKey("Service/default/api"), "fixed findings are not emitted");

    assertEquals(
        1,
        run(
            "scan",
            "--root",
            root,
            "--fail-on",
            "medium",
            "--baseline",
            base.toString(),
            "-f",
            "json",
            root));
    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertEquals(
        "{\"new\":1,\"unchanged\":1,\"absent\":1}", json.at("/summary/baseline").toString());
    assertEquals("unchanged", json.at("/findings/0/baselineState").asText());
    assertEquals("new", json.at("/findings/1/baselineState").asText());

    // without the new Service nothing new is left: exit 0 although web is still MEDIUM
    Files.writeString(svc, V2.substring(0, V2.lastIndexOf("---")));
    assertEquals(
        0, run("scan", "--root", root, "--fail-on", "medium", "--baseline", base.toString(), root));
    assertEquals(
        1,
        run("scan", "--root", root, "--fail-on", "medium", root),
        "still a finding without baseline");
  }

  @Test
  void badBaselineIsAnInputErrorAndEveryFindingIsStillReported() throws IOException {
    Files.writeString(dir.resolve("svc.yaml"), V1);
    Path base = dir.resolve("base.sarif");
    Files.writeString(base, "not json");
    String root = dir.toString();
    assertEquals(2, run("scan", "--root", root, "--baseline", base.toString(), root));
    assertTrue(cli.err().contains("base.sarif:1:1: error: baseline is not valid JSON"), cli.err());
    assertTrue(cli.out().contains("2 findings"), cli.out());

    assertEquals(
        2, run("scan", "--root", root, "--baseline", dir.resolve("nope.sarif").toString(), root));
    assertTrue(cli.err().contains("nope.sarif:1:1: error: cannot read baseline"), cli.err());
  }
}
