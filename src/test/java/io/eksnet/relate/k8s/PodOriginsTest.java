package io.eksnet.relate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.LabelSelector;
import io.eksnet.model.PodSource;
import io.eksnet.model.Workload;
import io.eksnet.relate.Relations;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods made elsewhere, the nearest workload to a selector, and how label values relate. */
class PodOriginsTest {

  @TempDir Path dir;

  private List<Object> load(String text) throws IOException {
    Path f = dir.resolve("in.yaml");
    Files.writeString(f, text);
    List<Object> facts = new ArrayList<>(new Loader().load(new SourceFile(f, "in.yaml")).facts());
    facts.addAll(Relations.compute(facts));
    return facts;
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: mail-relay, namespace: monitoring}
      spec:
        template:
          metadata:
            labels: {app.kubernetes.io/name: alertmanager, alertmanager: mail}
          spec:
            containers: [{name: relay, image: example/relay:1}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: alertmanager-main, namespace: monitoring}
      spec:
        selector: {app.kubernetes.io/name: alertmanager, alertmanager: main}
      """;

  @Test
  void operatorResourceIsTheSignThatSilencesATypoLikeNearMiss() throws IOException {
    List<Object> without = load(DEPLOYMENT);
    NearestWorkload n = all(without, NearestWorkload.class).get(0);
    assertEquals(1, n.getDiffering());
    assertTrue(n.isTypo(), "mail/main is a typo apart");
    assertTrue(all(without, PodsFromElsewhere.class).isEmpty());

    List<Object> with =
        load(
            DEPLOYMENT
                + """
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: Alertmanager
                metadata: {name: main, namespace: monitoring}
                spec: {replicas: 3}
                """);
    PodsFromElsewhere p = all(with, PodsFromElsewhere.class).get(0);
    assertEquals("Service monitoring/alertmanager-main", p.getSelecting().getDisplayName());
    assertTrue(p.getEvidence().contains("Alertmanager monitoring/main"), p.getEvidence());
  }

  @Test
  void aPodSourceWrittenWithoutNamespaceCountsForEveryNamespace() throws IOException {
    List<Object> facts =
        load(
            DEPLOYMENT
                + """
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: Alertmanager
                metadata: {name: main}
                spec: {replicas: 3}
                """);
    assertEquals(1, all(facts, PodsFromElsewhere.class).size(), "kustomize sets its namespace");
  }

  @Test
  void prometheusPodsGetTheOperatorLabelsAndTheirPodMetadata() throws IOException {
    List<Object> facts =
        load(
            """
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: k8s, namespace: monitoring}
            spec:
              podMetadata:
                labels: {app.kubernetes.io/part-of: kube-prometheus}
            """);
    PodSource p = all(facts, PodSource.class).get(0);
    assertTrue(p.couldCarry(LabelSelector.of(Map.of("prometheus", "k8s"))));
    assertTrue(
        p.couldCarry(
            LabelSelector.of(
                Map.of(
                    "app.kubernetes.io/name", "prometheus",
                    "app.kubernetes.io/instance", "k8s",
                    "app.kubernetes.io/part-of", "kube-prometheus",
                    "statefulset.kubernetes.io/pod-name", "prometheus-k8s-0"))));
    assertFalse(p.couldCarry(LabelSelector.of(Map.of("prometheus", "main"))));
    assertFalse(p.couldCarry(LabelSelector.of(Map.of("tier", "web"))), "no unknown labels");
    assertTrue(all(facts, Workload.class).isEmpty());
  }

  @Test
  void rolloutWithTemplateIsAWorkloadAndWithWorkloadRefAPodSource() throws IOException {
    List<Object> facts =
        load(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: api, namespace: shop}
            spec:
              replicas: 4
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers: [{name: api, image: example/api:1}]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: payments, namespace: shop}
            spec:
              workloadRef: {apiVersion: apps/v1, kind: Deployment, name: payments}
            """);
    Workload w = all(facts, Workload.class).get(0);
    assertEquals("Rollout shop/api", w.getDisplayName());
    assertEquals(4, w.getReplicas());
    assertEquals(Map.of("app", "api"), w.getPodLabels());
    PodSource p = all(facts, PodSource.class).get(0);
    assertEquals("Rollout shop/payments", p.getDisplayName());
    assertTrue(p.couldCarry(LabelSelector.of(Map.of("app", "payments"))));
  }

  @Test
  void customResourceDefinitionSchemasAreNoPodSources() throws IOException {
    List<Object> facts =
        load(
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: prometheuses.monitoring.coreos.com}
            spec:
              podMetadata: {labels: {a: b}}
              template: {spec: {containers: []}}
            """);
    assertTrue(all(facts, PodSource.class).isEmpty());
  }

  @Test
  void typosAreSmallEditsOrADecorationButNotNumberedSiblings() {
    assertTrue(LabelValues.typoApart("orders", "order"));
    assertTrue(LabelValues.typoApart("frontend", "fronted"));
    assertTrue(LabelValues.typoApart("ui", "ui-app"));
    assertTrue(LabelValues.typoApart("carts-svc", "carts"));
    assertFalse(LabelValues.typoApart("service", "dynamodb"));
    assertFalse(LabelValues.typoApart("v1", "v2"));
    assertFalse(LabelValues.typoApart("db-0", "db-1"));
    assertFalse(LabelValues.typoApart("ui", "uj"), "too short to tell");
    assertFalse(LabelValues.typoApart("myapp", "myapp-redis"));
    assertFalse(LabelValues.typoApart("web", "api"));
  }
}
