package io.eksnet.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param root repository root: reported paths are relative to it; {@code .eksnet.yaml} is looked up
 *     there when {@code configFile} is null
 * @param paths files and directories to scan
 * @param configFile explicit config file, or null
 * @param ruleDirs directories of user DRL rules
 * @param enable rule ids to run in addition to the config's selection (when non-empty and the
 *     config enables none, only these run)
 * @param disable rule ids not to run
 * @param excludes root-relative globs not to scan, in addition to the config's {@code exclude}
 * @param baseline an earlier eksnet SARIF report to compare the findings with, or null
 * @param keepGoing when a user rule does not compile, has bad metadata or throws, leave it out and
 *     run the built-in and the other user rules; without it such an error means no rule is
 *     evaluated and no finding is reported (the errors are, with exit code 2 in the CLI)
 * @param workingDir the caller's working directory: user rule files under it are shown relative to
 *     it, as the caller named them (null: this process's working directory)
 * @param context directories (or files) loaded only as context: their objects are related with
 *     those of {@code paths} (within one cluster, as {@link ClusterScopes} decides), but only the
 *     findings whose location or related location is in a file under {@code paths} are reported,
 *     and only those files' input problems (empty: no context, everything under {@code paths} is
 *     reported)
 * @param partial the scanned tree is part of a larger one (a module of a multi-module build): rules
 *     that judge an absence ({@link io.eksnet.engine.RuleInfo#judgesAbsence()}) do not run, since
 *     what is missing here may be in the rest of the tree
 */
public record ScanRequest(
    Path root,
    List<Path> paths,
    Path configFile,
    List<Path> ruleDirs,
    Set<String> enable,
    Set<String> disable,
    List<String> excludes,
    Path baseline,
    boolean keepGoing,
    Path workingDir,
    List<Path> context,
    boolean partial) {

  public ScanRequest {
    workingDir = (workingDir != null ? workingDir : Path.of("")).toAbsolutePath();
    paths = List.copyOf(paths);
    ruleDirs = List.copyOf(ruleDirs);
    enable = Set.copyOf(enable);
    disable = Set.copyOf(disable);
    excludes = List.copyOf(excludes);
    context = List.copyOf(context);
  }

  /** No extra excludes, no baseline, stop at broken user rules. */
  public ScanRequest(
      Path root,
      List<Path> paths,
      Path configFile,
      List<Path> ruleDirs,
      Set<String> enable,
      Set<String> disable) {
    this(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        List.of(),
        null,
        false,
        null,
        List.of(),
        false);
  }

  /** Scan these paths with everything else at its default. */
  public static ScanRequest of(Path root, List<Path> paths) {
    return new ScanRequest(root, paths, null, List.of(), Set.of(), Set.of());
  }

  public ScanRequest withEnabled(Set<String> ids) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        ids,
        disable,
        excludes,
        baseline,
        keepGoing,
        workingDir,
        context,
        partial);
  }

  public ScanRequest withRuleDirs(List<Path> dirs) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        dirs,
        enable,
        disable,
        excludes,
        baseline,
        keepGoing,
        workingDir,
        context,
        partial);
  }

  /** Also skip these root-relative globs (the Maven plugin's {@code excludes}). */
  public ScanRequest withExcludes(List<String> globs) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        globs,
        baseline,
        keepGoing,
        workingDir,
        context,
        partial);
  }

  /** Compare the findings with this earlier eksnet SARIF report (null: no baseline). */
  public ScanRequest withBaseline(Path sarif) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        excludes,
        sarif,
        keepGoing,
        workingDir,
        context,
        partial);
  }

  /** Leave broken user rules out and run the rest (see {@code keepGoing}). */
  public ScanRequest withKeepGoing(boolean keep) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        excludes,
        baseline,
        keep,
        workingDir,
        context,
        partial);
  }

  /** Show user rule files relative to this directory (the CLI caller's working directory). */
  public ScanRequest withWorkingDir(Path dir) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        excludes,
        baseline,
        keepGoing,
        dir,
        context,
        partial);
  }

  /**
   * Load these directories or files as context for {@code paths}: related with them, never reported
   * on their own (see {@code context}).
   */
  public ScanRequest withContext(List<Path> dirs) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        excludes,
        baseline,
        keepGoing,
        workingDir,
        dirs,
        partial);
  }

  /** The tree is part of a larger one: absence rules stay silent (see {@code partial}). */
  public ScanRequest withPartial(boolean part) {
    return new ScanRequest(
        root,
        paths,
        configFile,
        ruleDirs,
        enable,
        disable,
        excludes,
        baseline,
        keepGoing,
        workingDir,
        context,
        part);
  }
}
