package io.eksnet.source;

/** A user-facing load error with the 1-based line and column it refers to. */
final class LoadException extends Exception {
  private final int line;
  private final int column;

  LoadException(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
