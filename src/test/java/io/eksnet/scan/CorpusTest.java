package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.SharedData;
import io.eksnet.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real third-party manifests: eksnet must read every valid one and reject every invalid one. */
class CorpusTest {

  /** Each corpus folder is one repository, scanned on its own as a user would. */
  @Test
  void everyValidCorpusManifestScansWithoutInputProblems() throws IOException {
    Path k8s = SharedData.require("corpus/k8s");
    List<Path> repos;
    try (Stream<Path> s = Files.list(k8s)) {
      repos = s.filter(Files::isDirectory).sorted().toList();
    }
    int files = 0;
    List<String> problems = new ArrayList<>();
    Map<String, Integer> perRule = new TreeMap<>();
    for (Path repo : repos) {
      ScanResult r = new Scanner().scan(ScanRequest.of(repo, List.of(repo)));
      files += r.files().size();
      r.problems().forEach(p -> problems.add(repo.getFileName() + "/" + p));
      for (Finding f : r.findings()) {
        perRule.merge(f.ruleId(), 1, Integer::sum);
      }
    }
    assertTrue(files >= 150, "expected the whole corpus, read " + files);
    assertEquals(List.of(), problems);
    System.out.println("corpus/k8s findings per rule: " + perRule);
  }

  /**
   * Never silent: a broken manifest is an input problem; a Go/Helm template (two of these are chart
   * templates taken out of their chart) and a YAML file that does not parse and does not claim to
   * be a manifest (kube-linter's {@code invalid.yaml}) are skipped with a note naming them, as
   * files that are not Kubernetes must not fail a scan (README, "What is scanned").
   */
  @Test
  void everyInvalidCorpusFileGivesAnInputProblemOrANoteNamingIt() throws IOException {
    Path invalid = SharedData.require("corpus/k8s-invalid");
    List<Path> files;
    try (Stream<Path> s = Files.walk(invalid)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertFalse(files.isEmpty());
    List<String> silent = new ArrayList<>();
    for (Path f : files) {
      ScanResult r = new Scanner().scan(ScanRequest.of(invalid, List.of(f)));
      String rel = invalid.relativize(f).toString().replace('\\', '/');
      boolean named =
          r.problems().stream().anyMatch(p -> p.location().file().equals(rel))
              || r.notes().stream().anyMatch(n -> n.startsWith(rel + ":"));
      if (!named) {
        silent.add(rel);
      }
      if (rel.contains("duplicate")) {
        assertFalse(r.problems().isEmpty(), "a manifest with a duplicate key is an input problem");
      }
      System.out.println("k8s-invalid " + r.problems() + " " + r.notes());
    }
    assertEquals(List.of(), silent, "invalid files without an input problem or a note");
  }
}
