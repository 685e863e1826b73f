package io.eksnet.relate.k8s;

import io.eksnet.model.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cilium endpoint selectors: {@code matchLabels} and {@code matchExpressions} ({@code In}, {@code
 * NotIn}, {@code Exists}, {@code DoesNotExist}) over the pod's labels plus the namespace
 * pseudo-label {@code io.kubernetes.pod.namespace}; keys may carry a source prefix ({@code k8s:},
 * {@code any:}). A namespaced policy only ever selects pods of its own namespace.
 */
final class CiliumSelectors {

  static final String NAMESPACE_LABEL = "io.kubernetes.pod.namespace";

  /** Whether one selector covers another: yes, no, or unknown from the selectors alone. */
  enum Cover {
    YES,
    NO,
    UNKNOWN
  }

  private CiliumSelectors() {}

  /** The key without its Cilium source prefix. */
  static String key(String k) {
    return k.startsWith("k8s:") || k.startsWith("any:") ? k.substring(4) : k;
  }

  /** The selector with source prefixes removed from every key. */
  static LabelSelector normalize(LabelSelector sel) {
    if (sel.isNone()) {
      return sel;
    }
    Map<String, String> labels = null;
    if (sel.matchLabels() != null) {
      labels = new HashMap<>();
      for (Map.Entry<String, String> e : sel.matchLabels().entrySet()) {
        labels.put(key(e.getKey()), e.getValue());
      }
    }
    List<LabelSelector.Requirement> reqs = new ArrayList<>();
    for (LabelSelector.Requirement r : sel.expressions()) {
      reqs.add(new LabelSelector.Requirement(key(r.key()), r.operator(), r.values()));
    }
    return new LabelSelector(labels == null ? Map.of() : labels, reqs);
  }

  /**
   * Whether {@code sel} of a policy in {@code policyNs} ({@code ""} for clusterwide) selects a pod
   * of namespace {@code podNs} with {@code podLabels}.
   */
  static boolean matches(
      LabelSelector sel, String policyNs, String podNs, Map<String, String> podLabels) {
    if (sel.isNone() || (!policyNs.isEmpty() && !policyNs.equals(podNs))) {
      return false;
    }
    Map<String, String> labels = new HashMap<>(podLabels);
    labels.put(NAMESPACE_LABEL, podNs);
    return normalize(sel).matches(labels);
  }

  /**
   * Whether every pod that {@code inner} (of a policy in {@code innerNs}) selects is selected by
   * {@code outer} (of a policy in {@code outerNs}); {@code ""} is clusterwide. Decided on the
   * selectors: each requirement of {@code outer} must follow from those of {@code inner} (YES), or
   * one contradicts them (NO); a requirement on a label {@code inner} says nothing about is
   * UNKNOWN.
   */
  static Cover covers(LabelSelector outer, String outerNs, LabelSelector inner, String innerNs) {
    if (outer.isNone() || inner.isNone()) {
      return Cover.NO;
    }
    List<Req> in = requirements(normalize(inner));
    if (!innerNs.isEmpty()) {
      in.add(new Req(NAMESPACE_LABEL, "In", Set.of(innerNs)));
    }
    List<Req> out = requirements(normalize(outer));
    if (!outerNs.isEmpty()) {
      out.add(new Req(NAMESPACE_LABEL, "In", Set.of(outerNs)));
    }
    Cover result = Cover.YES;
    for (Req o : out) {
      Cover c = implied(o, in);
      if (c == Cover.NO) {
        return Cover.NO;
      }
      if (c == Cover.UNKNOWN) {
        result = Cover.UNKNOWN;
      }
    }
    return result;
  }

  private record Req(String key, String op, Set<String> values) {}

  private static List<Req> requirements(LabelSelector sel) {
    List<Req> out = new ArrayList<>();
    if (sel.matchLabels() != null) {
      sel.matchLabels().forEach((k, v) -> out.add(new Req(k, "In", Set.of(v))));
    }
    for (LabelSelector.Requirement r : sel.expressions()) {
      out.add(new Req(r.key(), r.operator(), new HashSet<>(r.values())));
    }
    return out;
  }

  /** Whether the pods meeting every requirement of {@code in} all meet {@code o}. */
  private static Cover implied(Req o, List<Req> in) {
    // what inner says about the key: the values it may take (null: any), and whether it must exist
    Set<String> allowed = null;
    Set<String> excluded = new HashSet<>();
    boolean exists = false;
    boolean absent = false;
    for (Req r : in) {
      if (!r.key().equals(o.key())) {
        continue;
      }
      switch (r.op()) {
        case "In" -> {
          exists = true;
          if (allowed == null) {
            allowed = new HashSet<>(r.values());
          } else {
            allowed.retainAll(r.values());
          }
        }
        case "NotIn" -> excluded.addAll(r.values());
        case "Exists" -> exists = true;
        case "DoesNotExist" -> absent = true;
        default -> {
          return Cover.UNKNOWN; // an operator Kubernetes does not define: inner selects nothing
        }
      }
    }
    if (allowed != null) {
      allowed.removeAll(excluded);
    }
    if ((exists || allowed != null) && absent) {
      return Cover.YES; // inner selects no pod at all
    }
    return switch (o.op()) {
      case "In" -> {
        if (allowed != null) {
          yield o.values().containsAll(allowed)
              ? Cover.YES
              : disjoint(allowed, o.values()) ? Cover.NO : Cover.UNKNOWN;
        }
        yield absent || excluded.containsAll(o.values()) ? Cover.NO : Cover.UNKNOWN;
      }
      case "NotIn" -> {
        if (absent || excluded.containsAll(o.values())) {
          yield Cover.YES;
        }
        if (allowed != null) {
          yield disjoint(allowed, o.values())
              ? Cover.YES
              : o.values().containsAll(allowed) ? Cover.NO : Cover.UNKNOWN;
        }
        yield Cover.UNKNOWN;
      }
      case "Exists" -> exists || allowed != null ? Cover.YES : absent ? Cover.NO : Cover.UNKNOWN;
      case "DoesNotExist" ->
          absent ? Cover.YES : exists || allowed != null ? Cover.NO : Cover.UNKNOWN;
      default -> Cover.NO; // an operator Kubernetes does not define selects nothing
    };
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return false;
      }
    }
    return true;
  }
}
