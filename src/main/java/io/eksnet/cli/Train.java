package io.eksnet.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's class-archive training run (JDK 25+: {@code -XX:AOTCacheOutput}; JDK 17-24: {@code
 * -XX:ArchiveClassesAtExit}): the archive holds the classes this JVM loaded, so it scans what a
 * real run would, once in each report format, so that a SARIF or JSON run does not load the report
 * classes from the jar. The first directory is scanned in every format (the bundled example), the
 * others in text (e.g. the rule fixtures of a source checkout: every input kind, relation and
 * rule); directories that do not exist are skipped. Reports go nowhere; it writes no file.
 */
public final class Train {

  private Train() {}

  public static void main(String[] args) {
    List<Path> dirs = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        dirs.add(p);
      }
    }
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    for (int i = 0; i < dirs.size(); i++) {
      Path d = dirs.get(i);
      for (String format : i == 0 ? List.of("text", "json", "sarif") : List.of("text")) {
        new Main(sink, sink, false, d, Map.of())
            .run("scan", "--quiet", "--fail-on", "none", "--format", format, d.toString());
      }
    }
    System.exit(0);
  }
}
