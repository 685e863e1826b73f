package io.eksnet.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class InstanceTableFreshnessTest {

  @Test
  void shippedTableMatchesTheSharedReferenceData() throws Exception {
    assumeTrue(
        SharedData.has("ec2-eni-limits.tsv") && SharedData.has("ec2-vcpus.tsv"),
        () ->
            "skipped: "
                + SharedData.dataDir()
                + " has no ec2-eni-limits.tsv/ec2-vcpus.tsv, so the shipped instance table"
                + " cannot be checked for staleness");
    String expected =
        InstanceTableGenerator.generate(SharedData.dataDir(), InstanceTableGenerator.PROJECT_DATA);
    String shipped = Files.readString(SharedData.shippedTable(), StandardCharsets.UTF_8);
    if (!expected.equals(shipped)) {
      String[] e = expected.split("\n", -1);
      String[] s = shipped.split("\n", -1);
      int line = 0;
      while (line < Math.min(e.length, s.length) && e[line].equals(s[line])) {
        line++;
      }
      assertEquals(
          line < e.length ? e[line] : "<end of file>",
          line < s.length ? s[line] : "<end of file>",
          SharedData.shippedTable()
              + " is stale relative to "
              + SharedData.dataDir()
              + " (first difference at line "
              + (line + 1)
              + "); regenerate it with scripts/generate-instance-types.sh");
    }
  }
}
