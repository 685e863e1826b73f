package io.eksnet;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** External programs some tests drive; the tests are skipped with a message when one is missing. */
public final class Tools {

  private Tools() {}

  /** The program's path on the PATH, or null. */
  public static Path find(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** Skips the calling test unless every program is on the PATH. */
  public static void assumeOnPath(String... programs) {
    for (String program : programs) {
      Assumptions.assumeTrue(
          find(program) != null,
          "skipped: `"
              + program
              + "` is not on the PATH (.ci/run installs it; on Debian: apt-get install "
              + program
              + ")");
    }
  }
}
