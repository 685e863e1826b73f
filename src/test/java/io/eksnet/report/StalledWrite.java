package io.eksnet.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM for {@link AtomicFileKillTest}: starts writing a report with {@link AtomicFile}, says
 * so on standard output once half of it is on disk, and stalls until it is killed.
 */
public final class StalledWrite {

  private StalledWrite() {}

  public static void main(String[] args) throws IOException {
    AtomicFile.write(
        Path.of(args[0]),
        out -> {
          out.write("{\"version\": \"2.1.0\", \"runs\": [".getBytes(StandardCharsets.UTF_8));
          out.write("x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
          out.flush();
          System.out.println("HALF WRITTEN");
          System.out.flush();
          try {
            Thread.sleep(600_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
