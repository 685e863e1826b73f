package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void findingsArePrintedOneLineEachSortedThenASummary() {
    String text = TextReport.render(ReportFixtures.sample(), ReportFixtures.options());
    assertEquals(
        """
        k8s/payments/api.yaml:12:3: LOW EKS-SVC-001 Service payments/api is NodePort with \
        externalTrafficPolicy Cluster
        k8s/payments/api.yaml:30:1: HIGH ACME-EGRESS-900 Deployment payments/api may reach \
        169.254.169.254
        k8s/shop.yaml:3:5: INFO EKS-DNS-001 Deployment shop/web uses ndots 5
        k8s/shop.yaml:14:3: MEDIUM EKS-SVC-001 Service shop/web is LoadBalancer with \
        externalTrafficPolicy Cluster
        k8s/shop.yaml:31:3: MEDIUM EKS-SVC-001 Service shop/api is NodePort with \
        externalTrafficPolicy Cluster
        k8s/shop.yaml:52:9: HIGH EKS-LB-002 Ingress shop/web sends ALB traffic to Service \
        shop/web (target type ip) without a readiness gate
        terraform/plan.json:40:7: CRITICAL EKS-IP-001 Subnets of node group ng-1 hold 250 pod \
        IPs, 3 nodes may run 348 pods
        7 findings (1 critical, 2 high, 2 medium, 1 low, 1 info) in 4 files; 1 suppressed; \
        1 input problem
        """,
        text);
  }

  @Test
  void noColourCodesUnlessAsked() {
    String plain = TextReport.render(ReportFixtures.sample(), ReportFixtures.options());
    assertFalse(plain.contains("\u001b["));
    String colored =
        TextReport.render(ReportFixtures.sample(), ReportFixtures.options().withColor(true));
    assertTrue(
        colored.contains(
            "terraform/plan.json:40:7: \u001b[1;31mCRITICAL\u001b[0m EKS-IP-001 Subnets"));
    assertTrue(colored.contains(": \u001b[33mMEDIUM\u001b[0m EKS-SVC-001"));
    assertEquals(plain, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void suppressedFindingsAreShownWithReasonOnlyWhenAsked() {
    String hidden = TextReport.render(ReportFixtures.sample(), ReportFixtures.options());
    assertFalse(hidden.contains("shop/legacy"));
    String shown =
        TextReport.render(
            ReportFixtures.sample(), ReportFixtures.options().withIncludeSuppressed(true));
    assertTrue(
        shown.contains(
            "k8s/shop.yaml:60:3: MEDIUM EKS-SVC-001 Service shop/legacy is NodePort with"
                + " externalTrafficPolicy Cluster (suppressed: legacy NLB keeps SNAT until"
                + " TICKET-12)\n"));
  }

  @Test
  void inputProblemsAreCountedButNotPrinted() {
    String text = TextReport.render(ReportFixtures.sample(), ReportFixtures.options());
    assertFalse(text.contains("mapping values"));
    assertTrue(text.endsWith("; 1 input problem\n"));
  }

  @Test
  void summaryReadsWellForCleanAndSingularResults() {
    assertEquals("No findings in 1 file", TextReport.summary(ReportFixtures.clean()));
    ScanResult one =
        new ScanResult(
            List.of(
                ReportFixtures.finding(
                    "EKS-SVC-001", Severity.HIGH, "m", Location.ofFile("a.yaml"))),
            List.of(
                new InputProblem(Location.ofFile("b.yaml"), "bad"),
                new InputProblem(Location.ofFile("c.yaml"), "bad")),
            ReportFixtures.catalog(),
            List.of("a.yaml", "b.yaml", "c.yaml"),
            ReportFixtures.clean().timings());
    assertEquals("1 finding (1 high) in 3 files; 2 input problems", TextReport.summary(one));
    assertEquals(
        "a.yaml:1:1: HIGH EKS-SVC-001 m\n1 finding (1 high) in 3 files; 2 input problems\n",
        TextReport.render(one, ReportFixtures.options()));
  }

  @Test
  void controlCharactersFromInputsCannotBreakLinesOrDriveTheTerminal() {
    ScanResult r =
        new ScanResult(
            List.of(
                ReportFixtures.finding(
                    "EKS-SVC-001",
                    Severity.MEDIUM,
                    "Service shop/\u001b[2Jweb has\nexternalTrafficPolicy Cluster",
                    Location.ofFile("a.yaml"))),
            List.of(),
            ReportFixtures.catalog(),
            List.of("a.yaml"),
            ReportFixtures.clean().timings());
    assertEquals(
        "a.yaml:1:1: MEDIUM EKS-SVC-001 Service shop/ [2Jweb has externalTrafficPolicy Cluster\n"
            + "1 finding (1 medium) in 1 file\n",
        TextReport.render(r, ReportFixtures.options()));
  }
}
