package io.eksnet.report;

import io.eksnet.engine.Catalog;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A hand-built scan result exercising every report feature, and the repository it points at. */
final class ReportFixtures {

  /** A fixed version, so golden files do not change with each release. */
  static final String VERSION = "1.2.3";

  static final String SVC_DOC =
      "# EKS-SVC-001 nodeport-loses-client-ip\n\n"
          + "A NodePort or LoadBalancer Service with `externalTrafficPolicy: Cluster` forwards\n"
          + "through other nodes and replaces the client IP.\n\n"
          + "## Fix\n\nSet `spec.externalTrafficPolicy: Local`.\n";

  private ReportFixtures() {}

  static RuleInfo rule(String id, String name, Severity severity, String summary, String... tags) {
    return new RuleInfo(
        id,
        name,
        severity,
        summary,
        Map.of("message", "{0}"),
        "Remediation for " + id + ".",
        List.of(tags),
        "0.1.0",
        "built-in");
  }

  /** Six rules, given out of order: one without findings, one INFO, one user security rule. */
  static Catalog catalog() {
    return new Catalog(
        List.of(
            rule(
                "EKS-SVC-001",
                "nodeport-loses-client-ip",
                Severity.MEDIUM,
                "NodePort Service routes through other nodes and hides the client IP",
                "reliability",
                "service",
                "latency",
                "client-ip"),
            rule(
                "EKS-LB-002",
                "alb-ip-target-needs-readiness-gate",
                Severity.HIGH,
                "ALB target type ip without pod readiness gate drops requests on rollout",
                "availability",
                "ingress",
                "alb"),
            rule(
                "EKS-IP-001",
                "subnet-too-small-for-max-pods",
                Severity.CRITICAL,
                "Node group subnets cannot hold the pods the nodes may run",
                "availability",
                "capacity",
                "ip"),
            rule(
                "EKS-DNS-001",
                "ndots-default",
                Severity.INFO,
                "Pods use the default ndots 5 and multiply DNS lookups",
                "performance",
                "dns"),
            rule(
                "EKS-PROXY-001",
                "iptables-with-many-services",
                Severity.LOW,
                "kube-proxy iptables mode with many Services",
                "performance",
                "kube-proxy"),
            new RuleInfo(
                "ACME-EGRESS-900",
                "no-egress-to-metadata",
                Severity.HIGH,
                "Pods may reach the instance metadata service",
                Map.of("message", "{0}"),
                "Deny 169.254.169.254/32 in a NetworkPolicy.",
                List.of("security", "egress", "imds"),
                "1.0",
                "/home/someone/acme-rules/egress.drl")));
  }

  static Location at(String file, int line, int col, String object, String field) {
    return new Location(file, line, col, object, field);
  }

  static Finding finding(String rule, Severity s, String message, Location loc) {
    return new Finding(rule, s, message, loc, List.of(), null);
  }

  /** Findings in scrambled order; reports must sort them. */
  static ScanResult sample() {
    Location svcWeb = at("k8s/shop.yaml", 14, 3, "Service/shop/web", "spec.type");
    List<Finding> findings =
        List.of(
            finding(
                "EKS-SVC-001",
                Severity.MEDIUM,
                "Service shop/api is NodePort with externalTrafficPolicy Cluster",
                at("k8s/shop.yaml", 31, 3, "Service/shop/api", "spec.type")),
            finding(
                "EKS-IP-001",
                Severity.CRITICAL,
                "Subnets of node group ng-1 hold 250 pod IPs, 3 nodes may run 348 pods",
                at("terraform/plan.json", 40, 7, "module.vpc.aws_subnet.private[0]", "")),
            new Finding(
                "EKS-LB-002",
                Severity.HIGH,
                "Ingress shop/web sends ALB traffic to Service shop/web (target type ip)"
                    + " without a readiness gate",
                at(
                    "k8s/shop.yaml",
                    52,
                    9,
                    "Ingress/shop/web",
                    "metadata.annotations.alb.ingress.kubernetes.io/target-type"),
                List.of(svcWeb),
                null),
            finding(
                "EKS-SVC-001",
                Severity.MEDIUM,
                "Service shop/web is LoadBalancer with externalTrafficPolicy Cluster",
                svcWeb),
            finding(
                "EKS-DNS-001",
                Severity.INFO,
                "Deployment shop/web uses ndots 5",
                at("k8s/shop.yaml", 3, 5, "Deployment/shop/web", "spec.template.spec")),
            finding(
                "EKS-SVC-001",
                Severity.LOW, // lowered by a config override: rule default is MEDIUM
                "Service payments/api is NodePort with externalTrafficPolicy Cluster",
                at("k8s/payments/api.yaml", 12, 3, "Service/payments/api", "spec.type")),
            finding(
                    "EKS-SVC-001",
                    Severity.MEDIUM,
                    "Service shop/legacy is NodePort with externalTrafficPolicy Cluster",
                    at("k8s/shop.yaml", 60, 3, "Service/shop/legacy", "spec.type"))
                .suppressed("legacy NLB keeps SNAT until TICKET-12"),
            finding(
                "ACME-EGRESS-900",
                Severity.HIGH,
                "Deployment payments/api may reach 169.254.169.254",
                at("k8s/payments/api.yaml", 30, 1, "Deployment/payments/api", "")));
    List<InputProblem> problems =
        List.of(
            new InputProblem(
                at("k8s/broken.yaml", 4, 7, "", ""), "mapping values are not allowed here"));
    List<String> files =
        List.of("k8s/broken.yaml", "k8s/payments/api.yaml", "k8s/shop.yaml", "terraform/plan.json");
    return new ScanResult(
        findings, problems, catalog(), files, new ScanResult.Timings(10, 2, 30, 42));
  }

  /** The same catalog, nothing found, no problems. */
  static ScanResult clean() {
    return new ScanResult(
        List.of(),
        List.of(),
        catalog(),
        List.of("k8s/shop.yaml"),
        new ScanResult.Timings(1, 1, 1, 3));
  }

  static ReportOptions options() {
    return ReportOptions.defaults()
        .withToolVersion(VERSION)
        .withDocs(id -> id.equals("EKS-SVC-001") ? SVC_DOC : null);
  }

  /** Writes the files the sample points at (long enough for every line), under {@code root}. */
  static void writeRepo(Path root) throws IOException {
    for (String file : sample().files()) {
      Path p = root.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "# line\n".repeat(70));
    }
  }
}
