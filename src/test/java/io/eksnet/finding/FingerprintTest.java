package io.eksnet.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static Finding f(
      String rule, String file, int line, String object, String field, String msg) {
    return new Finding(
        rule, Severity.MEDIUM, msg, new Location(file, line, 3, object, field), List.of(), null);
  }

  @Test
  void isSha256PrefixOfRuleFileObjectFieldJoinedByNul() {
    // printf 'EKS-SVC-001\0k8s/shop.yaml\0Service/shop/web\0spec.type' | sha256sum | cut -c1-32
    assertEquals(
        "fe6b1f29ae65340e89d397975dc9ff74",
        Fingerprint.of(f("EKS-SVC-001", "k8s/shop.yaml", 7, "Service/shop/web", "spec.type", "m")));
  }

  @Test
  void ignoresLineColumnMessageSeverityAndSuppression() {
    Finding a = f("EKS-SVC-001", "k8s/shop.yaml", 7, "Service/shop/web", "spec.type", "3 ports");
    Finding b = f("EKS-SVC-001", "k8s/shop.yaml", 90, "Service/shop/web", "spec.type", "4 ports");
    assertEquals(Fingerprint.of(a), Fingerprint.of(b));
    assertEquals(Fingerprint.of(a), Fingerprint.of(a.withSeverity(Severity.HIGH).suppressed("x")));
    assertTrue(Fingerprint.of(a).matches("[0-9a-f]{32}"));
  }

  @Test
  void differsByRuleFileObjectAndField() {
    Finding a = f("EKS-SVC-001", "k8s/a.yaml", 1, "Service/x/y", "spec.type", "m");
    for (Finding other :
        List.of(
            f("EKS-SVC-002", "k8s/a.yaml", 1, "Service/x/y", "spec.type", "m"),
            f("EKS-SVC-001", "k8s/b.yaml", 1, "Service/x/y", "spec.type", "m"),
            f("EKS-SVC-001", "k8s/a.yaml", 1, "Service/x/z", "spec.type", "m"),
            f("EKS-SVC-001", "k8s/a.yaml", 1, "Service/x/y", "spec.ports", "m"),
            // the separator keeps "ab"+"c" apart from "a"+"bc"
            f("EKS-SVC-001", "k8s/a.yaml", 1, "Service/x/", "yspec.type", "m"))) {
      assertNotEquals(Fingerprint.of(a), Fingerprint.of(other), other.toString());
    }
  }
}
