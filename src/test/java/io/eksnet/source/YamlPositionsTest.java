package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Positions taken from SnakeYAML's marks (files without CR, NEL, line or paragraph separators, BOMs
 * or characters outside the BMP) are the positions of the line index, for every node and problem.
 */
class YamlPositionsTest {

  private static final String SAMPLE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: "caf\u00e9", labels: {a: b}}
      spec:
        ports:
          - {port: 80, targetPort: http}   # comment\twith a tab
        selector:
          app: web
          app: web2
      ---
      list: [a, b, {c: d}]
      anchor: &x {k: v}
      merged: {<<: *x, k2: v2}
      folded: >
        text
        more
      tagged: !Ref thing
      """;

  private static void same(String text) {
    YamlLoader.Result marks = new YamlLoader(Limits.DEFAULT, new HashMap<>(), true).load(text);
    YamlLoader.Result index = new YamlLoader(Limits.DEFAULT, new HashMap<>(), false).load(text);
    assertEquals(index.documents(), marks.documents(), text);
    assertEquals(describe(index.problems()), describe(marks.problems()), text);
    assertEquals(index.templateLine(), marks.templateLine(), text);
  }

  private static List<String> describe(List<LoadException> problems) {
    List<String> out = new ArrayList<>();
    for (LoadException e : problems) {
      out.add(e.line() + ":" + e.column() + " " + e.getMessage());
    }
    return out;
  }

  @Test
  void marksGiveTheLineIndexPositions() {
    assertTrue(YamlLoader.exact(SAMPLE));
    same(SAMPLE);
    // syntax errors, also at the end of the text, and a template
    same("a: [1, 2\n");
    same("a: [1, 2");
    same("a: b\n  c: d\n");
    same("name: {{ .Values.name }}\n");
    same("a:\n  - b\n - c\n");
    same("\"unterminated\n");
    // each of these makes the marks inexact: the index is used, and must give the same
    for (String odd :
        List.of("\r\n", "\r", "\u0085", "\u2028", "\u2029", "\uFEFF", "\uD83D\uDE00")) {
      String t = "a: x" + odd + "y\nb: [1, \"" + odd + "\"\nc: {d: e}\n";
      assertFalse(YamlLoader.exact(t), odd);
      same(t);
    }
  }

  @Test
  void everyFixtureAndExampleHasTheSamePositionsEitherWay() throws IOException {
    int n = 0;
    for (String dir : List.of("fixtures", "examples")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        for (Path p : s.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
          same(Files.readString(p, StandardCharsets.UTF_8));
          n++;
        }
      }
    }
    assertTrue(n > 100, n + " files");
  }
}
