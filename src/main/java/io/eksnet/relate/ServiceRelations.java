package io.eksnet.relate;

import io.eksnet.model.Container;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Service → workload relations: backends, unexposed target ports, selector near misses. */
final class ServiceRelations {

  private ServiceRelations() {}

  static Map<Service, ServiceBackends> serviceBackends(
      List<Service> services, LabelIndex index, List<Object> out) {
    Map<Service, ServiceBackends> byService = new java.util.IdentityHashMap<>();
    for (Service s : services) {
      List<Workload> selected =
          s.hasSelector() ? index.select(s.getNamespace(), s.getSelector()) : List.of();
      for (Workload w : selected) {
        out.add(new Selects(s, w));
      }
      ServiceBackends b = new ServiceBackends(s, selected);
      byService.put(s, b);
      out.add(b);
      if (!selected.isEmpty()) {
        unexposedPorts(s, b, out);
      } else if (s.hasSelector()) {
        SelectorNearMiss miss = nearMiss(s, index.inNamespace(s.getNamespace()));
        if (miss != null) {
          out.add(miss);
        }
      }
    }
    return byService;
  }

  /**
   * The workload closest to a selector that matches nothing: most selector pairs shared, then a
   * differing value closest to the wanted one (edit distance at most 2). Null when no workload is
   * close: the pods probably come from elsewhere.
   */
  static SelectorNearMiss nearMiss(Service s, List<Workload> candidates) {
    SelectorNearMiss best = null;
    int bestShared = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (Workload w : candidates) {
      int shared = 0;
      int distance = 0;
      List<String> diffs = new ArrayList<>();
      for (Map.Entry<String, String> e : new TreeMap<>(s.getSelector()).entrySet()) {
        String have = w.getPodLabels().get(e.getKey());
        if (e.getValue().equals(have)) {
          shared++;
        } else if (have == null) {
          diffs.add("has no label " + e.getKey());
          distance += 100;
        } else {
          diffs.add("has " + e.getKey() + "=" + have + ", not " + e.getValue());
          distance += editDistance(have, e.getValue(), 3);
        }
      }
      boolean close = shared > 0 || (distance <= 2 && s.getSelector().size() == 1);
      if (close && (shared > bestShared || (shared == bestShared && distance < bestDistance))) {
        best = new SelectorNearMiss(s, w, String.join("; ", diffs));
        bestShared = shared;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, capped at {@code cap} (returns cap when larger). */
  static int editDistance(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) >= cap) {
      return cap;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], cap);
  }

  static void unexposedPorts(Service s, ServiceBackends b, List<Object> out) {
    for (Service.Port p : s.getPorts()) {
      String target = p.targetPort() != null ? p.targetPort() : Integer.toString(p.port());
      boolean anyExposes = false;
      boolean allDeclare = true;
      Set<String> declared = new LinkedHashSet<>();
      for (Workload w : b.getWorkloads()) {
        boolean declares = false;
        for (Container c : w.getContainers()) {
          for (Container.Port cp : c.ports()) {
            declares = true;
            declared.add(
                cp.name() != null ? cp.name() + "/" + cp.number() : Integer.toString(cp.number()));
          }
          anyExposes |= c.exposes(target);
        }
        allDeclare &= declares;
      }
      if (!anyExposes && (p.isNamedTarget() || allDeclare)) {
        out.add(
            new UnexposedTargetPort(
                s, p, b, declared.isEmpty() ? "none" : String.join(", ", declared)));
      }
    }
  }
}
