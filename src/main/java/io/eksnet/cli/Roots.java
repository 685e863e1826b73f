package io.eksnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root report paths are made relative to. */
final class Roots {

  private Roots() {}

  /** The nearest ancestor (or self) holding {@code .git}, else the current directory. */
  static Path find(Path start) {
    Path p = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      p = p.getParent();
    }
    for (Path d = p; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return Path.of("").toAbsolutePath();
  }
}
