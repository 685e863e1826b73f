package io.eksnet.model;

/**
 * Something wrong with an input (unparseable file, unreadable path, bad rule file, bad config).
 * Never a bug in eksnet: those are exceptions. Reported on stderr, in reports, and as exit code 2.
 */
public record InputProblem(Location location, String message) implements Comparable<InputProblem> {

  /**
   * The message is one line and safe for a terminal: messages quote file content (keys, names, the
   * character a parser choked on), so line breaks and control characters become spaces.
   */
  public InputProblem {
    message = oneLine(message);
  }

  /**
   * Why a file could not be read, without the path (the problem's location already names the file
   * as the user wrote it; the exception's message would repeat it in absolute form).
   */
  public static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators as spaces. */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, ' ');
      }
    }
    return b == null ? s : b.toString();
  }

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
