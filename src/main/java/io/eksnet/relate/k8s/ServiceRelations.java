package io.eksnet.relate.k8s;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Service → workload relations: backends, where each port's traffic goes, the workload nearest a
 * selector.
 */
final class ServiceRelations {

  private ServiceRelations() {}

  static Map<Service, ServiceBackends> serviceBackends(
      List<Service> services, LabelIndex index, List<ConfigMap> configMaps, List<Object> out) {
    // by namespace/name; one cluster may hold several copies (overlays, examples side by side)
    Map<String, List<ConfigMap>> configMapsById = new java.util.HashMap<>();
    for (ConfigMap c : configMaps) {
      configMapsById
          .computeIfAbsent(c.getNamespace() + "/" + c.getName(), k -> new ArrayList<>())
          .add(c);
    }
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
        unexposedPorts(s, b, configMapsById, out);
      } else if (s.hasSelector()) {
        NearestWorkload nearest = nearest(s, index.inNamespace(s.getNamespace()));
        if (nearest != null) {
          out.add(nearest);
        }
      }
    }
    return byService;
  }

  /**
   * The workload of the namespace closest to a selector that matches nothing: fewest selector
   * labels missing from its pod labels, then a typo or a label on the wrong object before any other
   * difference, then the smallest edit distance on the first differing value. Null when the
   * namespace has no workload.
   */
  static NearestWorkload nearest(Service s, List<Workload> candidates) {
    NearestWorkload best = null;
    int bestScore = Integer.MAX_VALUE;
    Map<String, String> selector = new TreeMap<>(s.getSelector());
    for (Workload w : candidates) {
      int differing = 0;
      String key = null;
      String wanted = null;
      String have = null;
      for (Map.Entry<String, String> e : selector.entrySet()) {
        String h = w.getPodLabels().get(e.getKey());
        if (e.getValue().equals(h)) {
          continue;
        }
        differing++;
        if (key == null) {
          key = e.getKey();
          wanted = e.getValue();
          have = h;
        }
      }
      if (key == null) {
        continue; // cannot happen for a selector that matched nothing
      }
      // the score is differing * 16, plus 8 unless a typo or a label on the wrong object, plus the
      // edit distance: a workload that cannot come closer than the best so far is not scored
      if (differing * 16 >= bestScore) {
        continue;
      }
      int distance = have == null ? 3 : LabelValues.editDistance(have, wanted, 3);
      if (differing * 16 + distance >= bestScore) {
        continue;
      }
      boolean typo =
          have != null && !LabelValues.isVariantKey(key) && LabelValues.typoApart(have, wanted);
      boolean onObject = have == null && wanted.equals(w.getLabels().get(key));
      int score = differing * 16 + (typo || onObject ? 0 : 8) + distance;
      if (score < bestScore) {
        bestScore = score;
        best =
            new NearestWorkload(
                s,
                w,
                differing,
                key,
                wanted,
                have,
                typo,
                onObject,
                difference(selector, w, key, onObject));
      }
    }
    return best;
  }

  /**
   * How a workload's pod labels differ from a selector, e.g. {@code has app=ui, not ui-app; has no
   * label tier}.
   */
  private static String difference(
      Map<String, String> selector, Workload w, String firstKey, boolean onObject) {
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String h = w.getPodLabels().get(e.getKey());
      if (e.getValue().equals(h)) {
        continue;
      }
      diffs.add(
          h == null
              ? "has no label " + e.getKey()
              : "has " + e.getKey() + "=" + h + ", not " + e.getValue());
    }
    if (onObject) {
      diffs.set(0, diffs.get(0) + " (only its own metadata.labels has " + firstKey + ")");
    }
    return String.join("; ", diffs);
  }

  static void unexposedPorts(
      Service s, ServiceBackends b, Map<String, List<ConfigMap>> configMaps, List<Object> out) {
    if (s.getPorts().isEmpty()) {
      return;
    }
    // what the workloads declare is the same for every port of the Service
    boolean allDeclare = true;
    boolean runtimeProxy = false;
    Set<String> declared = new LinkedHashSet<>();
    for (Workload w : b.getWorkloads()) {
      boolean declares = false;
      for (Container c : w.getContainers()) {
        for (Container.Port cp : c.ports()) {
          declares = true;
          declared.add(
              cp.name() != null ? cp.name() + "/" + cp.number() : Integer.toString(cp.number()));
        }
        runtimeProxy = runtimeProxy || c.isRuntimeConfiguredProxy();
      }
      allDeclare &= declares;
    }
    String declaredText = declared.isEmpty() ? "none" : String.join(", ", declared);
    for (Service.Port p : s.getPorts()) {
      String target = p.targetPort() != null ? p.targetPort() : Integer.toString(p.port());
      boolean anyExposes = false;
      boolean mentioned = false;
      Integer number = p.isNamedTarget() ? null : parsePort(target);
      java.util.regex.Pattern whole = number == null ? null : Container.wholeNumber(number);
      for (Workload w : b.getWorkloads()) {
        for (Container c : w.getContainers()) {
          anyExposes = anyExposes || c.exposes(target);
          mentioned = mentioned || (number != null && c.mentionsPort(number, whole));
        }
        if (number != null && !mentioned) {
          mentioned = configMapMentions(w, whole, configMaps);
        }
      }
      out.add(
          new ServicePortTarget(
              s, p, b, anyExposes, allDeclare, mentioned, runtimeProxy, declaredText));
    }
  }

  /**
   * True when a ConfigMap the workload's pods read (see {@link Workload#getConfigMapsRead()}) has
   * the port number ({@code whole}: {@link Container#wholeNumber}) in its data: an application's
   * configuration file naming its listen address ({@code endpoint: 0.0.0.0:5317}, {@code port =
   * 8443}).
   */
  private static boolean configMapMentions(
      Workload w, java.util.regex.Pattern whole, Map<String, List<ConfigMap>> configMaps) {
    for (String name : w.getConfigMapsRead()) {
      for (ConfigMap c : configMaps.getOrDefault(w.getNamespace() + "/" + name, List.of())) {
        for (String v : c.getData().values()) {
          if (v != null && whole.matcher(v).find()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Integer parsePort(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
