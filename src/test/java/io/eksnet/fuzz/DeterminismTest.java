package io.eksnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.cli.Main;
import io.eksnet.report.Format;
import io.eksnet.report.ReportOptions;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give byte-identical SARIF and JSON whatever the order they reach eksnet in: two
 * trees with the same files created in opposite orders (file systems that keep creation order, such
 * as tmpfs, then list them in opposite orders), explicit file arguments in shuffled orders, and
 * overlapping arguments. The inputs are every seed of the fuzzer (fixtures, the example, the corpus
 * when present), the fuzz regressions and a hundred mutated files, so findings, suppressions, notes
 * and input problems of every kind are in the reports. The files are loaded on several threads: the
 * reports are also the same with one loading thread and with several.
 */
class DeterminismTest {

  @TempDir Path tmp;

  /** Relative path → content of every input. */
  private final Map<String, byte[]> inputs = new TreeMap<>();

  @BeforeEach
  void collectInputs() throws IOException {
    Map<Target, List<Seeds.Seed>> seeds = Seeds.load(new ArrayList<>());
    int n = 0;
    for (Map.Entry<Target, List<Seeds.Seed>> e : seeds.entrySet()) {
      if (e.getKey() == Target.CONFIG) {
        continue; // one config at the root below; config seeds elsewhere would just be YAML
      }
      String ext = e.getKey() == Target.YAML ? ".yaml" : ".json";
      for (Seeds.Seed s : e.getValue()) {
        inputs.put(
            "seeds/" + e.getKey().name().toLowerCase() + "/" + (n++) + "-" + safe(s.name()) + ext,
            s.bytes());
      }
      // mutated copies: broken files, odd encodings, type confusion
      Random r = new Random(42 + e.getKey().ordinal());
      for (int i = 0; i < 40; i++) {
        Seeds.Seed s = e.getValue().get(r.nextInt(e.getValue().size()));
        byte[] m = new Mutator(r, e.getKey(), e.getValue()).mutate(s.bytes()).bytes();
        inputs.put("mutated/" + e.getKey().name().toLowerCase() + "/m" + i + ext, m);
      }
    }
    try (Stream<Path> s = Files.list(FuzzRegressionTest.DIR)) {
      for (Path p : s.sorted().toList()) {
        Target t = FuzzRegressionTest.target(p);
        if (t != null && t != Target.CONFIG) {
          inputs.put("regressions/" + p.getFileName(), Files.readAllBytes(p));
        }
      }
    }
    // the same objects in two files, and suppressions in a config, to exercise every tie-break
    String dup =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
        spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        """;
    inputs.put("dup/a.yaml", dup.getBytes(StandardCharsets.UTF_8));
    inputs.put("dup/b.yaml", dup.getBytes(StandardCharsets.UTF_8));
    inputs.put(
        ".eksnet.yaml",
        """
        thresholds: {ipvsServiceCount: 2, nodeLocalDnsWorkloads: 2}
        ignore:
          - rule: EKS-SVC-001
            path: "dup/b.yaml"
            reason: "fronted by a proxy"
        """
            .getBytes(StandardCharsets.UTF_8));
  }

  private static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 60 ? s.substring(s.length() - 60) : s;
  }

  /** A tree with the inputs, created in the given order of relative paths. */
  private Path tree(String name, List<String> order) throws IOException {
    Path root = tmp.resolve(name);
    for (String rel : order) {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.write(p, inputs.get(rel));
    }
    return root;
  }

  private static List<String> reports(ScanResult r) {
    ReportOptions o = ReportOptions.defaults();
    return List.of(Format.SARIF.render(r, o), Format.JSON.render(r, o), Format.TEXT.render(r, o));
  }

  @Test
  void reportsAreByteIdenticalWhateverTheFileAndArgumentOrder() throws IOException {
    List<String> sorted = new ArrayList<>(inputs.keySet());
    List<String> reversed = new ArrayList<>(sorted);
    Collections.reverse(reversed);
    Path a = tree("a", sorted);
    Path b = tree("b", reversed);

    List<String> expected = reports(new Scanner().scan(ScanRequest.of(a, List.of(a))));
    JsonNode json = new ObjectMapper().readTree(expected.get(1));
    assertTrue(json.path("problems").size() > 10, "the inputs include broken files");
    assertTrue(json.path("summary").path("suppressed").asInt() > 0, "and a suppression");
    assertTrue(json.path("findings").size() > 50, "and many findings");

    assertEquals(
        expected,
        reports(new Scanner().scan(ScanRequest.of(b, List.of(b)))),
        "tree created in the opposite order");
    Random r = new Random(7);
    for (int i = 0; i < 3; i++) {
      List<Path> files = new ArrayList<>();
      for (String rel : sorted) {
        files.add(b.resolve(rel));
      }
      Collections.shuffle(files, r);
      assertEquals(
          expected,
          reports(new Scanner().scan(ScanRequest.of(b, files))),
          "files given in shuffled order " + i);
    }
    List<Path> overlapping = new ArrayList<>();
    try (Stream<Path> s = Files.list(b)) {
      s.sorted(Collections.reverseOrder()).forEach(overlapping::add);
    }
    overlapping.add(b);
    overlapping.add(b.resolve("dup/a.yaml"));
    assertEquals(
        expected,
        reports(new Scanner().scan(ScanRequest.of(b, overlapping))),
        "overlapping arguments");
  }

  @Test
  void reportsAreByteIdenticalWhateverTheLoadingThreadCount() throws IOException {
    Path a = tree("a", new ArrayList<>(inputs.keySet()));
    String before = System.getProperty("eksnet.loadThreads");
    try {
      System.setProperty("eksnet.loadThreads", "1");
      List<String> one = reports(new Scanner().scan(ScanRequest.of(a, List.of(a))));
      assertTrue(
          new ObjectMapper().readTree(one.get(1)).path("problems").size() > 10,
          "the inputs include broken files (problems from the loading threads)");
      for (String threads : List.of("2", "3", "8")) {
        System.setProperty("eksnet.loadThreads", threads);
        for (int i = 0; i < 2; i++) {
          assertEquals(
              one,
              reports(new Scanner().scan(ScanRequest.of(a, List.of(a)))),
              threads + " loading threads, run " + i);
        }
      }
    } finally {
      if (before == null) {
        System.clearProperty("eksnet.loadThreads");
      } else {
        System.setProperty("eksnet.loadThreads", before);
      }
    }
  }

  @Test
  void cliReportFilesAreByteIdenticalForTreesCreatedInOppositeOrders() throws IOException {
    List<String> sorted = new ArrayList<>(inputs.keySet());
    List<String> reversed = new ArrayList<>(sorted);
    Collections.reverse(reversed);
    Path a = tree("a", sorted);
    Path b = tree("b", reversed);
    for (String format : List.of("sarif", "json")) {
      Path ra = tmp.resolve("out/a." + format);
      Path rb = tmp.resolve("out/b." + format);
      int ca =
          cli(
              "scan",
              "--root",
              a.toString(),
              "--format",
              format,
              "--output",
              ra.toString(),
              a.toString());
      int cb =
          cli(
              "scan",
              "--root",
              b.toString(),
              "--format",
              format,
              "--output",
              rb.toString(),
              b.resolve("seeds").toString(),
              b.resolve("regressions").toString(),
              b.toString());
      assertEquals(2, ca, "the inputs include broken files");
      assertEquals(ca, cb);
      assertEquals(Files.readString(ra), Files.readString(rb), format);
    }
  }

  private static int cli(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return new Main(ps, ps, false).run(args);
  }
}
