package io.eksnet.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers the rules compare against, with documented defaults; {@code .eksnet.yaml} may override
 * them under {@code thresholds:}. Inserted into the rule session as a fact.
 */
public final class Thresholds {

  /** Defaults by name. Every name here is documented in the README. */
  public static final Map<String, Long> DEFAULTS =
      Map.of(
          "ipvsServiceCount", 5000L,
          "subnetUtilizationPercent", 80L,
          "nodeLocalDnsWorkloads", 50L,
          "egressExceptHolePrefix", 8L,
          "prefixDelegationPodMemoryMib", 64L);

  private final Map<String, Long> values;

  public Thresholds(Map<String, Long> overrides) {
    Map<String, Long> v = new TreeMap<>(DEFAULTS);
    v.putAll(overrides);
    this.values = Map.copyOf(v);
  }

  public long get(String name) {
    Long v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown threshold " + name);
    }
    return v;
  }

  public Map<String, Long> getValues() {
    return values;
  }
}
