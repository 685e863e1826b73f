package io.eksnet.finding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A note for findings in test data: folders that projects use for test inputs ({@code testdata/},
 * {@code test_data/}, {@code fixtures/}, {@code golden/}...) often hold manifests that are broken
 * on purpose or are stale expected outputs. Such findings are still reported (the scan cannot tell
 * a deliberate mistake from a real one); the note says how many there are and how to leave the
 * folders out.
 */
public final class TestDataNote {

  /** Folder names that hold test inputs by convention (compared case-insensitively). */
  static final Set<String> FOLDERS =
      Set.of(
          "testdata",
          "test_data",
          "test-data",
          "fixtures",
          "__fixtures__",
          "test-fixtures",
          "golden",
          "goldens",
          "__snapshots__");

  private TestDataNote() {}

  /** The note for these findings, or empty when none is in a test-data folder. */
  public static Optional<String> of(List<Finding> findings) {
    int count = 0;
    Set<String> folders = new TreeSet<>();
    Set<String> globs = new TreeSet<>();
    for (Finding f : findings) {
      String path = f.location().file().replace('\\', '/');
      String folder = testDataFolder(path);
      if (folder != null) {
        count++;
        folders.add(folder);
        // a root-relative glob: **/ matches one folder or more, so a folder at the root needs its
        // own
        globs.add((path.startsWith(folder + "/") ? "" : "**/") + folder + "/**");
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    StringBuilder options = new StringBuilder();
    for (String glob : globs) {
      options
          .append(options.length() == 0 ? "" : " ")
          .append("--exclude '")
          .append(glob)
          .append("'");
    }
    return Optional.of(
        (count == 1 ? "1 finding is" : count + " findings are")
            + " in test data ("
            + String.join("/, ", folders)
            + "/ folders), whose manifests are often broken on purpose or stale; if these are,"
            + " leave them out with "
            + options
            + " (or `exclude:` in .eksnet.yaml)");
  }

  /** The first test-data folder name on a root-relative path, as written, or null. */
  static String testDataFolder(String path) {
    String[] parts = path.replace('\\', '/').split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (FOLDERS.contains(parts[i].toLowerCase(Locale.ROOT))) {
        return parts[i];
      }
    }
    return null;
  }
}
