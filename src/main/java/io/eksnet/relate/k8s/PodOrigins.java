package io.eksnet.relate.k8s;

import io.eksnet.model.ControllerLabels;
import io.eksnet.model.K8sObject;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.NetworkPolicy;
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

  private final List<PodSource> allSources;
  private final Map<String, List<PodSource>> sourcesByNs = new HashMap<>();
  private final List<PodSource> floating = new ArrayList<>();

  /** Labels another object of the scan expects pods to have, and no workload of the scan has. */
  private record Expectation(K8sObject by, Map<String, String> labels, String how) {}

  private final Map<String, Map<Map<String, String>, List<Expectation>>> bySubset = new HashMap<>();

  private final List<Service> unmatched = new ArrayList<>();

  PodOrigins(
      List<PodSource> sources,
      List<Service> services,
      Map<Service, ServiceBackends> backends,
      List<NetworkPolicy> policies,
      LabelIndex index) {
    this.allSources = List.copyOf(sources);
    for (PodSource p : sources) {
      if (p.isNamespaceWritten()) {
        sourcesByNs.computeIfAbsent(p.getNamespace(), k -> new ArrayList<>()).add(p);
      } else {
        floating.add(p);
      }
    }
    for (Service s : services) {
      ServiceBackends b = backends.get(s);
      if (s.hasSelector() && b != null && b.getWorkloads().isEmpty()) {
        unmatched.add(s);
        expect(new Expectation(s, s.getSelector(), "expects the same pods"));
      }
    }
    for (NetworkPolicy p : policies) {
      for (NetworkPolicy.Rule r : p.getIngress()) {
        peers(p, r, "admits traffic from the same pods", index);
      }
      for (NetworkPolicy.Rule r : p.getEgress()) {
        peers(p, r, "lets the same pods be reached", index);
      }
    }
  }

  /** Peers of the policy's own namespace given by matchLabels that select no workload. */
  private void peers(NetworkPolicy p, NetworkPolicy.Rule r, String how, LabelIndex index) {
    for (NetworkPolicy.Peer peer : r.peers()) {
      LabelSelector sel = peer.podSelector();
      boolean ownNamespace = peer.namespaceSelector() == null || peer.namespaceSelector().isNone();
      if (ownNamespace
          && sel != null
          && sel.matchLabels() != null
          && !sel.matchLabels().isEmpty()
          && sel.expressions().isEmpty()
          && index.select(p.getNamespace(), sel.matchLabels()).isEmpty()) {
        expect(new Expectation(p, sel.matchLabels(), how));
      }
    }
  }

  private void expect(Expectation e) {
    Map<Map<String, String>, List<Expectation>> index =
        bySubset.computeIfAbsent(e.by().getNamespace(), k -> new HashMap<>());
    for (Map<String, String> sub : subsets(e.labels())) {
      index.computeIfAbsent(sub, k -> new ArrayList<>()).add(e);
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
    for (PodSource p : sourcesFor(selecting)) {
      for (LabelSelector sel : selectors) {
        if (p.couldCarry(sel)) {
          return p.getDisplayName() + " makes pods through " + p.getOrigin();
        }
      }
    }
    for (LabelSelector sel : selectors) {
      for (Expectation e : sameLabels(selecting, sel)) {
        if (e.by() != selecting) {
          return e.by().getDisplayName() + " " + e.how() + ", and no workload has them either";
        }
      }
    }
    return null;
  }

  /**
   * The pod sources that may share the namespace of an object: those of its namespace and those
   * written without a namespace (they land wherever they are applied); all of them when the object
   * itself is written without one.
   */
  private List<PodSource> sourcesFor(K8sObject selecting) {
    if (!selecting.isNamespaceWritten()) {
      return allSources;
    }
    List<PodSource> out =
        new ArrayList<>(sourcesByNs.getOrDefault(selecting.getNamespace(), List.of()));
    out.addAll(floating);
    return out;
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

  /**
   * What other objects of the same namespace expect of pods no workload has, with the same labels
   * as the selector (its matchLabels): a subset or a superset of them. Found through {@link
   * #bySubset} (every subset of every expected label set of up to {@value #MAX_SUBSET_LABELS}
   * labels), never by comparing all pairs. Expressions are not compared.
   */
  private List<Expectation> sameLabels(K8sObject selecting, LabelSelector sel) {
    Map<String, String> labels = sel.matchLabels();
    if (labels == null || labels.isEmpty()) {
      return List.of();
    }
    Map<Map<String, String>, List<Expectation>> index =
        bySubset.getOrDefault(selecting.getNamespace(), Map.of());
    List<Expectation> out = new ArrayList<>(index.getOrDefault(labels, List.of())); // supersets
    for (Map<String, String> sub : subsets(labels)) {
      for (Expectation e : index.getOrDefault(sub, List.of())) {
        if (e.labels().equals(sub)) {
          out.add(e); // subsets
        }
      }
    }
    return out;
  }

  private static final int MAX_SUBSET_LABELS = 6;

  /** The non-empty subsets of a selector, or only the selector itself when it is large. */
  static List<Map<String, String>> subsets(Map<String, String> selector) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(selector.entrySet());
    if (pairs.size() > MAX_SUBSET_LABELS) {
      return List.of(selector);
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (int mask = 1; mask < 1 << pairs.size(); mask++) {
      Map<String, String> sub = new HashMap<>();
      for (int i = 0; i < pairs.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          sub.put(pairs.get(i).getKey(), pairs.get(i).getValue());
        }
      }
      out.add(Map.copyOf(sub));
    }
    return out;
  }
}
