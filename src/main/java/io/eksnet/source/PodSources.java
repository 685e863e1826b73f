package io.eksnet.source;

import io.eksnet.model.PodSource;
import io.eksnet.model.Tree;
import io.eksnet.model.Tree.TMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the objects of kinds eksnet does not model as workloads that still make pods: the
 * prometheus-operator's custom resources, whose pods get labels the operator chooses, and any
 * custom resource that carries a pod template or pod labels.
 */
final class PodSources {

  private PodSources() {}

  private static final String PROMETHEUS_OPERATOR_GROUP = "monitoring.coreos.com/";
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  private static final String NAME = "app.kubernetes.io/name";
  private static final String INSTANCE = "app.kubernetes.io/instance";
  private static final String VERSION = "app.kubernetes.io/version";

  /** How deep under {@code spec} a pod template or pod labels are looked for. */
  private static final int MAX_DEPTH = 6;

  /** Adds the pod sources of one object of a kind the loader does not otherwise model. */
  static void facts(String file, TMap doc, String kind, List<Object> out) {
    String api = Tree.text(doc.get("apiVersion"));
    if (api == null || !api.contains("/") || api.startsWith("apiextensions.k8s.io/")) {
      return; // core kinds (PodTemplate, ...) make no pods; a CRD's schema is not a template
    }
    if (api.startsWith(PROMETHEUS_OPERATOR_GROUP)) {
      PodSource p = prometheusOperator(file, doc, kind);
      if (p != null) {
        out.add(p);
        return;
      }
    }
    Tree spec = doc.get("spec");
    if (spec != null) {
      collect(file, doc, kind, spec, 0, out);
    }
  }

  /**
   * The pods the prometheus-operator creates for a {@code Prometheus}, {@code PrometheusAgent},
   * {@code Alertmanager} or {@code ThanosRuler}: the labels of {@code spec.podMetadata} and the
   * operator's own (pkg/prometheus/server/statefulset.go, pkg/alertmanager/statefulset.go,
   * pkg/thanos/statefulset.go of prometheus-operator/prometheus-operator; older releases also set
   * {@code app}). Null for the operator's other kinds (ServiceMonitor, PrometheusRule, ...).
   */
  static PodSource prometheusOperator(String file, TMap doc, String kind) {
    String own =
        switch (kind) {
          case "Prometheus" -> "prometheus";
          case "PrometheusAgent" -> "prometheus-agent";
          case "Alertmanager" -> "alertmanager";
          case "ThanosRuler" -> "thanos-ruler";
          default -> null;
        };
    if (own == null) {
      return null;
    }
    String name = Tree.text(Tree.path(doc, "metadata", "name"));
    name = name == null ? "" : name;
    Map<String, String> labels =
        new LinkedHashMap<>(Tree.stringMap(Tree.path(doc, "spec", "podMetadata", "labels")));
    labels.put(NAME, own);
    labels.put(INSTANCE, name);
    labels.put(MANAGED_BY, "prometheus-operator");
    switch (kind) {
      case "Prometheus" -> {
        labels.put("prometheus", name);
        labels.put("operator.prometheus.io/name", name);
        labels.putIfAbsent("app", "prometheus");
      }
      case "PrometheusAgent" -> labels.put("operator.prometheus.io/name", name);
      case "Alertmanager" -> {
        labels.put("alertmanager", name);
        labels.putIfAbsent("app", "alertmanager");
      }
      default -> {
        labels.put("thanos-ruler", name);
        labels.putIfAbsent("app", "thanos-ruler");
      }
    }
    return new PodSource(
        file,
        doc,
        K8sFactory.DEFAULT_NS,
        "the prometheus-operator",
        labels,
        Set.of(VERSION, "operator.prometheus.io/shard"),
        false);
  }

  /**
   * Pod templates ({@code template: {metadata, spec: {containers}}} at any depth under spec, e.g.
   * {@code spec.template}, {@code spec.jobTemplate.spec.template}) and pod label maps ({@code
   * podMetadata.labels}, {@code podLabels}), one source each. Their controller is unknown, so it
   * may add labels of its own.
   */
  private static void collect(
      String file, TMap doc, String kind, Tree node, int depth, List<Object> out) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node instanceof Tree.TList l) {
      for (Tree t : l.items()) {
        collect(file, doc, kind, t, depth + 1, out);
      }
      return;
    }
    if (!(node instanceof TMap m)) {
      return;
    }
    String origin = "the controller of " + kind;
    if (Tree.path(m, "spec", "containers") instanceof Tree.TList) {
      out.add(
          new PodSource(
              file,
              doc,
              K8sFactory.DEFAULT_NS,
              origin,
              Tree.stringMap(Tree.path(m, "metadata", "labels")),
              Set.of(),
              true));
      return; // a pod template: its spec holds no further templates
    }
    for (Tree.Entry e : m.entries().values()) {
      boolean podLabels =
          "podLabels".equals(e.key())
              || (("podMetadata".equals(e.key()) || "podTemplate".equals(e.key()))
                  && !(Tree.path(e.value(), "spec", "containers") instanceof Tree.TList));
      if (podLabels) {
        Tree labels = "podLabels".equals(e.key()) ? e.value() : Tree.path(e.value(), "labels");
        labels = labels == null ? Tree.path(e.value(), "metadata", "labels") : labels;
        out.add(
            new PodSource(
                file, doc, K8sFactory.DEFAULT_NS, origin, Tree.stringMap(labels), Set.of(), true));
      } else {
        collect(file, doc, kind, e.value(), depth + 1, out);
      }
    }
  }
}
