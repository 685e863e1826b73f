package io.eksnet.bench;

import io.eksnet.model.Thresholds;
import io.eksnet.source.Discovery;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The facts of every file under a folder, as a scan loads them, with default thresholds. */
final class BenchFacts {

  private BenchFacts() {}

  static List<Object> load(Path dir) {
    Discovery.Result found = Discovery.find(dir, List.of(dir), List.of());
    Loader loader = new Loader();
    List<Object> facts = new ArrayList<>();
    for (SourceFile f : found.files()) {
      facts.addAll(loader.load(f).facts());
    }
    facts.add(new Thresholds(Map.of()));
    return facts;
  }
}
