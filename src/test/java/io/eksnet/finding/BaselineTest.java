package io.eksnet.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching findings against a baseline, and reading baseline files. */
class BaselineTest {

  @TempDir Path dir;

  private static Finding f(String rule, String file, int line, String object, String field) {
    return new Finding(
        rule,
        Severity.MEDIUM,
        "m" + line,
        new Location(file, line, 3, object, field),
        List.of(),
        null);
  }

  /** A minimal eksnet SARIF log holding one result per finding, as SarifReport writes them. */
  private static String sarif(String tool, Finding... findings) {
    StringBuilder results = new StringBuilder();
    for (Finding f : findings) {
      if (results.length() > 0) {
        results.append(',');
      }
      results.append(
          """
          {"ruleId": "%s", "message": {"text": "x"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "%s"}, "region": {"startLine": %d}}}],
           "properties": {"eksnet/fingerprint": "%s"}}"""
              .formatted(
                  f.ruleId(),
                  f.location().file().replace(" ", "%20"),
                  f.location().line(),
                  Fingerprint.of(f)));
    }
    return """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "%s"}}, "results": [%s]}]}
        """
        .formatted(tool, results);
  }

  private Baseline read(String text, List<InputProblem> problems) throws IOException {
    Path p = dir.resolve("base.sarif");
    Files.writeString(p, text);
    return Baseline.read(p, "base.sarif", problems);
  }

  @Test
  void movedFindingIsUnchangedFixedIsAbsentAndOtherIsNew() throws IOException {
    Finding web = f("EKS-SVC-001", "k8s/a.yaml", 5, "Service/default/web", "spec.type");
    Finding api = f("EKS-SVC-001", "k8s/a.yaml", 20, "Service/default/api", "spec.type");
    List<InputProblem> problems = new ArrayList<>();
    Baseline b = read(sarif("eksnet", web, api), problems);
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(2, b.size());

    Finding webMoved = f("EKS-SVC-001", "k8s/a.yaml", 42, "Service/default/web", "spec.type");
    Finding admin = f("EKS-SVC-001", "k8s/a.yaml", 60, "Service/default/admin", "spec.type");
    Baseline.Comparison c = b.compare(List.of(webMoved, admin));
    assertTrue(c.isUnchanged(webMoved));
    assertEquals("unchanged", c.state(webMoved));
    assertEquals("new", c.state(admin));
    assertEquals(1, c.newCount());
    assertEquals(1, c.unchangedCount());
    assertEquals(1, c.absent(), "api was fixed");
  }

  @Test
  void countsPerFingerprintSoASecondFindingOnTheSameFieldIsNew() {
    Finding first = f("EKS-LB-001", "x.yaml", 10, "Ingress/shop/web", "spec.rules[0]");
    Finding second = f("EKS-LB-001", "x.yaml", 30, "Ingress/shop/web", "spec.rules[0]");
    Baseline.Comparison c = Baseline.of(List.of(first)).compare(List.of(second, first));
    assertTrue(c.isUnchanged(first), "the earlier one in report order is the known one");
    assertFalse(c.isUnchanged(second));
    assertEquals(1, c.newCount());
    assertEquals(0, c.absent());
    Baseline.Comparison both = Baseline.of(List.of(first, second)).compare(List.of(first));
    assertEquals(1, both.absent());
  }

  @Test
  void sameObjectInAnotherFileOrRuleDoesNotMatch() {
    Finding a = f("EKS-SVC-001", "a.yaml", 5, "Service/default/web", "spec.type");
    Baseline b = Baseline.of(List.of(a));
    assertFalse(
        b.compare(List.of(f("EKS-SVC-001", "b.yaml", 5, "Service/default/web", "spec.type")))
            .isUnchanged(f("EKS-SVC-001", "b.yaml", 5, "Service/default/web", "spec.type")));
    Finding otherRule = f("EKS-LB-003", "a.yaml", 5, "Service/default/web", "spec.type");
    assertEquals(1, b.compare(List.of(otherRule)).newCount());
  }

  @Test
  void percentEncodedUrisMatchTheirPaths() throws IOException {
    Finding f = f("EKS-SVC-001", "dir with space/a.yaml", 5, "Service/default/web", "spec.type");
    List<InputProblem> problems = new ArrayList<>();
    Baseline b = read(sarif("eksnet", f), problems);
    assertTrue(problems.isEmpty(), problems.toString());
    assertTrue(b.compare(List.of(f)).isUnchanged(f));
  }

  @Test
  void suppressedFindingsAreNeverCountedAsNew() {
    Finding s = f("EKS-SVC-001", "a.yaml", 5, "Service/default/web", "spec.type").suppressed("why");
    Baseline.Comparison c = Baseline.of(List.of()).compare(List.of(s));
    assertEquals(0, c.newCount());
    assertEquals("new", c.state(s));
  }

  @Test
  void unusableFilesAreInputProblemsNotAnEmptyBaseline() throws IOException {
    List<InputProblem> problems = new ArrayList<>();
    assertNull(read("{\"version\": \"2.1.0\",\n \"runs\": [ oops ]}", problems));
    assertEquals("base.sarif:2:12", problems.get(0).location().toString());
    assertTrue(
        problems.get(0).message().startsWith("baseline is not valid JSON"), problems.toString());

    problems.clear();
    assertNull(read("{\"version\": \"2.0.0\", \"runs\": []}", problems));
    assertTrue(problems.get(0).message().contains("not a SARIF 2.1.0 log"), problems.toString());

    problems.clear();
    assertNull(read(sarif("checkov"), problems));
    assertTrue(
        problems.get(0).message().contains("written by 'checkov', not eksnet"),
        problems.toString());

    problems.clear();
    assertNull(
        read(
            sarif("eksnet", f("R", "a.yaml", 1, "", "")).replace("eksnet/fingerprint", "other"),
            problems));
    assertTrue(
        problems.get(0).message().startsWith("1 baseline result(s) lack"), problems.toString());

    problems.clear();
    assertNull(Baseline.read(dir.resolve("missing.sarif"), "missing.sarif", problems));
    assertTrue(problems.get(0).message().startsWith("cannot read baseline"), problems.toString());
  }

  /** {@code --baseline /dev/zero} (or any endless stream or huge wrong file) ended in exit 3. */
  @Test
  void anEndlessBaselineIsAnInputProblemNotAnOutOfMemoryCrash() {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
    List<InputProblem> problems = new ArrayList<>();
    assertNull(Baseline.read(zero, "/dev/zero", problems));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).message().startsWith("baseline is larger than 256 MiB"),
        problems.toString());
  }

  @Test
  void absentResultsOfAnEarlierComparisonAreIgnored() throws IOException {
    Finding a = f("EKS-SVC-001", "a.yaml", 5, "Service/default/web", "spec.type");
    String text =
        sarif("eksnet", a).replace("\"ruleId\"", "\"baselineState\": \"absent\", \"ruleId\"");
    List<InputProblem> problems = new ArrayList<>();
    Baseline b = read(text, problems);
    assertNotNull(b);
    assertEquals(0, b.size());
  }
}
