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

  @Test
  void everyInvalidCorpusFileGivesAnInputProblemNamingIt() throws IOException {
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
      boolean named = r.problems().stream().anyMatch(p -> p.location().file().equals(rel));
      if (!named) {
        silent.add(rel);
      }
      System.out.println("k8s-invalid " + r.problems());
    }
    assertEquals(List.of(), silent, "invalid files without an input problem");
  }
}
