package io.eksnet.model;

import java.util.Locale;

/** Kubernetes resource quantities ({@code 1000}, {@code 500m}, {@code 1000Gi}) and integers. */
final class Quantities {

  private Quantities() {}

  /** An integer scalar (written as a number or a string of digits), or null. */
  static Integer integer(Tree t) {
    String s = Tree.text(t);
    if (s == null || !s.trim().matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.valueOf(s.trim());
  }

  /** CPU cores of a quantity: {@code 1000}, {@code 1.5}, {@code 500m}; null when unreadable. */
  static Double cpu(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    try {
      if (v.endsWith("m")) {
        return Double.parseDouble(v.substring(0, v.length() - 1)) / 1000.0;
      }
      double d = Double.parseDouble(v);
      return d >= 0 && Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * MiB of a memory quantity: binary ({@code Ki}, {@code Mi}, {@code Gi}, {@code Ti}, {@code Pi})
   * or decimal ({@code k}, {@code M}, {@code G}, {@code T}, {@code P}) suffixes, or plain bytes;
   * null when unreadable.
   */
  static Long mib(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    String[][] units = {
      {"Ki", "1024"},
      {"Mi", "1048576"},
      {"Gi", "1073741824"},
      {"Ti", "1099511627776"},
      {"Pi", "1125899906842624"},
      {"k", "1000"},
      {"M", "1000000"},
      {"G", "1000000000"},
      {"T", "1000000000000"},
      {"P", "1000000000000000"}
    };
    double factor = 1;
    for (String[] u : units) {
      if (v.endsWith(u[0])) {
        factor = Double.parseDouble(u[1]);
        v = v.substring(0, v.length() - u[0].length());
        break;
      }
    }
    try {
      double bytes = Double.parseDouble(v.toLowerCase(Locale.ROOT)) * factor;
      if (!Double.isFinite(bytes) || bytes < 0) {
        return null;
      }
      return (long) (bytes / 1048576.0);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
