package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links: nothing outside the scan roots is read, loops end, named links are followed. */
class DiscoveryTest {

  @TempDir Path tmp;
  private Path root;
  private Path outside;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(
        Files.createDirectories(root.resolve("k8s")).resolve("svc.yaml"), "kind: x\n");
    Files.writeString(outside.resolve("secret.yaml"), "kind: x\n");
  }

  private static List<String> files(Discovery.Result r) {
    return r.files().stream().map(SourceFile::relative).toList();
  }

  @Test
  void directoryLinksAreNeverFollowedInsideAWalkSoLoopsAndEscapesEnd() throws IOException {
    Files.createSymbolicLink(root.resolve("k8s/outdir"), outside);
    Files.createSymbolicLink(root.resolve("k8s/loop"), root);
    Files.createSymbolicLink(root.resolve("k8s/self"), Path.of("."));
    Files.createSymbolicLink(root.resolve("again"), Path.of("k8s"));
    Discovery.Result r = Discovery.find(root, List.of(root), List.of());
    assertEquals(List.of("k8s/svc.yaml"), files(r));
    assertEquals(
        List.of(
            "again/: symbolic link to a directory not followed",
            "k8s/loop/: symbolic link to a directory not followed",
            "k8s/outdir/: symbolic link to a directory not followed",
            "k8s/self/: symbolic link to a directory not followed"),
        r.notices());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void fileLinksAreFollowedOnlyInsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("k8s/out.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(
        root.resolve("k8s/abs-out.yaml"), outside.resolve("secret.yaml").toAbsolutePath());
    Files.createSymbolicLink(root.resolve("k8s/in.yaml"), Path.of("svc.yaml"));
    Files.createSymbolicLink(root.resolve("k8s/dangling.yaml"), Path.of("missing.yaml"));
    Files.createSymbolicLink(root.resolve("k8s/dotdot.yaml"), Path.of("../../outside/secret.yaml"));
    Discovery.Result r = Discovery.find(root, List.of(root), List.of());
    assertEquals(List.of("k8s/in.yaml", "k8s/svc.yaml"), files(r));
    assertEquals(
        List.of(
            "k8s/abs-out.yaml: symbolic link out of the scan root skipped",
            "k8s/dangling.yaml: dangling symbolic link skipped",
            "k8s/dotdot.yaml: symbolic link out of the scan root skipped",
            "k8s/out.yaml: symbolic link out of the scan root skipped"),
        r.notices());
  }

  @Test
  void aNamedPathThatIsALinkIsScannedUnderTheNameGiven() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("manifests"), Path.of("k8s"));
    Discovery.Result r = Discovery.find(root, List.of(link), List.of());
    assertEquals(List.of("manifests/svc.yaml"), files(r));
    Path far = Files.createSymbolicLink(tmp.resolve("far"), outside);
    Discovery.Result far2 = Discovery.find(outside, List.of(far), List.of());
    assertEquals(1, far2.files().size(), far2.toString());
    assertTrue(far2.files().get(0).path().toString().endsWith("secret.yaml"));
  }

  @Test
  void excludedLinksAreNotEvenNoted() throws IOException {
    Files.createSymbolicLink(root.resolve("vendor"), outside);
    Discovery.Result r = Discovery.find(root, List.of(root), List.of("vendor"));
    assertEquals(List.of(), r.notices());
  }

  @Test
  void aNamedFileInAChartsTemplatesIsSkippedWithANoticeAsInAWalk() throws IOException {
    Path chart = Files.createDirectories(root.resolve("chart/templates/tests"));
    Files.writeString(root.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: c\n");
    Files.writeString(chart.resolve("conn.yaml"), "{{- if .Values.x }}\n");
    Files.writeString(chart.getParent().resolve("svc.yaml"), "kind: x\n");
    Path stray = Files.createDirectories(root.resolve("other/templates")).resolve("svc.yaml");
    Files.writeString(stray, "kind: x\n");
    Discovery.Result r =
        Discovery.find(
            root,
            List.of(
                chart.resolve("conn.yaml"),
                chart.getParent().resolve("svc.yaml"),
                stray,
                root.resolve("chart/Chart.yaml")),
            List.of());
    assertEquals(List.of("chart/Chart.yaml", "other/templates/svc.yaml"), files(r));
    assertEquals(
        List.of(
            "chart/templates/svc.yaml: Helm chart template skipped (render the chart with `helm"
                + " template` and scan the output)",
            "chart/templates/tests/conn.yaml: Helm chart template skipped (render the chart with"
                + " `helm template` and scan the output)"),
        r.notices());
    assertEquals(
        List.of(
            "chart/templates/: Helm chart templates skipped (render them with `helm template`"
                + " and scan the output)"),
        Discovery.find(root, List.of(root.resolve("chart")), List.of()).notices());
  }
}
