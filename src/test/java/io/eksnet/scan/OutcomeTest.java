package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eksnet.engine.Catalog;
import io.eksnet.finding.FailOn;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one fail-on policy the CLI and the Maven plugin share. */
class OutcomeTest {

  private static Finding finding(Severity s, String suppression) {
    return new Finding("EKS-T-001", s, "m", Location.ofFile("a.yaml"), List.of(), suppression);
  }

  private static ScanResult result(
      List<Finding> findings, List<InputProblem> problems, String configFailOn) {
    return new ScanResult(
        findings,
        problems,
        new Catalog(List.of()),
        List.of("a.yaml"),
        List.of(),
        new ScanResult.Timings(0, 0, 0, 0),
        configFailOn,
        null,
        List.of());
  }

  @Test
  void failOnParsesEveryLevelAndNoneInAnyCaseAndRejectsTheRest() {
    assertEquals(Severity.CRITICAL, FailOn.parse("Critical").threshold());
    assertEquals(Severity.INFO, FailOn.parse("info").threshold());
    assertEquals(FailOn.NONE, FailOn.parse("NONE"));
    assertNull(FailOn.parse("hihg"));
    assertNull(FailOn.parse(""));
    assertNull(FailOn.parse(null));
    assertEquals("MEDIUM", FailOn.parse("medium").toString());
    assertEquals("none", FailOn.NONE.toString());
  }

  @Test
  void findingsBelowTheThresholdAreClean() {
    ScanResult r = result(List.of(finding(Severity.MEDIUM, null)), List.of(), null);
    Outcome o = Outcome.of(r, null);
    assertEquals(Outcome.Kind.CLEAN, o.kind());
    assertEquals(FailOn.DEFAULT, o.failOn());
    assertEquals(Outcome.Kind.FINDINGS, Outcome.of(r, FailOn.parse("medium")).kind());
    assertEquals(1, Outcome.of(r, FailOn.parse("low")).failing().size());
  }

  @Test
  void theCallersPolicyWinsOverTheConfigsWhichWinsOverTheDefault() {
    ScanResult r = result(List.of(finding(Severity.LOW, null)), List.of(), "low");
    assertEquals(Outcome.Kind.FINDINGS, Outcome.of(r, null).kind());
    assertEquals(Outcome.Kind.CLEAN, Outcome.of(r, FailOn.NONE).kind());
  }

  @Test
  void suppressedFindingsNeverFail() {
    ScanResult r = result(List.of(finding(Severity.CRITICAL, "accepted")), List.of(), null);
    assertEquals(Outcome.Kind.CLEAN, Outcome.of(r, FailOn.parse("info")).kind());
  }

  @Test
  void anInputProblemIsAnErrorWhateverTheFindingsAndPolicy() {
    ScanResult r =
        result(
            List.of(finding(Severity.CRITICAL, null)),
            List.of(new InputProblem(Location.ofFile("b.yaml"), "bad")),
            null);
    assertEquals(Outcome.Kind.ERRORS, Outcome.of(r, null).kind());
    assertEquals(Outcome.Kind.ERRORS, Outcome.of(r, FailOn.NONE).kind());
  }
}
