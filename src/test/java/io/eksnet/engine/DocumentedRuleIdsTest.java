package io.eksnet.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the docs name only rules that exist. The rule tables are generated ({@code
 * docs/rules/index.md}, see {@code MainTest}); this catches a rule id written by hand in prose that
 * was renamed or removed since.
 */
class DocumentedRuleIdsTest {

  private static final Pattern ID = Pattern.compile("\\bEKS-[A-Z]+-[0-9]{3}\\b");

  @Test
  void everyRuleIdInTheDocsIsInTheCatalog() throws IOException {
    Set<String> known =
        RuleEngine.load(List.of(), new ArrayList<>()).catalog().rules().stream()
            .map(RuleInfo::id)
            .collect(Collectors.toSet());
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    for (String dir : List.of("docs", "examples")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = ID.matcher(lines.get(i));
        while (m.find()) {
          if (!known.contains(m.group())) {
            unknown.add(doc + ":" + (i + 1) + ": " + m.group());
          }
        }
      }
    }
    assertTrue(docs.size() > 40, "docs found: " + docs);
    assertTrue(
        unknown.isEmpty(), "rule ids that are not in the catalog:\n" + String.join("\n", unknown));
  }
}
