package io.eksnet.relate.k8s;

import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted index (namespace, label key, label value) → workloads, so a Service's selector is
 * matched by intersecting the shortest posting list instead of testing every workload.
 */
final class LabelIndex {

  private record Key(String namespace, String label, String value) {}

  private final Map<Key, List<Workload>> postings = new HashMap<>();
  private final Map<String, List<Workload>> byNamespace = new HashMap<>();

  LabelIndex(List<Workload> workloads) {
    for (Workload w : workloads) {
      byNamespace.computeIfAbsent(w.getNamespace(), k -> new ArrayList<>()).add(w);
      for (Map.Entry<String, String> e : w.getPodLabels().entrySet()) {
        postings
            .computeIfAbsent(
                new Key(w.getNamespace(), e.getKey(), e.getValue()), k -> new ArrayList<>())
            .add(w);
      }
    }
  }

  /**
   * Workloads of a namespace a full label selector selects: candidates come from the posting lists
   * of its matchLabels (or the namespace's workloads when it has none), then the whole selector is
   * checked.
   */
  List<Workload> select(
      String namespace, io.eksnet.model.LabelSelector selector, List<Workload> all) {
    if (selector.isNone()) {
      return List.of();
    }
    List<Workload> candidates;
    if (selector.matchLabels() != null && !selector.matchLabels().isEmpty()) {
      candidates = select(namespace, selector.matchLabels());
    } else {
      candidates = byNamespace.getOrDefault(namespace, List.of());
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : candidates) {
      if (selector.matches(w.getPodLabels())) {
        out.add(w);
      }
    }
    return out;
  }

  /** All workloads of a namespace. */
  List<Workload> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /** Workloads whose pod labels contain every pair of a non-empty equality selector. */
  List<Workload> select(String namespace, Map<String, String> selector) {
    List<Workload> shortest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<Workload> p = postings.get(new Key(namespace, e.getKey(), e.getValue()));
      if (p == null) {
        return List.of();
      }
      if (shortest == null || p.size() < shortest.size()) {
        shortest = p;
      }
    }
    if (shortest == null) {
      return List.of();
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : shortest) {
      boolean all = true;
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(w.getPodLabels().get(e.getKey()))) {
          all = false;
          break;
        }
      }
      if (all) {
        out.add(w);
      }
    }
    return out;
  }
}
