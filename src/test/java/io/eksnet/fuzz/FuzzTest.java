package io.eksnet.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the whole scan (README, "Robustness"). For every target (YAML, JSON and
 * Terraform JSON manifests, the config file) it mutates real seeds and checks every {@link Harness}
 * guarantee on each case. A failing case is reported with its seed, the mutations that made it, the
 * broken guarantees and the input minimised by {@link Minimiser} (also written to {@code
 * target/fuzz-failures/}, ready to become a regression file).
 *
 * <p>System properties: {@code eksnet.fuzz.cases} cases per target (default 1500, the CI size);
 * {@code eksnet.fuzz.seed} the run's seed (default fixed, so CI is reproducible; {@code random}
 * picks one and prints it); {@code eksnet.fuzz.targets} e.g. {@code YAML,CONFIG}; {@code
 * eksnet.fuzz.boundMs} the time one case may take (2000), plus as much per MiB of input; {@code
 * eksnet.fuzz.replay} e.g. {@code YAML:-4962768465676381896} runs one case again and prints it.
 */
class FuzzTest {

  static final long DEFAULT_SEED = 0x65_6b_73_6e_65_74L; // "eksnet"
  static final int DEFAULT_CASES = 1500;
  static final Path FAILURES = Path.of("target", "fuzz-failures");

  /** Every 8th case also goes through the CLI; every 10th is scanned twice and compared. */
  private static final int MAIN_EVERY = 8;

  private static final int TWICE_EVERY = 10;

  @TempDir Path work;

  @Test
  void wholeScanKeepsItsGuaranteesOnMutatedInputs() throws IOException {
    List<String> messages = new ArrayList<>();
    Map<Target, List<Seeds.Seed>> seeds = Seeds.load(messages);
    messages.forEach(System.out::println);
    long bound = Long.getLong("eksnet.fuzz.boundMs", 2000);
    Harness harness = new Harness(work, bound, Math.max(20_000, bound * 10));

    String replay = System.getProperty("eksnet.fuzz.replay");
    if (replay != null) {
      replay(replay, seeds, harness);
      return;
    }
    int cases = Integer.getInteger("eksnet.fuzz.cases", DEFAULT_CASES);
    long runSeed = runSeed();
    List<Target> targets = targets();
    StringBuilder report = new StringBuilder();
    Map<Target, String> summary = new EnumMap<>(Target.class);
    for (Target t : targets) {
      List<Seeds.Seed> ss = seeds.get(t);
      if (ss.isEmpty()) {
        summary.put(t, "no seeds");
        continue;
      }
      Map<String, Failure> failures = new LinkedHashMap<>();
      long t0 = System.nanoTime();
      long slowest = 0;
      long slowestSeed = 0;
      for (int i = 0; i < cases; i++) {
        long caseSeed = caseSeed(runSeed, t, i);
        Case c = build(caseSeed, t, ss);
        long c0 = System.nanoTime();
        List<Harness.Violation> vs = harness.check(t, c.input, mode(i));
        long ms = (System.nanoTime() - c0) / 1_000_000;
        if (ms > slowest) {
          slowest = ms;
          slowestSeed = caseSeed;
        }
        for (Harness.Violation v : vs) {
          failures.computeIfAbsent(v.signature(), k -> new Failure(c, v)).count++;
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      summary.put(
          t,
          String.format(
              Locale.ROOT,
              "%d cases from %d seeds in %.1f s (slowest case %d ms: %s:%d), %d failing signature(s)",
              cases,
              ss.size(),
              secs,
              slowest,
              t,
              slowestSeed,
              failures.size()));
      for (Failure f : failures.values()) {
        report.append(describe(f, harness));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "fuzz: run seed %d (-Deksnet.fuzz.seed=%d), bound %d ms%n",
        runSeed,
        runSeed,
        bound);
    summary.forEach((t, s) -> System.out.println("fuzz: " + t + ": " + s));
    if (Boolean.getBoolean("eksnet.fuzz.stats")) {
      harness.outcomes().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(
              e -> System.out.printf(Locale.ROOT, "fuzz: %6d  %s%n", e.getValue(), e.getKey()));
    }
    harness
        .phaseNanos()
        .forEach(
            (k, v) -> System.out.printf(Locale.ROOT, "fuzz: time in %s: %.1f s%n", k, v / 1e9));
    if (!report.isEmpty()) {
      fail(
          "the fuzzer broke guarantees (minimised inputs in "
              + FAILURES.toAbsolutePath()
              + "):\n"
              + report);
    }
  }

  /** A generated case: which seed, which mutations, the resulting bytes. */
  record Case(Target target, long caseSeed, String seedName, List<String> steps, byte[] input) {}

  private static final class Failure {
    final Case c;
    final Harness.Violation first;
    int count;

    Failure(Case c, Harness.Violation first) {
      this.c = c;
      this.first = first;
    }
  }

  static Case build(long caseSeed, Target t, List<Seeds.Seed> seeds) {
    Random r = new Random(caseSeed);
    Seeds.Seed s = seeds.get(r.nextInt(seeds.size()));
    Mutator.Mutated m = new Mutator(r, t, seeds).mutate(s.bytes());
    return new Case(t, caseSeed, s.name(), m.steps(), m.bytes());
  }

  static long caseSeed(long runSeed, Target t, int i) {
    long z = runSeed * 0x9E3779B97F4A7C15L + (t.ordinal() + 1L) * 0xBF58476D1CE4E5B9L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Harness.Mode mode(int i) {
    return new Harness.Mode(i % MAIN_EVERY == 0, i % TWICE_EVERY == 3);
  }

  private static long runSeed() {
    String s = System.getProperty("eksnet.fuzz.seed");
    if (s == null || s.isBlank()) {
      return DEFAULT_SEED;
    }
    return "random".equals(s) ? new Random().nextLong() : Long.parseLong(s.trim());
  }

  private static List<Target> targets() {
    String s = System.getProperty("eksnet.fuzz.targets");
    if (s == null || s.isBlank()) {
      return List.of(Target.values());
    }
    List<Target> out = new ArrayList<>();
    for (String x : s.split(",")) {
      out.add(Target.valueOf(x.trim().toUpperCase(Locale.ROOT)));
    }
    return out;
  }

  private void replay(String spec, Map<Target, List<Seeds.Seed>> seeds, Harness harness) {
    String[] p = spec.split(":", 2);
    Target t = Target.valueOf(p[0].toUpperCase(Locale.ROOT));
    Case c = build(Long.parseLong(p[1]), t, seeds.get(t));
    List<Harness.Violation> vs = harness.check(t, c.input, new Harness.Mode(true, true));
    Path file = save(c.target, c.caseSeed, "replay", c.input);
    System.out.println(
        "fuzz replay " + spec + ": seed " + c.seedName + ", " + c.steps + ", input in " + file);
    vs.forEach(v -> System.out.println("  " + v));
    if (!vs.isEmpty()) {
      fail("replayed case breaks " + vs.size() + " guarantee(s): " + vs);
    }
  }

  /** The failure report: seed, mutations, violations, the minimised input. */
  private String describe(Failure f, Harness harness) {
    Case c = f.c;
    String signature = f.first.signature();
    boolean timing = signature.startsWith("slow") || signature.startsWith("hang");
    // a hang or slow case is minimised with a harness that gives up sooner
    Harness probe =
        timing ? new Harness(work, harness.boundMillis(), harness.boundMillis() * 3) : harness;
    Minimiser min =
        new Minimiser(
            in ->
                probe.check(c.target, in, Harness.Mode.SCANNER).stream()
                    .anyMatch(v -> v.signature().equals(signature)),
            timing ? 60 : 4000);
    byte[] small = min.minimise(c.input);
    Path file = save(c.target, c.caseSeed, "min", small);
    save(c.target, c.caseSeed, "full", c.input);
    StringBuilder sb = new StringBuilder();
    sb.append("\n== ").append(signature).append(" (").append(f.count).append(" case(s))\n");
    sb.append("   first: ").append(f.first).append('\n');
    sb.append("   replay: -Deksnet.fuzz.replay=")
        .append(c.target)
        .append(':')
        .append(c.caseSeed)
        .append('\n');
    sb.append("   seed file: ")
        .append(c.seedName)
        .append("; mutations: ")
        .append(c.steps)
        .append('\n');
    sb.append("   minimised (").append(small.length).append(" bytes, ").append(file).append("):\n");
    sb.append(show(small));
    return sb.toString();
  }

  static Path save(Target t, long caseSeed, String kind, byte[] b) {
    try {
      Files.createDirectories(FAILURES);
      String ext = t == Target.CONFIG ? ".config.yaml" : t.isYaml() ? ".yaml" : ".json";
      Path p =
          FAILURES.resolve(
              t.name().toLowerCase(Locale.ROOT)
                  + "-"
                  + Long.toUnsignedString(caseSeed, 36)
                  + "-"
                  + kind
                  + ext);
      Files.write(p, b);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Printable text as is (escapes for the rest), cut at 3000 characters, plus base64 when not
   * plain.
   */
  static String show(byte[] b) {
    String text = new String(b, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder("   | ");
    boolean plain = true;
    int n = 0;
    for (int i = 0; i < text.length() && n < 3000; i++, n++) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        sb.append("\n   | ");
      } else if (ch < 0x20 && ch != '\t'
          || ch >= 0x7f && ch < 0xa0
          || Character.isSurrogate(ch)
          || ch == '\ufffd') {
        sb.append(String.format("\\u%04x", (int) ch));
        plain = false;
      } else {
        sb.append(ch);
      }
    }
    if (text.length() > 3000) {
      sb.append("… (").append(text.length()).append(" chars)");
    }
    sb.append('\n');
    if (!plain && b.length <= 4096) {
      sb.append("   base64: ").append(Base64.getEncoder().encodeToString(b)).append('\n');
    }
    return sb.toString();
  }
}
