package io.eksnet.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param root repository root: reported paths are relative to it; {@code .eksnet.yaml} is looked
 *     up there when {@code configFile} is null
 * @param paths files and directories to scan
 * @param configFile explicit config file, or null
 * @param ruleDirs directories of user DRL rules
 * @param enable rule ids to run in addition to the config's selection (when non-empty and the
 *     config enables none, only these run)
 * @param disable rule ids not to run
 * @param excludes root-relative globs not to scan, in addition to the config's {@code exclude}
 * @param baseline an earlier eksnet SARIF report to compare the findings with, or null
 */
public record ScanRequest(
    Path root,
    List<Path> paths,
    Path configFile,
    List<Path> ruleDirs,
    Set<String> enable,
    Set<String> disable,
    List<String> excludes,
    Path baseline) {

  public ScanRequest {
    paths = List.copyOf(paths);
    ruleDirs = List.copyOf(ruleDirs);
    enable = Set.copyOf(enable);
    disable = Set.copyOf(disable);
    excludes = List.copyOf(excludes);
  }

  /** No extra excludes, no baseline. */
  public ScanRequest(
      Path root, List<Path> paths, Path configFile, List<Path> ruleDirs, Set<String> enable, Set<String> disable) {
    this(root, paths, configFile, ruleDirs, enable, disable, List.of(), null);
  }

  /** Scan these paths with everything else at its default. */
  public static ScanRequest of(Path root, List<Path> paths) {
    return new ScanRequest(root, paths, null, List.of(), Set.of(), Set.of());
  }

  public ScanRequest withEnabled(Set<String> ids) {
    return new ScanRequest(root, paths, configFile, ruleDirs, ids, disable, excludes, baseline);
  }

  public ScanRequest withRuleDirs(List<Path> dirs) {
    return new ScanRequest(root, paths, configFile, dirs, enable, disable, excludes, baseline);
  }

  /** Also skip these root-relative globs (the Maven plugin's {@code excludes}). */
  public ScanRequest withExcludes(List<String> globs) {
    return new ScanRequest(root, paths, configFile, ruleDirs, enable, disable, globs, baseline);
  }

  /** Compare the findings with this earlier eksnet SARIF report (null: no baseline). */
  public ScanRequest withBaseline(Path sarif) {
    return new ScanRequest(root, paths, configFile, ruleDirs, enable, disable, excludes, sarif);
  }
}
