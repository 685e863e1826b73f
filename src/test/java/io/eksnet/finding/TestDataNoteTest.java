package io.eksnet.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.Location;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestDataNoteTest {

  private static Finding at(String file) {
    return new Finding(
        "EKS-LB-004", Severity.HIGH, "m", new Location(file, 3, 5, "", ""), List.of(), null);
  }

  @Test
  void countsFindingsInTestDataFoldersAndNamesAGlobPerFolder() {
    Optional<String> note =
        TestDataNote.of(
            List.of(
                at("pkg/provider/fixtures/ingress.yml"),
                at("tests/unit/test_data/expected/ingress.yaml"),
                at("pkg/other/Fixtures/b.yml"),
                at("deploy/ingress.yaml")));
    assertEquals(
        Optional.of(
            "3 findings are in test data (Fixtures/, fixtures/, test_data/ folders), whose"
                + " manifests are often broken on purpose or stale; if these are, leave them out"
                + " with --exclude '**/Fixtures/**' --exclude '**/fixtures/**' --exclude"
                + " '**/test_data/**' (or `exclude:` in .eksnet.yaml)"),
        note);
  }

  @Test
  void saysNothingWithoutFindingsInTestData() {
    assertEquals(Optional.empty(), TestDataNote.of(List.of(at("deploy/fixtures.yaml"))));
    assertEquals(Optional.empty(), TestDataNote.of(List.of()));
  }

  @Test
  void theSuggestedGlobsExcludeTheFilesTheyAreFor() {
    List<String> paths = List.of("fixtures/a/x.yaml", "deploy/testdata/y.yaml");
    String note = TestDataNote.of(paths.stream().map(TestDataNoteTest::at).toList()).orElseThrow();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("--exclude '([^']+)'").matcher(note);
    List<io.eksnet.source.Glob> globs = new java.util.ArrayList<>();
    while (m.find()) {
      globs.add(io.eksnet.source.Glob.compile(m.group(1)));
    }
    assertEquals(2, globs.size(), note);
    for (String path : paths) {
      assertTrue(globs.stream().anyMatch(g -> g.matches(path)), path + " not excluded by " + note);
    }
  }

  @Test
  void theFileNameItselfIsNotAFolder() {
    assertNull(TestDataNote.testDataFolder("testdata"));
    assertEquals("testdata", TestDataNote.testDataFolder("a\\testdata\\b.yaml"));
    assertEquals(
        Optional.of(
            "1 finding is in test data (golden/ folders), whose manifests are often broken on"
                + " purpose or stale; if these are, leave them out with --exclude 'golden/**'"
                + " (or `exclude:` in .eksnet.yaml)"),
        TestDataNote.of(List.of(at("golden/a.yaml"))));
  }
}
