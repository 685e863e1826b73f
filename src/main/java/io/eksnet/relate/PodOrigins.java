package io.eksnet.relate;

import io.eksnet.model.ControllerLabels;
import io.eksnet.model.K8sObject;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.PodSource;
import io.eksnet.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For selectors that match no workload of the scan: signs that their pods come from elsewhere
 * ({@link PodsFromElsewhere}). Pod sources and unmatched Services are grouped by namespace, so each
 * selector is only compared with the few of its own namespace.
 */
final class PodOrigins {

  private final Map<String, List<PodSource>> sourcesByNs = new HashMap<>();
  private final Map<String, List<Service>> unmatchedByNs = new HashMap<>();

  private final List<Service> unmatched = new ArrayList<>();

  PodOrigins(
      List<PodSource> sources, List<Service> services, Map<Service, ServiceBackends> backends) {
    for (PodSource p : sources) {
      sourcesByNs.computeIfAbsent(p.getNamespace(), k -> new ArrayList<>()).add(p);
    }
    for (Service s : services) {
      ServiceBackends b = backends.get(s);
      if (s.hasSelector() && b != null && b.getWorkloads().isEmpty()) {
        unmatched.add(s);
        unmatchedByNs.computeIfAbsent(s.getNamespace(), k -> new ArrayList<>()).add(s);
      }
    }
  }

  /** Adds the sign for each Service whose selector matches no workload, when it has one. */
  void services(List<Object> out) {
    for (Service s : unmatched) {
      String sign = sign(s, List.of(LabelSelector.of(s.getSelector())));
      if (sign != null) {
        out.add(new PodsFromElsewhere(s, sign));
      }
    }
  }

  /** Adds the sign for a policy that applies to no workload, when it has one. */
  void policy(K8sObject policy, List<LabelSelector> selectors, List<Object> out) {
    String sign = sign(policy, selectors);
    if (sign != null) {
      out.add(new PodsFromElsewhere(policy, sign));
    }
  }

  /** The first sign that pods with labels any of the selectors select come from elsewhere. */
  String sign(K8sObject selecting, List<LabelSelector> selectors) {
    for (LabelSelector sel : selectors) {
      for (String key : keys(sel)) {
        if (ControllerLabels.KUBECTL_RUN.equals(key)) {
          return "run= is the label kubectl run gives the pods it starts";
        }
        if (ControllerLabels.isControllerKey(key)) {
          return key + " is set by the controller that creates the pods, never in a manifest";
        }
      }
    }
    String ns = selecting.getNamespace();
    for (PodSource p : sourcesByNs.getOrDefault(ns, List.of())) {
      for (LabelSelector sel : selectors) {
        if (p.couldCarry(sel)) {
          return p.getDisplayName() + " makes pods through " + p.getOrigin();
        }
      }
    }
    for (Service other : unmatchedByNs.getOrDefault(ns, List.of())) {
      if (other == selecting) {
        continue;
      }
      for (LabelSelector sel : selectors) {
        boolean same =
            selecting instanceof Service s
                ? subsetEither(s.getSelector(), other.getSelector())
                : sel.matches(other.getSelector());
        if (same) {
          return other.getDisplayName() + " expects the same pods, and no workload has them either";
        }
      }
    }
    return null;
  }

  private static List<String> keys(LabelSelector sel) {
    List<String> keys = new ArrayList<>();
    if (sel.matchLabels() != null) {
      keys.addAll(sel.matchLabels().keySet());
    }
    for (LabelSelector.Requirement r : sel.expressions()) {
      keys.add(r.key());
    }
    return keys;
  }

  private static boolean subsetEither(Map<String, String> a, Map<String, String> b) {
    return a.entrySet().containsAll(b.entrySet()) || b.entrySet().containsAll(a.entrySet());
  }
}
