package io.eksnet.cli;

import io.eksnet.scan.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One status line on standard error, rewritten in place ({@code \r}), for a scan that takes a
 * while: nothing in the first second (a small scan shows nothing), then at most five updates a
 * second, and the line is cleared when the scan is done, so the report and the notes that follow
 * start on a clean line. Only for a terminal: see {@link #wanted}.
 */
final class TerminalProgress implements Progress {

  static final long QUIET_NANOS = 1_000_000_000L;
  static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err;
  private final LongSupplier clock;
  private final long start;
  private long last;
  private String phase = "";
  private boolean shown;

  TerminalProgress(PrintStream err, LongSupplier clock) {
    this.err = err;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.last = start - INTERVAL_NANOS;
  }

  /**
   * True when standard error is a terminal a person watches: a console, standard error not
   * redirected (where {@code /proc} tells), not in CI ({@code CI} set, as GitHub Actions, GitLab,
   * Jenkins and most others do) and not a dumb terminal.
   */
  static boolean wanted(boolean console, Map<String, String> env) {
    if (!console || env.get("CI") != null || "dumb".equals(env.get("TERM"))) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.exists(Path.of("/proc/self/fd"))) {
      try {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void phase(String name) {
    if ("done".equals(name)) {
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
      return;
    }
    phase = name;
    show(name, true);
  }

  @Override
  public void loaded(int done, int total) {
    show(phase + " " + done + "/" + total + " files", done == total);
  }

  private void show(String text, boolean force) {
    long now = clock.getAsLong();
    if (now - start < QUIET_NANOS || (!force && now - last < INTERVAL_NANOS)) {
      return;
    }
    last = now;
    shown = true;
    err.print("\r\033[Keksnet: " + text + " (" + (now - start) / 1_000_000_000L + " s)");
    err.flush();
  }
}
