package io.eksnet.source;

import io.eksnet.model.Tree;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The loader against its floor, for {@code bench/loader.sh}: one measurement per JVM (a scan is a
 * cold run), printed as {@code MODE process-CPU-ms thread-CPU-ms wall-ms GC-pause-ms
 * documents-or-facts}.
 *
 * <ul>
 *   <li>{@code snakeyaml}: plain SnakeYAML, the version and {@link LoaderOptions} settings eksnet
 *       uses: every {@code *.yaml} file of the folder read as UTF-8 and composed with {@code new
 *       Yaml(options).composeAll(reader)}, each document dropped when composed. Composing (nodes
 *       with their positions, no Java objects constructed) is what eksnet asks of SnakeYAML, so it
 *       is the floor: {@code load} would construct maps and lists eksnet never builds.
 *   <li>{@code trees}: eksnet's discovery, reading and decoding, and its YAML reader to {@link
 *       Tree}s (positions, duplicate keys, tags, limits), the trees kept as a scan keeps them.
 *   <li>{@code loader}: the same with the facts built ({@link Loader#load}, what a scan's loading
 *       threads do), on one thread like the others.
 * </ul>
 *
 * Usage: {@code LoaderFloor MODE DIR}. Process CPU time (JIT and GC threads included) and the main
 * thread's, from before the first file to after the last.
 */
public final class LoaderFloor {

  private LoaderFloor() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long process = os.getProcessCpuTime();
    long thread = threads.getCurrentThreadCpuTime();
    long count =
        switch (mode) {
          case "snakeyaml" -> snakeYaml(dir);
          case "trees" -> trees(dir);
          case "loader" -> loader(dir);
          default -> throw new IllegalArgumentException("mode: snakeyaml, trees or loader");
        };
    long gcMs = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMs += gc.getCollectionTime();
    }
    System.out.printf(
        "%s %d %d %d %d %d%n",
        mode,
        (os.getProcessCpuTime() - process) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - thread) / 1_000_000,
        (System.nanoTime() - wall) / 1_000_000,
        gcMs,
        count);
    if (System.getenv("LOADER_FLOOR_THREADS") != null) {
      System.out.println(threadCpu());
    }
  }

  /** CPU ms of this process's threads by name, from /proc (Linux), the costliest first. */
  static String threadCpu() throws IOException {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    long tick = 10; // USER_HZ is 100 on Linux
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        String stat = Files.readString(t.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
        byName.merge(name.replaceAll("[0-9]+$", "#"), ms, Long::sum);
      }
    }
    StringBuilder out = new StringBuilder("threads (CPU ms, whole process):");
    byName.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() > 0)
        .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue()));
    return out.toString();
  }

  /** The options {@link YamlLoader#load} sets, for a text of {@code length} characters. */
  static LoaderOptions options(int length) {
    Limits limits = Limits.DEFAULT;
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true);
    opts.setMaxAliasesForCollections(limits.maxAliases());
    opts.setNestingDepthLimit(limits.maxDepth());
    opts.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(length * 2L + 1024, 1024)));
    opts.setAllowRecursiveKeys(false);
    opts.setTagInspector(tag -> true);
    return opts;
  }

  private static long snakeYaml(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    long docs = 0;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (Node n : new Yaml(options(text.length())).composeAll(new java.io.StringReader(text))) {
        if (n != null) {
          docs++;
        }
      }
    }
    return docs;
  }

  private static long trees(Path dir) throws IOException {
    Discovery.Result found = Discovery.find(dir, List.of(dir), List.of());
    List<Tree> kept = new ArrayList<>();
    java.util.Map<String, String> strings = new java.util.HashMap<>();
    for (SourceFile f : found.files()) {
      String text = Encoding.decode(Files.readAllBytes(f.path())).text();
      kept.addAll(new YamlLoader(Limits.DEFAULT, strings).load(text).documents());
    }
    return kept.size();
  }

  private static long loader(Path dir) {
    Discovery.Result found = Discovery.find(dir, List.of(dir), List.of());
    Loader loader = new Loader();
    List<Object> facts = new ArrayList<>();
    for (SourceFile f : found.files()) {
      facts.addAll(loader.load(f).facts());
    }
    return facts.size();
  }
}
