package io.eksnet.aws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project root and the reference data in {@code ../shared/data} beside it. */
final class SharedData {
  private SharedData() {}

  /** The project root: Maven's {@code basedir}, else the working directory. */
  static Path projectRoot() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
  }

  /** {@code ../shared/data} relative to the project root (it may not exist). */
  static Path dataDir() {
    return projectRoot().resolve("../shared/data").normalize();
  }

  static boolean has(String file) {
    return Files.isRegularFile(dataDir().resolve(file));
  }

  /** The shipped table inside the source tree. */
  static Path shippedTable() {
    return projectRoot().resolve("src/main/resources/io/eksnet/aws/" + InstanceTable.RESOURCE);
  }
}
