package io.eksnet.source;

/**
 * Safety limits for loading untrusted files; a file past a limit is an input problem.
 *
 * @param maxYamlBytes larger YAML files are skipped
 * @param maxJsonBytes larger JSON files are skipped
 * @param maxDepth deeper nesting is rejected
 * @param maxAliases more aliases of collections are rejected (SnakeYAML's own limit)
 * @param maxNodes nodes built, aliases expanded and merged keys visited per file
 * @param maxLoadMillis wall-clock time one file may take to load: a backstop behind the limits
 *     above (which bound the work), so that nothing a file holds can stall a scan
 */
record Limits(
    long maxYamlBytes,
    long maxJsonBytes,
    int maxDepth,
    int maxAliases,
    long maxNodes,
    long maxLoadMillis) {

  /**
   * Generous for real manifests and plans (a 16 MiB manifest loads in about 4 s), small enough to
   * reject hostile files quickly. JSON takes about 7 times its size in heap while it loads (a 250
   * MiB file needed 1.77 GB), so 64 MiB fits the default heap of a 4 GB CI runner (1 GB); past the
   * heap, a file is an input problem (see ScanInputs), not a crash.
   */
  static final Limits DEFAULT = new Limits(16L << 20, 64L << 20, 100, 100, 2_000_000, 10_000);

  Limits(long maxYamlBytes, long maxJsonBytes, int maxDepth, int maxAliases, long maxNodes) {
    this(maxYamlBytes, maxJsonBytes, maxDepth, maxAliases, maxNodes, DEFAULT.maxLoadMillis());
  }

  /** A clock for one file, started now. */
  Deadline deadline() {
    return new Deadline(System.nanoTime() + maxLoadMillis * 1_000_000, maxLoadMillis);
  }

  /** When loading one file must stop. */
  record Deadline(long atNanos, long millis) {
    boolean passed() {
      return System.nanoTime() - atNanos > 0;
    }

    String message() {
      return "file took longer than "
          + (millis >= 1000 ? millis / 1000 + " s" : millis + " ms")
          + " to load; skipped";
    }
  }
}
