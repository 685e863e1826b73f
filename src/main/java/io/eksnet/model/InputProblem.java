package io.eksnet.model;

/**
 * Something wrong with an input (unparseable file, unreadable path, bad rule file, bad config).
 * Never a bug in eksnet: those are exceptions. Reported on stderr, in reports, and as exit code 2.
 */
public record InputProblem(Location location, String message) implements Comparable<InputProblem> {

  @Override
  public int compareTo(InputProblem o) {
    int c = location.file().compareTo(o.location.file());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(location.line(), o.location.line());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(location.column(), o.location.column());
    return c != 0 ? c : message.compareTo(o.message);
  }

  /** {@code path:line:col: message}, the form printed on stderr. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
