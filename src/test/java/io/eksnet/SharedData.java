package io.eksnet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's shared reference data ({@code ../shared} beside the clone). CI has it; a user's fresh
 * clone does not, and tests that need it are skipped with a message saying so.
 */
public final class SharedData {

  private SharedData() {}

  public static Path dir() {
    String override = System.getProperty("eksnet.shared");
    return override != null ? Path.of(override) : Path.of("..", "shared");
  }

  /** The path under shared/, or skips the calling test when it is absent. */
  public static Path require(String relative) {
    Path p = dir().resolve(relative);
    Assumptions.assumeTrue(
        Files.exists(p),
        "skipped: "
            + p.toAbsolutePath().normalize()
            + " is not present (it ships beside the repository in CI only)");
    return p;
  }
}
