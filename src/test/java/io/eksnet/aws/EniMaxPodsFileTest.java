package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secondary-IP formula against the VPC CNI's published eni-max-pods.txt, every row. */
class EniMaxPodsFileTest {

  @Test
  void secondaryIpMaxPodsMatchesEveryRowOfEniMaxPodsTxt() throws Exception {
    Path file = SharedData.dataDir().resolve("eni-max-pods.txt");
    assumeTrue(
        Files.isRegularFile(file),
        () -> "skipped: " + file + " is absent, so max pods cannot be checked against it");
    InstanceTypes table = InstanceTypes.builtIn();
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      rows++;
      String[] f = line.trim().split("\\s+");
      int expected = Integer.parseInt(f[1]);
      var type = table.find(f[0]);
      if (type.isEmpty()) {
        mismatches.add(f[0] + ": not in the built-in table (file says " + expected + ")");
        continue;
      }
      MaxPods m = MaxPods.of(type.get());
      if (m.value() != expected) {
        mismatches.add(
            f[0]
                + ": computed "
                + m.value()
                + " = "
                + m.enisForPods()
                + " * ("
                + type.get().ipv4PerEni()
                + " - 1) + 2, file says "
                + expected);
      }
    }
    assertEquals(
        List.of(), mismatches, mismatches.size() + " of " + rows + " rows differ from " + file);
    assertEquals(1391, rows, "rows in " + file);
  }
}
