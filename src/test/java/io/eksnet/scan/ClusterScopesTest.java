package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eksnet.source.Kustomization;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ClusterScopesTest {

  private static BitSet all(List<String> files) {
    BitSet b = new BitSet();
    b.set(0, files.size());
    return b;
  }

  /** Scope name → member paths, for readable assertions. */
  private static TreeMap<String, List<String>> named(
      List<String> files, List<ClusterScopes.Scope> scopes) {
    TreeMap<String, List<String>> out = new TreeMap<>();
    for (ClusterScopes.Scope s : scopes) {
      List<String> m = new ArrayList<>();
      s.members().stream().forEach(i -> m.add(files.get(i)));
      out.put(s.name(), m);
    }
    return out;
  }

  @Test
  void siblingDirectoriesAreSeparateClustersAndShareTheirAncestorsFiles() {
    List<String> files =
        List.of(
            "namespace.yaml", "examples/a/app.yaml", "examples/b/app.yaml", "examples/b/x.yaml");
    var scopes = ClusterScopes.of(files, all(files), new BitSet(), List.of(), List.of());
    assertEquals(
        "{directory examples/a=[namespace.yaml, examples/a/app.yaml],"
            + " directory examples/b=[namespace.yaml, examples/b/app.yaml, examples/b/x.yaml]}",
        named(files, scopes).toString());
  }

  @Test
  void oneDirectoryIsOneCluster() {
    List<String> files = List.of("a.yaml", "b.yaml", "c.json");
    var scopes = ClusterScopes.of(files, all(files), new BitSet(), List.of(), List.of());
    assertEquals(1, scopes.size());
    assertEquals(3, scopes.get(0).members().cardinality());
  }

  @Test
  void filesWithoutFactsMakeNoCluster() {
    List<String> files = List.of("k8s/app.yaml", "docs/mkdocs.yml", ".github/workflows/ci.yml");
    BitSet facts = new BitSet();
    facts.set(0);
    var scopes = ClusterScopes.of(files, facts, new BitSet(), List.of(), List.of());
    assertEquals("{directory k8s=[k8s/app.yaml]}", named(files, scopes).toString());
  }

  @Test
  void eachRootKustomizationIsAClusterOfWhatItIncludes() {
    List<String> files =
        List.of(
            "base/kustomization.yaml",
            "base/deploy.yaml",
            "base/svc.yaml",
            "overlays/prod/kustomization.yaml",
            "overlays/prod/ingress.yaml",
            "overlays/staging/kustomization.yaml",
            "overlays/staging/ingress.yaml");
    List<Kustomization> ks =
        List.of(
            new Kustomization(
                "base/kustomization.yaml", List.of("base/deploy.yaml", "base/svc.yaml"), List.of()),
            new Kustomization(
                "overlays/prod/kustomization.yaml",
                List.of("base", "overlays/prod/ingress.yaml"),
                List.of()),
            new Kustomization(
                "overlays/staging/kustomization.yaml",
                List.of("base", "overlays/staging/ingress.yaml"),
                List.of()));
    BitSet facts = all(files);
    for (int i : new int[] {0, 3, 5}) {
      facts.clear(i); // kustomizations give no facts
    }
    var scopes = ClusterScopes.of(files, facts, new BitSet(), ks, List.of());
    assertEquals(
        "{kustomization overlays/prod=[base/deploy.yaml, base/svc.yaml, overlays/prod/ingress.yaml],"
            + " kustomization overlays/staging=[base/deploy.yaml, base/svc.yaml,"
            + " overlays/staging/ingress.yaml]}",
        named(files, scopes).toString());
  }

  @Test
  void declaredClustersTakeTheirFilesAndTheRestFollowsTheDefault() {
    List<String> files =
        List.of("infra/ingressclass.yaml", "apps/web/app.yaml", "apps/api/app.yaml", "demo/x.yaml");
    Predicate<String> prod = p -> p.startsWith("infra/") || p.startsWith("apps/");
    var scopes =
        ClusterScopes.of(
            files,
            all(files),
            new BitSet(),
            List.of(),
            List.of(new ClusterScopes.Declared("prod", prod)));
    assertEquals(
        "{directory demo=[demo/x.yaml],"
            + " prod=[infra/ingressclass.yaml, apps/web/app.yaml, apps/api/app.yaml]}",
        named(files, scopes).toString());
  }

  @Test
  void theOnlyTerraformFileJoinsEveryCluster() {
    List<String> files = List.of("terraform/plan.json", "k8s/a/app.yaml", "k8s/b/app.yaml");
    BitSet tf = new BitSet();
    tf.set(0);
    var scopes = ClusterScopes.of(files, all(files), tf, List.of(), List.of());
    assertEquals(
        "{directory k8s/a=[terraform/plan.json, k8s/a/app.yaml],"
            + " directory k8s/b=[terraform/plan.json, k8s/b/app.yaml]}",
        named(files, scopes).toString());
  }

  @Test
  void severalTerraformFilesFollowTheirDirectories() {
    List<String> files = List.of("envs/prod/plan.json", "envs/staging/plan.json");
    var scopes = ClusterScopes.of(files, all(files), all(files), List.of(), List.of());
    assertEquals(2, scopes.size());
  }
}
