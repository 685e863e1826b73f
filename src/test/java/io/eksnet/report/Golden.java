package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. To regenerate after an intended change,
 * run the report tests with {@code -Deksnet.updateGolden=true}, e.g. {@code mvn -o test
 * -Dtest='io.eksnet.report.**.*Test' -Deksnet.updateGolden=true}, then review the diff.
 */
final class Golden {

  static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("eksnet.updateGolden")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(
        expected,
        actual,
        () -> name + " differs; if the change is intended, rerun with -Deksnet.updateGolden=true");
  }
}
