package io.eksnet.relate.k8s;

import java.util.Set;

/** How two label values relate: a typo apart, or the same name with a decoration added. */
final class LabelValues {

  private LabelValues() {}

  /** Words people add to a name when they write the Service's or Deployment's name for the app. */
  private static final Set<String> DECORATIONS =
      Set.of("app", "svc", "service", "deploy", "deployment", "pod");

  /**
   * Label keys whose values name a variant of one application (a version, a release track, an
   * environment): two values of them are two sets of pods, however alike they are spelt.
   */
  private static final Set<String> VARIANT_KEYS =
      Set.of(
          "version",
          "app.kubernetes.io/version",
          "helm.sh/chart",
          "chart",
          "track",
          "env",
          "environment",
          "stage");

  static boolean isVariantKey(String key) {
    return VARIANT_KEYS.contains(key);
  }

  /**
   * True when two different values look like one name mistyped: one or two edits apart (one edit
   * for values shorter than 5 characters, none below 3), not only in digits ({@code v1}/{@code v2},
   * {@code db-0}/{@code db-1} are numbered siblings), or one is the other with a decoration word
   * added ({@code ui}/{@code ui-app}, {@code orders}/{@code orders-svc}).
   */
  static boolean typoApart(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    if (decorated(a, b) || decorated(b, a)) {
      return true;
    }
    if (withoutDigits(a).equals(withoutDigits(b))) {
      return false;
    }
    int shorter = Math.min(a.length(), b.length());
    int d = editDistance(a, b, 3);
    return (d == 1 && shorter >= 3) || (d == 2 && shorter >= 5);
  }

  /** The text without its ASCII digits 0-9. */
  private static String withoutDigits(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** {@code longer} is {@code name} with {@code -app}, {@code _svc}, {@code service-}... added. */
  static boolean decorated(String longer, String name) {
    if (name.isEmpty() || longer.length() <= name.length() + 1) {
      return false;
    }
    if (longer.startsWith(name) && isSeparator(longer.charAt(name.length()))) {
      return DECORATIONS.contains(longer.substring(name.length() + 1));
    }
    int at = longer.length() - name.length() - 1;
    if (longer.endsWith(name) && isSeparator(longer.charAt(at))) {
      return DECORATIONS.contains(longer.substring(0, at));
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
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
}
