package io.eksnet.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for a mistyped option, command or rule id. */
final class Suggest {

  private Suggest() {}

  /**
   * The candidate closest to {@code typo} (case-insensitive edit distance, transpositions count
   * once), when it is close enough to be a typo: at most 2 edits, and at most a third of the word's
   * length. Null otherwise.
   */
  static String closest(String typo, Collection<String> candidates) {
    String t = typo.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.min(2, Math.max(1, t.length() / 3));
    return best != null && bestDistance > 0 && bestDistance <= allowed ? best : null;
  }

  /** " (did you mean X?)", or "" when nothing is close. */
  static String hint(String typo, Collection<String> candidates) {
    String c = closest(typo, candidates);
    return c == null ? "" : " (did you mean " + c + "?)";
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
