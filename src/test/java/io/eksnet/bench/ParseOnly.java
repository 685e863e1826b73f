package io.eksnet.bench;

import io.eksnet.source.Discovery;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The parse floor: discovers and loads every file as a scan would (YAML parse, trees, facts) and
 * stops there. Usage: {@code ParseOnly DIR}; prints facts, problems and milliseconds.
 */
public final class ParseOnly {

  private ParseOnly() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Path dir = Path.of(args[0]);
    Discovery.Result found = Discovery.find(dir, List.of(dir), List.of());
    Loader loader = new Loader();
    long facts = 0;
    long problems = 0;
    for (SourceFile f : found.files()) {
      Loader.Loaded l = loader.load(f);
      facts += l.facts().size();
      problems += l.problems().size();
    }
    System.out.printf(
        "parse-only: %d facts, %d problems, %d ms%n",
        facts, problems, (System.nanoTime() - t0) / 1_000_000);
  }
}
