package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.finding.Finding;
import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of some files with the rest of the tree as context, and partial trees. */
class ContextScanTest {

  @TempDir Path dir;

  static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: catalog
        namespace: shop
      spec:
        ingressClassName: alb
        rules:
          - http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service:
                      name: catalog
                      port:
                        number: 80
      """;

  static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: catalog
        namespace: shop
      spec:
        selector: {app: catalog}
        ports:
          - port: 80
      """;

  static final String OTHER_SERVICE = SERVICE.replace("name: catalog", "name: ui");

  private ScanResult scan(List<Path> paths, List<Path> context, String... rules) {
    return new Scanner()
        .scan(ScanRequest.of(dir, paths).withEnabled(Set.of(rules)).withContext(context));
  }

  private static List<String> where(ScanResult r) {
    return r.findings().stream()
        .map(f -> f.ruleId() + " " + f.location().file() + ":" + f.location().line())
        .toList();
  }

  @Test
  void aStagedIngressIsRelatedToItsServiceInAnotherFile() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Path ingress = Files.writeString(k8s.resolve("ingress.yaml"), INGRESS);
    Files.writeString(k8s.resolve("service.yaml"), SERVICE);

    // alone, the Ingress's Service is unknown: nothing to say
    assertEquals(List.of(), where(scan(List.of(ingress), List.of(), "EKS-LB-002")));
    // with the tree as context, the ClusterIP Service behind instance targets is found
    ScanResult r = scan(List.of(ingress), List.of(dir), "EKS-LB-002");
    assertEquals(List.of("EKS-LB-002 k8s/ingress.yaml:14"), where(r));
    assertEquals(List.of("k8s/service.yaml"), relatedFiles(r.findings().get(0)));
  }

  @Test
  void aStagedServiceGetsTheFindingsThatPointAtIt() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(k8s.resolve("ingress.yaml"), INGRESS);
    Path service = Files.writeString(k8s.resolve("service.yaml"), SERVICE);
    // the finding is on the Ingress, but its related location is the staged Service
    assertEquals(
        List.of("EKS-LB-002 k8s/ingress.yaml:14"),
        where(scan(List.of(service), List.of(dir), "EKS-LB-002")));
  }

  @Test
  void findingsOnlyInContextFilesAreNotReported() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(k8s.resolve("ingress.yaml"), INGRESS);
    Files.writeString(k8s.resolve("service.yaml"), SERVICE);
    Path unrelated = Files.writeString(k8s.resolve("ui.yaml"), OTHER_SERVICE);
    // a full scan reports the Ingress; scanning the unrelated file with context does not
    assertEquals(1, scan(List.of(dir), List.of(), "EKS-LB-002").findings().size());
    assertEquals(List.of(), where(scan(List.of(unrelated), List.of(dir), "EKS-LB-002")));
  }

  @Test
  void contextStaysWithinTheClusterScope() throws IOException {
    // sibling directories are separate clusters: the Service in b/ is not the Ingress's backend
    Path a = Files.createDirectories(dir.resolve("examples/a"));
    Path b = Files.createDirectories(dir.resolve("examples/b"));
    Path ingress = Files.writeString(a.resolve("ingress.yaml"), INGRESS);
    Files.writeString(b.resolve("service.yaml"), SERVICE);
    assertEquals(List.of(), where(scan(List.of(dir), List.of(), "EKS-LB-002")));
    assertEquals(List.of(), where(scan(List.of(ingress), List.of(dir), "EKS-LB-002")));
  }

  @Test
  void inputProblemsOfContextFilesAreCountedNotReported() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Path ingress = Files.writeString(k8s.resolve("ingress.yaml"), INGRESS);
    Files.writeString(k8s.resolve("service.yaml"), SERVICE);
    Files.writeString(k8s.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\n  bad: [\n");
    ScanResult r = scan(List.of(ingress), List.of(dir), "EKS-LB-002");
    assertEquals(List.of(), r.problems());
    assertEquals(List.of("EKS-LB-002 k8s/ingress.yaml:14"), where(r));
    assertTrue(
        r.notes().stream().anyMatch(n -> n.startsWith("1 input problem in context files")),
        r.notes().toString());

    // a problem in a named file is reported as always
    Path broken = k8s.resolve("broken.yaml");
    List<InputProblem> named = scan(List.of(broken), List.of(dir), "EKS-LB-002").problems();
    assertEquals(1, named.size(), named.toString());
    assertEquals("k8s/broken.yaml", named.get(0).location().file());
  }

  @Test
  void aPartialTreeDoesNotJudgeAbsence() throws IOException {
    // the Ingress's Service is not in this module, but another Service of the namespace is:
    // a whole repository would be wrong here; a module of a larger build may have it elsewhere
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(k8s.resolve("ingress.yaml"), INGRESS);
    Files.writeString(k8s.resolve("ui.yaml"), OTHER_SERVICE);
    ScanRequest req = ScanRequest.of(dir, List.of(dir)).withEnabled(Set.of("EKS-LB-004"));
    ScanResult whole = new Scanner().scan(req);
    assertEquals(List.of("EKS-LB-004 k8s/ingress.yaml:14"), where(whole));

    ScanResult partial = new Scanner().scan(req.withPartial(true));
    assertEquals(List.of(), where(partial));
    assertTrue(
        partial.notes().stream()
            .anyMatch(n -> n.contains("part of a larger tree") && n.contains("EKS-LB-004")),
        partial.notes().toString());
  }

  private static List<String> relatedFiles(Finding f) {
    return f.related().stream().map(l -> l.file()).toList();
  }
}
