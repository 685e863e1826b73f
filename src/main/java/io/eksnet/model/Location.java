package io.eksnet.model;

import java.util.Objects;

/**
 * Where a fact or finding lives: a file (path relative to the scan root, forward slashes), a
 * 1-based line and column, and a logical location (the object it belongs to, e.g. {@code
 * Service/shop/web} or a Terraform address) plus the field path inside it ({@code spec.type}).
 *
 * <p>The logical parts never depend on line numbers, so they identify a finding across edits.
 */
public record Location(String file, int line, int column, String object, String field) {

  public Location {
    Objects.requireNonNull(file, "file");
    line = Math.max(1, line);
    column = Math.max(1, column);
    object = object == null ? "" : object;
    field = field == null ? "" : field;
  }

  /** A location at the start of a file, for problems that have no better place. */
  public static Location ofFile(String file) {
    return new Location(file, 1, 1, "", "");
  }

  public Location withField(String newField) {
    return new Location(file, line, column, object, newField);
  }

  /** {@code path:line:col}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
