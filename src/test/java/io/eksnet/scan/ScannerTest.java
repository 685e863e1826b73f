package io.eksnet.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

  @TempDir Path dir;

  @Test
  void aFileListsAtMostAHundredProblemsThenCountsTheRest() throws IOException {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n");
    for (int i = 0; i < 250; i++) {
      sb.append("  k: v\n");
    }
    Files.writeString(dir.resolve("dups.yaml"), sb.toString());
    Files.writeString(dir.resolve("other.yaml"), "apiVersion: v1\nkind: [\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    List<InputProblem> dups = r.problems().stream().filter(p -> p.location().file().equals("dups.yaml")).toList();
    assertEquals(Scanner.MAX_PROBLEMS_PER_FILE + 1, dups.size());
    assertEquals(6, dups.get(0).location().line());
    InputProblem last = dups.get(dups.size() - 1);
    assertEquals("and 149 more problems in this file (only the first 100 are listed)", last.message());
    assertEquals(106, last.location().line());
    assertTrue(r.problems().stream().anyMatch(p -> p.location().file().equals("other.yaml")));
  }

  @Test
  void theConfigIsReadAsTheConfigOnly() throws IOException {
    Files.writeString(dir.resolve(".eksnet.yaml"), "failOn: [unclosed\n");
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(List.of(), r.files());
  }
}
