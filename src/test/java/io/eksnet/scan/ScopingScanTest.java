package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eksnet.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What belongs to one cluster, end to end: a repository of independent examples, a GitOps
 * repository with environments, and a declared cluster that joins sibling folders.
 */
class ScopingScanTest {

  @TempDir Path root;

  private static final String ALB_DEFAULT_CLASS =
      """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: alb
        annotations:
          ingressclass.kubernetes.io/is-default-class: "true"
      spec:
        controller: ingress.k8s.aws/alb
      """;

  /** An Ingress without a class in front of pods without a readiness probe, in namespace web. */
  private static final String APP_WITHOUT_CLASS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: nginx
                ports: [{containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: web}
      spec:
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        namespace: web
        annotations:
          alb.ingress.kubernetes.io/target-type: ip
      spec:
        defaultBackend:
          service: {name: web, port: {number: 80}}
      """;

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private List<String> findings(String rule) {
    ScanResult r =
        new Scanner().scan(ScanRequest.of(root, List.of(root)).withEnabled(java.util.Set.of(rule)));
    assertEquals(List.of(), r.problems());
    return r.findings().stream().map(Finding::location).map(l -> l.file()).toList();
  }

  @Test
  void oneExamplesDefaultIngressClassDoesNotDecideAnotherExamplesIngress() throws IOException {
    write("examples/nginx-app/app.yaml", APP_WITHOUT_CLASS);
    write("examples/alb-app/class.yaml", ALB_DEFAULT_CLASS);
    assertEquals(List.of(), findings("EKS-LB-005"));
  }

  @Test
  void aDefaultIngressClassBesideTheIngressDecidesIt() throws IOException {
    write("examples/alb-app/app.yaml", APP_WITHOUT_CLASS);
    write("examples/alb-app/class.yaml", ALB_DEFAULT_CLASS);
    assertEquals(List.of("examples/alb-app/app.yaml"), findings("EKS-LB-005"));
  }

  @Test
  void aDefaultIngressClassAboveTheIngressDecidesIt() throws IOException {
    write("cluster/apps/web/app.yaml", APP_WITHOUT_CLASS);
    write("cluster/class.yaml", ALB_DEFAULT_CLASS);
    assertEquals(List.of("cluster/apps/web/app.yaml"), findings("EKS-LB-005"));
  }

  @Test
  void aDeclaredClusterJoinsSiblingFolders() throws IOException {
    write("apps/web/app.yaml", APP_WITHOUT_CLASS);
    write("infrastructure/class.yaml", ALB_DEFAULT_CLASS);
    assertEquals(List.of(), findings("EKS-LB-005"), "siblings are not joined by default");
    write(
        ".eksnet.yaml",
        """
        clusters:
          - name: production
            paths: ["apps/**", "infrastructure/**"]
        """);
    assertEquals(List.of("apps/web/app.yaml"), findings("EKS-LB-005"));
  }

  @Test
  void kustomizeOverlaysAreSeparateEnvironmentsSharingTheirBase() throws IOException {
    write("apps/base/app.yaml", APP_WITHOUT_CLASS);
    write("apps/base/kustomization.yaml", "resources: [app.yaml]\n");
    // production runs the AWS Load Balancer Controller as its default class; staging does not
    write("apps/production/class.yaml", ALB_DEFAULT_CLASS);
    write("apps/production/kustomization.yaml", "resources: [../base, class.yaml]\n");
    write(
        "apps/staging/class.yaml",
        ALB_DEFAULT_CLASS
            .replace("name: alb", "name: nginx")
            .replace("ingress.k8s.aws/alb", "k8s.io/ingress-nginx"));
    write("apps/staging/kustomization.yaml", "resources: [../base, class.yaml]\n");
    // the base's Deployment is behind an ALB in production: reported once, not once per overlay
    assertEquals(List.of("apps/base/app.yaml"), findings("EKS-LB-005"));
  }

  @Test
  void anAbsenceIsReportedOnlyWhenTheWholeScanAgrees() throws IOException {
    String service =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: shop}
        spec:
          selector: {app: shop, component: frontend}
          ports: [{port: 80}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: shop}
        spec:
          selector: {matchLabels: {app: shop, component: fronted}}
          template:
            metadata: {labels: {app: shop, component: fronted}}
            spec: {containers: [{name: web, image: nginx}]}
        """;
    write("a/app.yaml", service);
    assertEquals(List.of("a/app.yaml"), findings("EKS-SVC-002"), "a typo in one folder");
    write(
        "b/app.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-frontend, namespace: shop}
        spec:
          selector: {matchLabels: {app: shop, component: frontend}}
          template:
            metadata: {labels: {app: shop, component: frontend}}
            spec: {containers: [{name: web, image: nginx}]}
        """);
    assertEquals(
        List.of(), findings("EKS-SVC-002"), "pods with those labels elsewhere in the scan");
  }

  @Test
  void aKustomizePatchIsPartOfAnObjectNotOne() throws IOException {
    String probed =
        APP_WITHOUT_CLASS.replace(
            "          ports: [{containerPort: 8080}]",
            "          ports: [{containerPort: 8080}]\n"
                + "                readinessProbe: {httpGet: {path: /ready, port: 8080}}");
    write("base/app.yaml", probed);
    write("base/class.yaml", ALB_DEFAULT_CLASS);
    write("base/kustomization.yaml", "resources: [app.yaml, class.yaml]\n");
    write(
        "prod/replicas.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: web}
        spec:
          replicas: 4
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  env: [{name: MODE, value: prod}]
        """);
    write("prod/kustomization.yaml", "resources: [../base]\npatches:\n  - path: replicas.yaml\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(root, List.of(root)));
    assertEquals(List.of(), r.findings().stream().map(Finding::ruleId).toList());
    assertEquals(
        true,
        r.notes().stream().anyMatch(n -> n.startsWith("1 file is a kustomize patch")),
        r.notes().toString());
  }

  @Test
  void aScanPastItsTimeBudgetSaysSoAndIsNotACleanScan() throws IOException {
    write("a/app.yaml", APP_WITHOUT_CLASS);
    System.setProperty("eksnet.scan.budgetSeconds", "0");
    try {
      ScanResult r = new Scanner().scan(ScanRequest.of(root, List.of(root)));
      assertEquals(
          List.of(
              "a/app.yaml:1:1: scan time budget of 0 s used up before loading it; the rest was not"
                  + " scanned (set -Deksnet.scan.budgetSeconds to change the budget)"),
          r.problems().stream().map(Object::toString).toList());
      assertEquals(List.of(), r.files());
    } finally {
      System.clearProperty("eksnet.scan.budgetSeconds");
    }
  }
}
