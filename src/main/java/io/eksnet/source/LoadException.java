package io.eksnet.source;

/** A user-facing load error with the 1-based line and column it refers to, and its kind. */
final class LoadException extends Exception {

  /**
   * What went wrong, which decides who hears of it: {@link Loader} reports a {@code LIMIT} for
   * every file, but a {@code SYNTAX} or {@code CONTENT} problem only for a file that is, or claims
   * to be, a Kubernetes object or Terraform JSON (see {@link Claims}).
   */
  enum Kind {
    /** A safety limit was hit (size, nesting, aliases, nodes, time): the file may be hostile. */
    LIMIT,
    /** The text does not parse (YAML or JSON syntax, a character YAML forbids). */
    SYNTAX,
    /** It parses, but holds what a manifest must not (duplicate keys, a language tag). */
    CONTENT
  }

  private final int line;
  private final int column;
  private final Kind kind;

  /** A syntax error. */
  LoadException(int line, int column, String message) {
    this(line, column, message, Kind.SYNTAX);
  }

  LoadException(int line, int column, String message, Kind kind) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
    this.kind = kind;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  Kind kind() {
    return kind;
  }
}
