package io.eksnet.cli;

/** The process exit codes of {@code eksnet}; documented in the README. */
public enum ExitCode {
  /** No finding at or above the fail-on severity, and no input problem. */
  OK(0),
  /** At least one finding at or above the fail-on severity (and no input problem). */
  FINDINGS(1),
  /**
   * Usage, configuration or input error: bad option, unreadable path, unparseable file, bad rule
   * file. The report is still written with everything that could be scanned.
   */
  ERROR(2),
  /** A bug in eksnet itself; the message asks for a report. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit code of a scan's outcome. */
  public static ExitCode of(io.eksnet.scan.Outcome.Kind kind) {
    return switch (kind) {
      case CLEAN -> OK;
      case FINDINGS -> FINDINGS;
      case ERRORS -> ERROR;
    };
  }
}
