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
 */
public record ScanRequest(
    Path root, List<Path> paths, Path configFile, List<Path> ruleDirs, Set<String> enable, Set<String> disable) {

  public ScanRequest {
    paths = List.copyOf(paths);
    ruleDirs = List.copyOf(ruleDirs);
    enable = Set.copyOf(enable);
    disable = Set.copyOf(disable);
  }

  /** Scan these paths with everything else at its default. */
  public static ScanRequest of(Path root, List<Path> paths) {
    return new ScanRequest(root, paths, null, List.of(), Set.of(), Set.of());
  }

  public ScanRequest withEnabled(Set<String> ids) {
    return new ScanRequest(root, paths, configFile, ruleDirs, ids, disable);
  }

  public ScanRequest withRuleDirs(List<Path> dirs) {
    return new ScanRequest(root, paths, configFile, dirs, enable, disable);
  }
}
