package io.eksnet.finding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of an earlier eksnet SARIF report ({@code --baseline previous.sarif}), to tell new
 * findings from known ones.
 *
 * <p>A finding matches a baseline result by rule id, file (the decoded artifact URI) and the
 * location-independent {@link Fingerprint} stored in {@code
 * result.properties["eksnet/fingerprint"]}: lines are not compared, so edits above a finding keep
 * it "unchanged". Matching counts per key, so two findings on the same object and field are one new
 * and one unchanged when the baseline had one. Baseline results whose {@code baselineState} is
 * {@code absent} are ignored.
 */
public final class Baseline {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Baseline results by (rule, file, fingerprint). */
  private final Map<Key, Integer> counts;

  private Baseline(Map<Key, Integer> counts) {
    this.counts = Map.copyOf(counts);
  }

  private record Key(String ruleId, String file, String fingerprint) {
    static Key of(Finding f) {
      return new Key(f.ruleId(), f.location().file(), Fingerprint.of(f));
    }
  }

  /**
   * How the current findings compare with the baseline.
   *
   * @param unchanged the current findings that were already in the baseline
   * @param newCount how many unsuppressed findings are not in the baseline
   * @param absent how many baseline results no current finding matched (fixed or removed)
   */
  public record Comparison(Set<Finding> unchanged, int newCount, int absent) {

    public Comparison {
      unchanged = Set.copyOf(unchanged);
    }

    /** True when {@code f} was already in the baseline. */
    public boolean isUnchanged(Finding f) {
      return unchanged.contains(f);
    }

    /** How many unsuppressed findings were already in the baseline. */
    public int unchangedCount() {
      return (int) unchanged.stream().filter(f -> !f.isSuppressed()).count();
    }

    /** SARIF's {@code baselineState} of {@code f}: {@code new} or {@code unchanged}. */
    public String state(Finding f) {
      return isUnchanged(f) ? "unchanged" : "new";
    }
  }

  /** A baseline with these findings, as if read back from their SARIF report. */
  public static Baseline of(List<Finding> findings) {
    Map<Key, Integer> counts = new HashMap<>();
    for (Finding f : findings) {
      counts.merge(Key.of(f), 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  /** How many results the baseline holds. */
  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Reads an eksnet SARIF file. Anything that makes it unusable (unreadable, not JSON, not SARIF
   * 2.1.0, not written by eksnet, a result without rule, file or fingerprint) is added to {@code
   * problems} at {@code name} and null is returned: a bad baseline is an input problem, never
   * silently "everything is new".
   */
  /**
   * The largest baseline read: a report lists at most 1,000 findings of each rule, about 2 KiB each
   * in SARIF, so a real one stays far below.
   */
  static final int MAX_BYTES = 256 << 20;

  public static Baseline read(Path file, String name, List<InputProblem> problems) {
    JsonNode root;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      // a device or a wrong file (--baseline /dev/zero, a core dump) must not exhaust the heap
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        problems.add(
            new InputProblem(
                Location.ofFile(name),
                "baseline is larger than "
                    + (MAX_BYTES >> 20)
                    + " MiB, more than eksnet ever writes; is it the right file?"));
        return null;
      }
      root = MAPPER.readTree(bytes);
    } catch (OutOfMemoryError e) {
      problems.add(
          new InputProblem(Location.ofFile(name), "not enough memory to read the baseline"));
      return null;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : at.getLineNr();
      int column = at == null ? 1 : at.getColumnNr();
      problems.add(
          new InputProblem(
              new Location(name, line, column, "", ""),
              "baseline is not valid JSON: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(
          new InputProblem(
              Location.ofFile(name), "cannot read baseline: " + InputProblem.describe(e)));
      return null;
    }
    if (root == null
        || !"2.1.0".equals(root.path("version").asText())
        || !root.path("runs").isArray()) {
      problems.add(
          new InputProblem(
              Location.ofFile(name),
              "baseline is not a SARIF 2.1.0 log (write it with `eksnet scan --format sarif`)"));
      return null;
    }
    Map<Key, Integer> counts = new HashMap<>();
    int unusable = 0;
    String firstUnusable = null;
    for (int r = 0; r < root.path("runs").size(); r++) {
      JsonNode run = root.path("runs").get(r);
      String tool = run.path("tool").path("driver").path("name").asText("");
      if (!"eksnet".equals(tool)) {
        problems.add(
            new InputProblem(
                Location.ofFile(name),
                "baseline run " + r + " was written by '" + tool + "', not eksnet"));
        return null;
      }
      JsonNode results = run.path("results");
      for (int i = 0; i < results.size(); i++) {
        JsonNode res = results.get(i);
        if ("absent".equals(res.path("baselineState").asText())) {
          continue;
        }
        String ruleId = res.path("ruleId").asText("");
        String fingerprint = res.path("properties").path(Fingerprint.SARIF_PROPERTY).asText("");
        String uri =
            res.path("locations")
                .path(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText("");
        String path = decode(uri);
        if (ruleId.isEmpty() || fingerprint.isEmpty() || path == null) {
          unusable++;
          if (firstUnusable == null) {
            firstUnusable = "runs[" + r + "].results[" + i + "]";
          }
          continue;
        }
        counts.merge(new Key(ruleId, path, fingerprint), 1, Integer::sum);
      }
    }
    if (unusable > 0) {
      problems.add(
          new InputProblem(
              Location.ofFile(name),
              unusable
                  + " baseline result(s) lack a rule id, a file or the "
                  + Fingerprint.SARIF_PROPERTY
                  + " property (first: "
                  + firstUnusable
                  + "); was it written by eksnet?"));
      return null;
    }
    return new Baseline(counts);
  }

  /**
   * Compares {@code findings} with the baseline. Unsuppressed findings are matched first, each key
   * in {@link Finding#ORDER}, so when there are more findings than baseline results for a key, the
   * later ones are the new ones.
   */
  public Comparison compare(List<Finding> findings) {
    List<Finding> ordered = new ArrayList<>(findings);
    ordered.sort(
        (a, b) -> {
          int c = Boolean.compare(a.isSuppressed(), b.isSuppressed());
          return c != 0 ? c : Finding.ORDER.compare(a, b);
        });
    Map<Key, Integer> left = new HashMap<>(counts);
    Set<Finding> unchanged = new LinkedHashSet<>();
    int fresh = 0;
    for (Finding f : ordered) {
      Key k = Key.of(f);
      int n = left.getOrDefault(k, 0);
      if (n > 0) {
        left.put(k, n - 1);
        unchanged.add(f);
      } else if (!f.isSuppressed()) {
        fresh++;
      }
    }
    int absent = left.values().stream().mapToInt(Integer::intValue).sum();
    return new Comparison(unchanged, fresh, absent);
  }

  /**
   * The path of a relative artifact URI ({@code a%20b/c.yaml} → {@code a b/c.yaml}); null if none.
   */
  private static String decode(String uri) {
    if (uri.isEmpty()) {
      return null;
    }
    try {
      URI u = new URI(uri);
      return u.isAbsolute() || u.getPath() == null || u.getPath().isEmpty() ? null : u.getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
