package io.eksnet.scan;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root report paths are made relative to. */
public final class Roots {

  private Roots() {}

  /**
   * The nearest ancestor (or self) of {@code start} holding {@code .git} (a directory, or a file in
   * a worktree or submodule), else {@code fallback}.
   */
  public static Path find(Path start, Path fallback) {
    Path p = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      p = p.getParent();
    }
    for (Path d = p; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return fallback;
  }
}
