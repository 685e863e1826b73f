package io.eksnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's SARIF Multitool ({@code npm install -g @microsoft/sarif-multitool}), run as its
 * self-contained Linux binary: {@code validate --rule-kind "Sarif;Gh"} applies the SARIF rules and
 * GitHub's ingestion rules (GH1xxx/GH2xxx). It exits 0 even when it finds errors, so the verdict is
 * read from its own SARIF output. When the binary is not installed, {@link #errors} returns no
 * errors and says so on stdout; {@code .ci/run} installs it, so CI always runs it.
 */
final class SarifMultitool {

  /** The version {@code .ci/run} installs; the rule kinds and ids below were checked with it. */
  static final String VERSION = "5.7.0";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SarifMultitool() {}

  /**
   * The binary: {@code $SARIF_MULTITOOL}, else the one beside the {@code sarif-multitool} npm
   * command on the PATH.
   */
  static Optional<Path> binary() {
    String env = System.getenv("SARIF_MULTITOOL");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path cmd = Path.of(dir.isEmpty() ? "." : dir, "sarif-multitool");
      if (!Files.exists(cmd)) {
        continue;
      }
      try {
        Path pkg = cmd.toRealPath().getParent(); // .../@microsoft/sarif-multitool (bin.js)
        for (Path candidate :
            List.of(
                pkg.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"),
                pkg.resolveSibling("sarif-multitool-linux").resolve("Sarif.Multitool"))) {
          if (Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      } catch (IOException e) {
        // a dangling link: keep looking
      }
    }
    return Optional.empty();
  }

  /**
   * The error-level problems the Multitool finds in {@code sarif}, one line each; empty when there
   * are none or when the Multitool is not installed (then a line on stdout says it was skipped).
   */
  static List<String> errors(Path sarif) {
    Optional<Path> bin = binary();
    if (bin.isEmpty()) {
      System.out.println(
          "SARIF Multitool not installed (npm install -g @microsoft/sarif-multitool@"
              + VERSION
              + ", or set SARIF_MULTITOOL): skipped its check of "
              + sarif.getFileName());
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    for (String line : run(bin.get(), sarif)) {
      if (line.startsWith("error ")) {
        errors.add(line);
      } else {
        System.out.println("SARIF Multitool on " + sarif.getFileName() + ": " + line);
      }
    }
    return errors;
  }

  /**
   * Every error and warning the Multitool reports on {@code sarif}, each line starting with its
   * level ({@code error GH1015 ...}).
   */
  static List<String> run(Path bin, Path sarif) {
    try {
      Path out = Files.createTempFile("multitool", ".sarif");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(
                    bin.toString(),
                    "validate",
                    "--rule-kind",
                    "Sarif;Gh",
                    "--level",
                    "Error;Warning",
                    "--log",
                    "ForceOverwrite",
                    "--output",
                    out.toString(),
                    sarif.toString())
                .redirectErrorStream(true);
        // no ICU needed on minimal machines; no telemetry
        pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Process p = pb.start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("SARIF Multitool timed out on " + sarif);
        }
        if (Files.size(out) == 0) {
          throw new IllegalStateException(
              "SARIF Multitool wrote no log (exit " + p.exitValue() + "): " + console);
        }
        return problems(MAPPER.readTree(out.toFile()));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Results with their effective level (the result's own, else its rule's default, else warning); a
   * failed execution or an error notification of the Multitool itself counts as an error.
   */
  private static List<String> problems(JsonNode log) {
    List<String> out = new ArrayList<>();
    for (JsonNode run : log.path("runs")) {
      Map<String, String> defaults = new HashMap<>();
      for (JsonNode rule : run.at("/tool/driver/rules")) {
        defaults.put(
            rule.path("id").asText(), rule.at("/defaultConfiguration/level").asText("warning"));
      }
      for (JsonNode r : run.path("results")) {
        String ruleId = r.path("ruleId").asText();
        String lvl = r.path("level").asText(defaults.getOrDefault(ruleId, "warning"));
        out.add(lvl + " " + ruleId + " " + r.path("message"));
      }
      for (JsonNode inv : run.path("invocations")) {
        if (!inv.path("executionSuccessful").asBoolean(true)) {
          out.add("error Multitool execution failed: " + inv);
        }
        for (String kind :
            List.of("toolExecutionNotifications", "toolConfigurationNotifications")) {
          for (JsonNode n : inv.path(kind)) {
            if ("error".equals(n.path("level").asText())) {
              out.add("error Multitool " + kind + ": " + n.at("/message/text").asText());
            }
          }
        }
      }
    }
    return out;
  }
}
