package io.eksnet.relate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.LabelSelector;
import io.eksnet.model.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiliumSelectorsTest {

  private static LabelSelector expr(String key, String op, String... values) {
    return new LabelSelector(Map.of(), List.of(new Requirement(key, op, List.of(values))));
  }

  @Test
  void namespaceNotInCoversPodsOfAnotherNamespace() {
    LabelSelector dns = expr("k8s:io.kubernetes.pod.namespace", "NotIn", "kube-system");
    assertEquals(
        CiliumSelectors.Cover.YES,
        CiliumSelectors.covers(dns, "", LabelSelector.of(Map.of("app", "web")), "shop"));
    assertEquals(
        CiliumSelectors.Cover.NO,
        CiliumSelectors.covers(dns, "", LabelSelector.of(Map.of()), "kube-system"));
  }

  @Test
  void existsAndInFollowFromMatchLabels() {
    LabelSelector outer =
        new LabelSelector(
            Map.of("k8s:team", "data"),
            List.of(new Requirement("tier", "In", List.of("batch", "web"))));
    assertEquals(
        CiliumSelectors.Cover.YES,
        CiliumSelectors.covers(
            outer, "", LabelSelector.of(Map.of("team", "data", "tier", "batch")), "reports"));
    assertEquals(
        CiliumSelectors.Cover.NO,
        CiliumSelectors.covers(
            outer, "", LabelSelector.of(Map.of("team", "data", "tier", "api")), "reports"));
    assertEquals(
        CiliumSelectors.Cover.UNKNOWN,
        CiliumSelectors.covers(outer, "", LabelSelector.of(Map.of("team", "data")), "reports"));
  }

  @Test
  void doesNotExistAndNamespacedScope() {
    LabelSelector outer = expr("canary", "DoesNotExist");
    assertEquals(
        CiliumSelectors.Cover.YES,
        CiliumSelectors.covers(outer, "shop", expr("canary", "DoesNotExist"), "shop"));
    assertEquals(
        CiliumSelectors.Cover.NO,
        CiliumSelectors.covers(outer, "shop", expr("canary", "DoesNotExist"), "other"));
    assertEquals(
        CiliumSelectors.Cover.NO,
        CiliumSelectors.covers(outer, "shop", expr("canary", "Exists"), "shop"));
  }

  @Test
  void matchesUsesTheNamespacePseudoLabelAndPrefixes() {
    LabelSelector sel =
        new LabelSelector(
            Map.of("any:app", "web"),
            List.of(new Requirement("k8s:io.kubernetes.pod.namespace", "In", List.of("shop"))));
    assertTrue(CiliumSelectors.matches(sel, "", "shop", Map.of("app", "web")));
    assertFalse(CiliumSelectors.matches(sel, "", "other", Map.of("app", "web")));
    assertFalse(CiliumSelectors.matches(sel, "other", "shop", Map.of("app", "web")));
  }
}
