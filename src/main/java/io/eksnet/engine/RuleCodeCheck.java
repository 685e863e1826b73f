package io.eksnet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deny list for user rules, checked on the DRL text before it is compiled: names that would let
 * a rule end the JVM ({@code System.exit}, {@code Runtime.halt}), start processes or threads, take
 * over the standard streams, or reach any of those by reflection. The Security Manager is gone from
 * current JDKs, so this is what keeps a careless rule from ending a scan with exit code 0 and no
 * report. It is not a sandbox: a rule is Java code, and rules from an untrusted source must not be
 * run at all.
 *
 * <p>The text is read as Java reads it: Unicode escapes decoded, comments and string and character
 * literals skipped; then every identifier is looked up, in conditions, consequences, functions and
 * imports alike (so {@code import function java.lang.System.exit} and {@code System::exit} are
 * caught too).
 */
final class RuleCodeCheck {

  private RuleCodeCheck() {}

  /** One use of a denied name: 1-based line and column, the rule it is in (or null), what. */
  record Use(int line, int column, String rule, String what, String why) {}

  private static final String ENDS_JVM = "it could end the JVM";
  private static final String PROCESS = "it could start or control processes";
  private static final String STREAMS = "it could take over the standard streams";
  private static final String THREADS = "it could start threads that outlive the rules";
  private static final String REFLECTION = "reflection could reach any of these";

  /** Denied identifiers, and why. */
  static final Map<String, String> DENIED =
      Map.ofEntries(
          Map.entry("exit", ENDS_JVM),
          Map.entry("halt", ENDS_JVM),
          Map.entry("Runtime", ENDS_JVM),
          Map.entry("Shutdown", ENDS_JVM),
          Map.entry("exec", PROCESS),
          Map.entry("ProcessBuilder", PROCESS),
          Map.entry("ProcessHandle", PROCESS),
          Map.entry("setOut", STREAMS),
          Map.entry("setErr", STREAMS),
          Map.entry("setIn", STREAMS),
          Map.entry("FileDescriptor", STREAMS),
          Map.entry("Thread", THREADS),
          Map.entry("ThreadGroup", THREADS),
          Map.entry("Executors", THREADS),
          Map.entry("ExecutorService", THREADS),
          Map.entry("ForkJoinPool", THREADS),
          Map.entry("Timer", THREADS),
          Map.entry("startVirtualThread", THREADS),
          Map.entry("setSecurityManager", ENDS_JVM),
          Map.entry("loadLibrary", ENDS_JVM),
          Map.entry("forName", REFLECTION),
          Map.entry("getMethod", REFLECTION),
          Map.entry("getMethods", REFLECTION),
          Map.entry("getDeclaredMethod", REFLECTION),
          Map.entry("getDeclaredMethods", REFLECTION),
          Map.entry("getConstructor", REFLECTION),
          Map.entry("getDeclaredConstructor", REFLECTION),
          Map.entry("getDeclaredField", REFLECTION),
          Map.entry("setAccessible", REFLECTION),
          Map.entry("invoke", REFLECTION),
          Map.entry("invokeExact", REFLECTION),
          Map.entry("MethodHandles", REFLECTION),
          Map.entry("ClassLoader", REFLECTION),
          Map.entry("loadClass", REFLECTION),
          Map.entry("defineClass", REFLECTION),
          Map.entry("Unsafe", REFLECTION));

  /** Every use of a denied name in a DRL text, in order. */
  static List<Use> check(String drl) {
    String s = unescape(drl);
    List<Use> uses = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    String rule = null;
    String prevIdent = null; // the identifier before the last '.' or '::', for "System.exit"
    String lastIdent = null;
    boolean afterDot = false;
    boolean expectRuleName = false;
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = ++i;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (int k = i; k < end; k++) {
          if (s.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        boolean block = c == '"' && s.startsWith("\"\"\"", i);
        int start = i + (block ? 3 : 1);
        int k = start;
        while (k < n) {
          char d = s.charAt(k);
          if (d == '\\') {
            k += 2;
            continue;
          }
          if (block ? s.startsWith("\"\"\"", k) : d == c) {
            break;
          }
          if (d == '\n' && !block) {
            break; // an unterminated literal: the compiler reports it
          }
          k++;
        }
        if (expectRuleName) {
          rule = s.substring(start, Math.min(k, n));
          expectRuleName = false;
        }
        for (int m = i; m < Math.min(k, n); m++) {
          if (s.charAt(m) == '\n') {
            line++;
            lineStart = m + 1;
          }
        }
        i = Math.min(n, k + (block ? 3 : 1));
        afterDot = false;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        String id = s.substring(start, i);
        if (expectRuleName) {
          rule = id;
          expectRuleName = false;
        } else if (("rule".equals(id) || "query".equals(id) || "function".equals(id))
            && start == firstNonBlank(s, lineStart)) {
          expectRuleName = !"function".equals(id);
          if ("function".equals(id)) {
            rule = null; // named by the identifier after the return type; the line says enough
          }
        }
        String why = DENIED.get(id);
        if (why != null) {
          String what =
              afterDot && prevIdent != null && Character.isUpperCase(prevIdent.charAt(0))
                  ? prevIdent + "." + id
                  : id;
          uses.add(new Use(line, start - lineStart + 1, rule, what, why));
        }
        prevIdent = id;
        lastIdent = id;
        afterDot = false;
      } else if (c == '.' || (c == ':' && i + 1 < n && s.charAt(i + 1) == ':')) {
        afterDot = true;
        prevIdent = lastIdent;
        i += c == '.' ? 1 : 2;
      } else {
        if (!Character.isWhitespace(c)) {
          afterDot = false;
          lastIdent = null;
        }
        i++;
      }
    }
    return uses;
  }

  private static int firstNonBlank(String s, int lineStart) {
    int i = lineStart;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * Decodes Java's Unicode escapes ({@code \u0065xit} is {@code exit} to the compiler); an escaped
   * line break is kept as a space so lines stay where they are.
   */
  static String unescape(String s) {
    if (s.indexOf("\\u") < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n && s.charAt(i + 1) == 'u' && precededByEvenBackslashes(s, i)) {
        int j = i + 1;
        while (j < n && s.charAt(j) == 'u') {
          j++;
        }
        if (j + 4 <= n) {
          try {
            char d = (char) Integer.parseInt(s.substring(j, j + 4), 16);
            sb.append(d == '\n' || d == '\r' ? ' ' : d);
            i = j + 3;
            continue;
          } catch (NumberFormatException e) {
            // not an escape: kept as it is
          }
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean precededByEvenBackslashes(String s, int i) {
    int k = i - 1;
    while (k >= 0 && s.charAt(k) == '\\') {
      k--;
    }
    return (i - 1 - k) % 2 == 0;
  }
}
