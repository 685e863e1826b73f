package io.eksnet.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eksnet.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The real inputs the fuzzer mutates, by target: the repository's fixtures and example (always
 * there), the small synthetic seeds in {@code src/test/resources/fuzz-seeds} (a Terraform plan and
 * a config using every key, so those loaders always have seeds), JSON renderings of the YAML
 * fixtures, and the team's corpus in {@code ../shared/corpus} when it is present (CI has it; a
 * fresh clone does not, and those seeds are then skipped with a message).
 */
final class Seeds {

  /** One input: where it came from (for failure reports) and its bytes. */
  record Seed(String name, byte[] bytes) {}

  private static final Path SYNTHETIC = Path.of("src/test/resources/fuzz-seeds");

  private Seeds() {}

  static Map<Target, List<Seed>> load(List<String> messages) {
    Map<Target, List<Seed>> out = new EnumMap<>(Target.class);
    for (Target t : Target.values()) {
      out.put(t, new ArrayList<>());
    }
    for (Path f : files(Path.of("fixtures"), Path.of("examples"), SYNTHETIC)) {
      add(out, f, f.toString().replace('\\', '/'));
    }
    // hostile shapes (issue 12), generated small: wide maps, reference fan-out, repeated CIDRs,
    // star globs and a leading NUL; mutations grow and break them further
    out.get(Target.YAML)
        .add(seed("generated/wide-configmap.yaml", HostileShapes.wideConfigMap(2000)));
    out.get(Target.YAML)
        .add(
            new Seed(
                "generated/leading-nul.yaml",
                HostileShapes.leadingNul(
                    HostileShapes.wideConfigMap(3).getBytes(StandardCharsets.UTF_8))));
    out.get(Target.TERRAFORM)
        .add(seed("generated/module-output-fan-out.tf.json", HostileShapes.moduleOutputFanOut(16)));
    out.get(Target.TERRAFORM)
        .add(seed("generated/same-cidr-subnets.tf.json", HostileShapes.sameCidrPlan(300)));
    out.get(Target.CONFIG)
        .add(seed("generated/star-globs.eksnet.yaml", HostileShapes.manyStarConfig(30)));
    // JSON renderings of the YAML fixtures give the JSON loader Kubernetes objects to chew on
    for (Seed s : List.copyOf(out.get(Target.YAML))) {
      if (s.name().startsWith("fixtures/")) {
        byte[] json = toJson(s.bytes());
        if (json != null) {
          out.get(Target.JSON).add(new Seed(s.name() + " (as JSON)", json));
        }
      }
    }
    Path corpus = SharedData.dir().resolve("corpus");
    if (Files.isDirectory(corpus)) {
      for (String sub : List.of("k8s", "k8s-invalid", "terraform")) {
        for (Path f : files(corpus.resolve(sub))) {
          add(out, f, "corpus/" + corpus.relativize(f).toString().replace('\\', '/'));
        }
      }
    } else {
      messages.add(
          "fuzz: "
              + corpus.toAbsolutePath().normalize()
              + " is not present (it ships beside the repository in CI only): fuzzing the fixtures and"
              + " synthetic seeds only");
    }
    return out;
  }

  private static Seed seed(String name, String text) {
    return new Seed(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void add(Map<Target, List<Seed>> out, Path f, String name) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    Target t;
    if (n.equals(".eksnet.yaml") || n.endsWith(".eksnet.yaml")) {
      t = Target.CONFIG;
    } else if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      t = Target.YAML;
    } else if (n.endsWith(".json")) {
      t = isTerraform(f, name) ? Target.TERRAFORM : Target.JSON;
    } else {
      return;
    }
    try {
      out.get(t).add(new Seed(name, Files.readAllBytes(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isTerraform(Path f, String name) {
    return name.contains("/terraform/") || f.getFileName().toString().endsWith(".tf.json");
  }

  private static List<Path> files(Path... roots) {
    List<Path> out = new ArrayList<>();
    for (Path r : roots) {
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(r)) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** A YAML stream as one JSON document (a {@code List} when it holds several), or null. */
  static byte[] toJson(byte[] yaml) {
    try {
      List<Object> docs = new ArrayList<>();
      for (Object d :
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .loadAll(new String(yaml, StandardCharsets.UTF_8))) {
        if (d != null) {
          docs.add(d);
        }
      }
      Object doc;
      if (docs.size() == 1) {
        doc = docs.get(0);
      } else {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", docs);
        doc = list;
      }
      return new ObjectMapper()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(doc);
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }
}
