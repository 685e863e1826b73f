package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.report.SarifSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in child JVMs: a scan killed at any moment leaves either the previous report or a
 * complete new one, never half of one; and a scan writes nothing but its report, not even in the
 * temporary directory, the home directory or the working directory.
 */
class OutputSafetyTest {

  @TempDir Path sandbox;
  private Path scan;

  @BeforeEach
  void bigInput() throws IOException {
    scan = Files.createDirectories(sandbox.resolve("scan"));
    // 3,000 in-tree NLB Services (EKS-SVC-001 each, 30 per file): a report at the per-rule cap of
    // findings, over a MiB, so that writing it takes a while
    for (int f = 0; f < 100; f++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        sb.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-")
            .append(f)
            .append('-')
            .append(i)
            .append(", namespace: ns-")
            .append(i % 7)
            .append(", annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}")
            .append("}\nspec:\n  type: LoadBalancer\n  selector: {app: a")
            .append(i)
            .append("}\n  ports: [{port: 80, targetPort: http}]\n");
      }
      Files.writeString(scan.resolve("svc-" + f + ".yaml"), sb.toString());
    }
  }

  private ProcessBuilder cli(Path report, String... extra) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + sandbox.resolve("tmp"),
                "-Duser.home=" + sandbox.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--root",
                scan.toString(),
                "--format",
                "sarif",
                "--output",
                report.toString(),
                "--fail-on",
                "none"));
    cmd.addAll(List.of(extra));
    cmd.add(scan.toString());
    return new ProcessBuilder(cmd)
        .directory(sandbox.resolve("cwd").toFile())
        .redirectErrorStream(true)
        .redirectOutput(sandbox.resolve("log.txt").toFile());
  }

  private static boolean isCompleteSarif(Path report) throws IOException {
    JsonNode sarif;
    try {
      sarif = new ObjectMapper().readTree(report.toFile());
    } catch (IOException e) {
      return false;
    }
    return SarifSchema.errors(sarif).isEmpty()
        && sarif.path("runs").path(0).path("results").size()
            == io.eksnet.finding.FindingCaps.PER_RULE;
  }

  @Test
  void scanKilledAtAnyMomentLeavesThePreviousReportOrACompleteOne() throws Exception {
    Files.createDirectories(sandbox.resolve("cwd"));
    Path out = Files.createDirectories(sandbox.resolve("out"));
    Path report = out.resolve("eksnet.sarif");
    byte[] previous = "previous report\n".getBytes(StandardCharsets.UTF_8);

    long t0 = System.nanoTime();
    Process full = cli(report).start();
    assertTrue(full.waitFor(120, TimeUnit.SECONDS), "the scan finished");
    long runMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, full.exitValue(), Files.readString(sandbox.resolve("log.txt")));
    assertTrue(isCompleteSarif(report));

    // kill as soon as the temporary report appears (mid-write), then at moments across the run
    List<String> outcomes = new ArrayList<>();
    for (double at : new double[] {-1, 0.8}) {
      Files.write(report, previous);
      Process p = cli(report).start();
      long start = System.nanoTime();
      boolean sawTemp = false;
      while (p.isAlive()) {
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (at < 0) {
          try (Stream<Path> s = Files.list(out)) {
            sawTemp = s.anyMatch(x -> x.getFileName().toString().endsWith(".tmp"));
          }
          if (sawTemp || elapsed > 4 * runMillis) {
            break;
          }
          Thread.onSpinWait();
        } else if (elapsed >= at * runMillis) {
          break;
        } else {
          Thread.sleep(5);
        }
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      byte[] now = Files.readAllBytes(report);
      if (java.util.Arrays.equals(previous, now)) {
        outcomes.add(at + ": previous report" + (sawTemp ? " (killed while writing)" : ""));
      } else if (isCompleteSarif(report)) {
        outcomes.add(at + ": complete new report");
      } else {
        fail(
            "killed at "
                + at
                + " of the run: the report is neither the old one nor a complete one ("
                + now.length
                + " bytes)");
      }
    }
    System.out.println("output safety: run " + runMillis + " ms; " + outcomes);
  }

  /** Every file under the sandbox with its size and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(sandbox)) {
      for (Path p : s.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        out.put(
            sandbox.relativize(p).toString(),
            a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime());
      }
    }
    return out;
  }

  @Test
  void aScanWritesNothingButItsReport() throws Exception {
    for (String d : List.of("cwd", "tmp", "home", "out")) {
      Files.createDirectories(sandbox.resolve(d));
    }
    Path rules = Files.createDirectories(sandbox.resolve("rules"));
    Files.writeString(
        rules.resolve("ACME-SVC-001.drl"),
        """
        package acme;
        import io.eksnet.model.Service;
        global io.eksnet.engine.FindingSink findings;
        rule "ACME-SVC-001"
            @id("ACME-SVC-001") @name("no-load-balancer") @severity("LOW") @summary("No LoadBalancers")
            @message("{0} is a LoadBalancer") @remediation("Use the shared ingress.") @tags("acme") @since("1.0")
        when
            $s : Service( type == "LoadBalancer", name == "svc-0-0" )
        then
            findings.report(drools.getRule(), $s.at("spec", "type"), $s.getDisplayName());
        end
        """);
    Files.writeString(sandbox.resolve("log.txt"), "");
    Map<String, String> before = snapshot();
    Path report = sandbox.resolve("out/eksnet.sarif");
    Process p = cli(report, "--rules", rules.toString()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(sandbox.resolve("log.txt")));
    Map<String, String> after = snapshot();
    after.remove("log.txt"); // the test's own capture of the child's output
    before.remove("log.txt");
    after.remove("out/eksnet.sarif");
    assertEquals(before, after, "files created or changed besides the report");
    assertTrue(Files.isRegularFile(report));
  }
}
