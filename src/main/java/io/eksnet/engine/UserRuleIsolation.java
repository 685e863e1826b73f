package io.eksnet.engine;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What keeps user rules, while they run, from reaching the report or ending the scan silently:
 *
 * <ul>
 *   <li>{@link System#out} is sent to {@link System#err} (a rule that prints cannot corrupt a
 *       report written to standard output), and restored when the last user rules of the process
 *       are done; left redirected while a rule thread that had to be abandoned still runs (it may
 *       print).
 *   <li>A shutdown hook: if the JVM shuts down because a user rule thread called {@code
 *       System.exit} (the deny list of {@link RuleCodeCheck} stops the plain call; reflection or an
 *       interpreted expression might still get there), it names the rule on standard error and
 *       halts with exit code 2 instead of the rule's code, so a CI gate never sees a clean exit
 *       with no report.
 * </ul>
 *
 * Process-wide, so counted: scans of the daemon run their user rules concurrently.
 */
final class UserRuleIsolation {

  private UserRuleIsolation() {}

  private static final Object LOCK = new Object();
  private static int active;
  private static PrintStream savedOut;
  private static boolean redirected;
  private static final java.util.Set<Thread> ABANDONED = new java.util.HashSet<>();
  private static boolean hookInstalled;
  private static PrintStream hookErr;

  /** Rule threads running (or abandoned), each with what names the rule it is running. */
  private static final Map<Thread, Supplier<String>> WORKERS = new ConcurrentHashMap<>();

  /** Before a rule thread starts. */
  static void enter(Thread worker, Supplier<String> runningRule) {
    synchronized (LOCK) {
      if (!hookInstalled) {
        hookErr = System.err;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(UserRuleIsolation::onShutdown, "eksnet-rule-exit-guard"));
        hookInstalled = true;
      }
      if (active++ == 0) {
        // after an abandoned rule thread System.out may still be stderr: keep the stream saved
        // then, unless someone has set another one since
        if (!redirected || System.out != System.err) {
          savedOut = System.out;
        }
        System.setOut(System.err);
        redirected = true;
      }
      WORKERS.put(worker, runningRule);
    }
  }

  /** After the rule thread ended, or was given up on ({@code abandoned}). */
  static void exit(Thread worker, boolean abandoned) {
    synchronized (LOCK) {
      if (abandoned) {
        ABANDONED.add(worker);
      } else {
        WORKERS.remove(worker);
      }
      ABANDONED.removeIf(t -> !t.isAlive());
      WORKERS.keySet().removeIf(t -> !t.isAlive());
      if (--active == 0 && ABANDONED.isEmpty() && redirected) {
        System.setOut(savedOut);
        redirected = false;
      }
    }
  }

  private static void onShutdown() {
    for (Map.Entry<Thread, Supplier<String>> e : WORKERS.entrySet()) {
      for (StackTraceElement f : e.getKey().getStackTrace()) {
        if ("java.lang.Shutdown".equals(f.getClassName())
            || ("java.lang.Runtime".equals(f.getClassName()) && "exit".equals(f.getMethodName()))) {
          String rule;
          try {
            rule = e.getValue().get();
          } catch (RuntimeException x) {
            rule = "a user rule";
          }
          hookErr.println(
              "eksnet: error: "
                  + rule
                  + " called System.exit while the rules ran; the scan is incomplete and no report"
                  + " was written (exit code 2)");
          hookErr.flush();
          Runtime.getRuntime().halt(2);
        }
      }
    }
  }
}
