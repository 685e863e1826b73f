package io.eksnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog is every {@code rules/**}{@code /*.drl}. One test checks them all and lists every
 * offender at once: metadata, one rule per file named by its id in its area's folder, unique ids
 * and names, fixtures with positive and negative cases, and a doc page.
 */
class CatalogTest {

  private static final Pattern RULE =
      Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

  @Test
  void everyRuleIsWellFormedDocumentedAndHasFixtures() throws IOException {
    List<String> offenders = new ArrayList<>();
    List<Path> drls;
    try (Stream<Path> s = Files.walk(Path.of("rules"))) {
      drls = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    assertTrue(drls.size() >= 5, "rules found: " + drls);
    Map<String, Path> fileById = new HashMap<>();
    for (Path drl : drls) {
      String id = drl.getFileName().toString().replace(".drl", "");
      String text = Files.readString(drl, StandardCharsets.UTF_8);
      Matcher m = RULE.matcher(text);
      List<String> names = new ArrayList<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      if (!names.equals(List.of(id))) {
        offenders.add(drl + ": must hold exactly one rule named \"" + id + "\", holds " + names);
      }
      String area = id.split("-").length == 3 ? id.split("-")[1].toLowerCase() : "?";
      if (!drl.getParent().getFileName().toString().equals(area)) {
        offenders.add(drl + ": belongs in rules/" + area + "/");
      }
      fileById.put(id, drl);
      Path fx = Path.of("fixtures", id);
      if (!Files.isDirectory(fx)) {
        offenders.add(id + ": no fixtures/" + id + "/");
      } else {
        try (Stream<Path> cases = Files.list(fx)) {
          List<String> cs = cases.map(c -> c.getFileName().toString()).toList();
          if (cs.stream().noneMatch(c -> c.startsWith("positive"))) {
            offenders.add(id + ": no positive fixture case");
          }
          if (cs.stream().noneMatch(c -> c.startsWith("negative"))) {
            offenders.add(id + ": no negative fixture case");
          }
        }
      }
      if (!Files.isRegularFile(Path.of("docs", "rules", id + ".md"))) {
        offenders.add(id + ": no docs/rules/" + id + ".md");
      }
    }
    List<InputProblem> problems = new ArrayList<>();
    Catalog catalog = RuleEngine.load(List.of(), problems).catalog();
    assertEquals(List.of(), problems);
    Map<String, String> names = new HashMap<>();
    for (RuleInfo r : catalog.rules()) {
      if (!fileById.containsKey(r.id())) {
        offenders.add(r.id() + ": in the built rule base but no rules/**/" + r.id() + ".drl");
      }
      String prev = names.put(r.name(), r.id());
      if (prev != null) {
        offenders.add(r.id() + ": @name " + r.name() + " also used by " + prev);
      }
      if (!r.message().contains("{0}")) {
        offenders.add(r.id() + ": @message should name the object ({0})");
      }
      long kinds = r.tags().stream().filter(RuleInfo.KINDS::contains).count();
      if (r.tags().isEmpty() || !RuleInfo.KINDS.contains(r.tags().get(0)) || kinds != 1) {
        offenders.add(
            r.id()
                + ": @tags must start with exactly one kind of "
                + RuleInfo.KINDS
                + ": "
                + r.tags());
      }
      if (r.remediation().length() < 40) {
        offenders.add(r.id() + ": @remediation too short to be advice");
      }
    }
    for (String id : fileById.keySet()) {
      if (!catalog.contains(id)) {
        offenders.add(id + ": DRL file not in the built rule base");
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void metadataCheckListsEveryProblemOfABadRule() {
    List<String> p =
        Metadata.problems(
            "X", Map.of("id", "EKS-FOO-1", "severity", "urgent", "name", "Bad Name"), true);
    assertTrue(p.contains("missing @summary"), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("not of the form")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("kebab-case")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("@severity 'urgent'")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("differs from @id")), p.toString());
  }

  @Test
  void aVariantSeverityNeedsItsMessageAndAValidLevelAndAppliesOnlyToThatMessage() {
    Map<String, String> md = new java.util.TreeMap<>();
    md.putAll(
        Map.of(
            "id", "EKS-SVC-999",
            "name", "some-rule",
            "severity", "HIGH",
            "summary", "s",
            "message", "m",
            "messageGuess", "g",
            "remediation", "r",
            "tags", "availability",
            "since", "0.1.0"));
    md.put("severityGuess", "MEDIUM");
    assertEquals(List.of(), Metadata.problems("EKS-SVC-999", md, true));
    RuleInfo info = Metadata.info(md, "built-in");
    assertEquals(io.eksnet.finding.Severity.MEDIUM, info.severityOf("messageGuess"));
    assertEquals(io.eksnet.finding.Severity.HIGH, info.severityOf("message"));
    // a user's override applies to every form of the finding
    assertEquals(
        io.eksnet.finding.Severity.LOW,
        info.withSeverity(io.eksnet.finding.Severity.LOW).severityOf("messageGuess"));

    md.put("severityOther", "MEDIUM");
    md.put("severityGuess", "sometimes");
    List<String> p = Metadata.problems("EKS-SVC-999", md, true);
    assertTrue(p.contains("@severityOther has no @messageOther to apply to"), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("@severityGuess 'sometimes'")), p.toString());
  }

  @Test
  void annotationValuesLoseSurroundingQuotes() {
    assertEquals("HIGH", Metadata.unquote("\"HIGH\""));
    assertEquals("a \"b\" c", Metadata.unquote("a \"b\" c"));
  }

  @Test
  void messageTemplatesFillPlaceholdersAndKeepQuotes() {
    assertEquals(
        "Service a's port 80 {5}", FindingSink.format("Service {0}'s port {1} {5}", "a", 80));
  }
}
