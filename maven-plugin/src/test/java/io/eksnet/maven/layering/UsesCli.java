package io.eksnet.maven.layering;

import io.eksnet.cli.ExitCode;

/** A class that breaks the Mojo's layering on purpose, to show the check is not vacuous. */
final class UsesCli {

  private UsesCli() {}

  static int code() {
    return ExitCode.ERROR.code();
  }
}
