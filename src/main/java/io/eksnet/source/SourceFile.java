package io.eksnet.source;

import java.nio.file.Path;

/** A file to scan: where it is on disk and its path relative to the scan root (forward slashes). */
public record SourceFile(Path path, String relative) implements Comparable<SourceFile> {
  @Override
  public int compareTo(SourceFile o) {
    return relative.compareTo(o.relative);
  }
}
