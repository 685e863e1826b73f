package io.eksnet.finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project configuration ({@code .eksnet.yaml}): which rules run, severity overrides,
 * thresholds, excluded paths, the fail-on level, and suppressions by path.
 *
 * @param enable when non-empty, only these rule ids run
 * @param disable rule ids that never run
 * @param severities severity overrides by rule id
 * @param thresholds named numbers the rules read (see README), overriding the defaults
 * @param excludes globs of root-relative paths not to scan
 * @param failOn the lowest severity that fails the scan, or null for the default
 * @param ignores findings to suppress by rule and path glob, each with a reason
 * @param clusters the declared clusters: which files belong together (empty: eksnet decides)
 * @param severityLines the config line of each severity override, for problems about its rule id
 */
public record Config(
    Set<String> enable,
    Set<String> disable,
    Map<String, Severity> severities,
    Map<String, Long> thresholds,
    List<String> excludes,
    String failOn,
    List<Ignore> ignores,
    List<Cluster> clusters,
    Map<String, Integer> severityLines) {

  /** A config suppression: rule id (or {@code *}), root-relative path glob, optional object. */
  public record Ignore(String rule, String path, String object, String reason, int line) {}

  /**
   * A declared cluster: the files (root-relative path globs) whose objects run in one cluster.
   *
   * @param name a name for messages
   * @param paths root-relative path globs
   * @param line the entry's line in the config
   */
  public record Cluster(String name, List<String> paths, int line) {
    public Cluster {
      paths = List.copyOf(paths);
    }
  }

  public static final Config EMPTY =
      new Config(
          Set.of(), Set.of(), Map.of(), Map.of(), List.of(), null, List.of(), List.of(), Map.of());

  public Config {
    enable = Set.copyOf(enable);
    disable = Set.copyOf(disable);
    severities = Map.copyOf(severities);
    thresholds = Map.copyOf(thresholds);
    excludes = List.copyOf(excludes);
    ignores = List.copyOf(ignores);
    clusters = List.copyOf(clusters);
    severityLines = Map.copyOf(severityLines);
  }
}
