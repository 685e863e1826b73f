package io.eksnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the fuzzer ever broke eksnet with, minimised, in {@code
 * src/test/resources/fuzz-regressions/} (listed with their fixes in the README there). Each one
 * goes through the same guarantees as a fuzz case, through the scanner and the CLI. The file name
 * picks the target: {@code *.config.yaml} is the config, {@code *.yaml} a manifest, {@code
 * *.tf.json} Terraform JSON, other {@code *.json} a JSON manifest. An optional {@code NAME.expect}
 * beside it holds lines the scan must show: {@code problem: TEXT} (some input problem contains
 * TEXT) or {@code no problems}.
 */
class FuzzRegressionTest {

  static final Path DIR = Path.of("src/test/resources/fuzz-regressions");

  @TempDir Path work;

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      List<Path> files = s.filter(p -> target(p) != null).sorted().toList();
      assertFalse(files.isEmpty(), "no regression inputs in " + DIR);
      return files.stream();
    }
  }

  static Target target(Path p) {
    String n = p.getFileName().toString();
    if (n.endsWith(".config.yaml")) {
      return Target.CONFIG;
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return Target.YAML;
    }
    if (n.endsWith(".tf.json")) {
      return Target.TERRAFORM;
    }
    return n.endsWith(".json") ? Target.JSON : null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void fuzzFindingStaysFixed(Path input) throws IOException {
    Target t = target(input);
    byte[] bytes = Files.readAllBytes(input);
    Harness h = new Harness(work, 2000, 20_000);
    assertEquals(
        List.of(),
        h.check(t, bytes, new Harness.Mode(true, true)),
        "guarantees broken by " + input);

    Path expect = input.resolveSibling(input.getFileName() + ".expect");
    if (!Files.exists(expect)) {
      return;
    }
    Path root = work.resolve("expect");
    Files.createDirectories(root);
    Files.write(root.resolve(t.fileName), bytes);
    ScanResult r = new Scanner().scan(ScanRequest.of(root, List.of(root)));
    List<String> messages = r.problems().stream().map(InputProblem::toString).toList();
    for (String line : Files.readAllLines(expect, StandardCharsets.UTF_8)) {
      if (line.startsWith("problem: ")) {
        String want = line.substring("problem: ".length());
        assertTrue(
            messages.stream().anyMatch(m -> m.contains(want)),
            "no problem with '" + want + "': " + messages);
      } else if (line.equals("no problems")) {
        assertEquals(List.of(), messages);
      }
    }
  }
}
