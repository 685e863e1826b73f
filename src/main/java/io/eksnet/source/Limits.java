package io.eksnet.source;

/** Safety limits for loading untrusted files; a file past a limit is an input problem. */
record Limits(long maxYamlBytes, long maxJsonBytes, int maxDepth, int maxAliases, long maxNodes) {

  /** Generous for real manifests and plans, small enough to reject hostile files quickly. */
  static final Limits DEFAULT = new Limits(16L << 20, 256L << 20, 100, 100, 2_000_000);
}
