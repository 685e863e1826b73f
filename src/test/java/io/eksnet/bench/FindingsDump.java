package io.eksnet.bench;

import io.eksnet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every finding of every fixture case, corpus and real-repository folder, the example and the
 * custom-rule examples, each scanned on its own in one JVM (the JSON report and the exit code), so
 * that a restructuring can be shown to change no finding: dump before, dump after, diff.
 *
 * <p>Usage: {@code FindingsDump OUT [SHARED-DIR] [EXTRA-REPOS-DIR...]} run from the repository
 * root; further options for every scan (e.g. {@code --enable=ID,ID}) go in the system property
 * {@code eksnet.dump.options}, separated by spaces.
 */
public final class FindingsDump {

  private FindingsDump() {}

  public static void main(String[] args) throws IOException {
    Path outFile = Path.of(args[0]);
    Path shared = Path.of(args.length > 1 ? args[1] : "../shared");
    List<String> extraOptions = new ArrayList<>();
    String opts = System.getProperty("eksnet.dump.options", "").trim();
    if (!opts.isEmpty()) {
      extraOptions.addAll(List.of(opts.split("\\s+")));
    }
    List<Path[]> targets = new ArrayList<>(); // {dir, rulesDir or null}
    for (Path rule : folders(Path.of("fixtures"))) {
      for (Path c : folders(rule)) {
        targets.add(new Path[] {c, null});
      }
    }
    for (String group : List.of("k8s", "k8s-invalid", "terraform", "terraform-hcl")) {
      for (Path d : folders(shared.resolve("corpus").resolve(group))) {
        targets.add(new Path[] {d, null});
      }
    }
    for (Path d : folders(shared.resolve("realrepos"))) {
      targets.add(new Path[] {d, null});
    }
    for (int i = 2; i < args.length; i++) {
      for (Path d : folders(Path.of(args[i]))) {
        targets.add(new Path[] {d, null});
      }
    }
    targets.add(new Path[] {Path.of("examples/shop"), null});
    for (Path example : folders(Path.of("examples/custom-rules"))) {
      for (Path c : folders(example)) {
        targets.add(new Path[] {c, example});
      }
    }
    StringBuilder dump = new StringBuilder();
    for (Path[] t : targets) {
      Path dir = t[0].toAbsolutePath().normalize();
      List<String> argv = new ArrayList<>(List.of("scan", "--root", dir.toString()));
      if (t[1] != null) {
        argv.add("--rules");
        argv.add(t[1].toAbsolutePath().normalize().toString());
      }
      argv.addAll(List.of("--format", "json", "--fail-on", "info", "--no-color"));
      argv.addAll(extraOptions);
      argv.add(dir.toString());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          new Main(
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8),
                  false)
              .run(argv.toArray(String[]::new));
      dump.append("=== ")
          .append(t[1] == null ? "" : "--rules " + t[1] + " ")
          .append(t[0])
          .append(" exit ")
          .append(code)
          .append('\n')
          .append(out.toString(StandardCharsets.UTF_8))
          .append('\n');
    }
    Files.writeString(outFile, dump.toString(), StandardCharsets.UTF_8);
    System.out.println("dumped " + targets.size() + " scans to " + outFile);
  }

  private static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }
}
