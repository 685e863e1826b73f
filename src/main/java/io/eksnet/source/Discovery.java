package io.eksnet.source;

import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the files to scan under the given paths: {@code *.yaml}, {@code *.yml}, {@code *.json}, and
 * {@code *.tf} (only to point findings at resource blocks); skips VCS and build folders, Helm chart
 * {@code templates/} (with a notice, also for a file in one named on the command line) and excluded
 * globs; never follows a symbolic link to a directory inside a walk, nor one to a file outside the
 * scan root. The result is sorted, so the walk order of the file system never changes the output.
 */
public final class Discovery {

  /** Files found, notices (skipped chart templates), and problems (missing paths). */
  public record Result(List<SourceFile> files, List<String> notices, List<InputProblem> problems) {}

  private static final List<String> SKIP_DIRS =
      List.of(".git", ".hg", ".svn", "node_modules", ".terraform");

  private Discovery() {}

  public static boolean isScannable(Path p) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml")
        || n.endsWith(".yml")
        || n.endsWith(".json")
        || n.endsWith(".tfstate");
  }

  /**
   * A raw Terraform state file by its (lower-case) name: {@code *.tfstate}, and {@code
   * *.tfstate.backup}, which is read only when named on the command line (in a directory it is the
   * state before the last apply, beside the current one).
   */
  public static boolean isTerraformState(String lowerName) {
    return lowerName.endsWith(".tfstate") || lowerName.endsWith(".tfstate.backup");
  }

  /**
   * Names of files pre-commit's {@code yaml}, {@code json} and {@code terraform} types pass that
   * eksnet does not read, so naming one says nothing.
   */
  private static boolean isQuietlySkipped(String lowerName) {
    return lowerName.endsWith(".tfvars")
        || lowerName.endsWith(".hcl")
        || lowerName.endsWith(".tftest.hcl");
  }

  /**
   * A name of a caller's stream or open file ({@code /dev/stdin}, {@code /dev/fd/63} of a process
   * substitution, {@code /proc/self/fd/0}): read as named even when it is a redirected regular
   * file.
   */
  public static boolean isStreamName(Path p) {
    String s = p.toAbsolutePath().normalize().toString().replace('\\', '/');
    return s.equals("/dev/stdin")
        || s.startsWith("/dev/fd/")
        || s.matches("/proc/(self|\\d+)/fd/\\d+");
  }

  /** Terraform sources, read only for the lines of their resource blocks. */
  static boolean isFound(Path p) {
    return isScannable(p)
        || (p.getFileName() != null
            && TerraformSources.isTerraformSource(p.getFileName().toString()));
  }

  /**
   * @param root the repository root paths are made relative to
   * @param paths files or directories given by the user
   * @param excludes glob patterns matched against root-relative paths (e.g. {@code vendor/**})
   */
  public static Result find(Path root, List<Path> paths, List<String> excludes) {
    Path realRoot = real(root);
    TreeSet<SourceFile> files = new TreeSet<>();
    List<String> notices = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    List<Glob> matchers = new ArrayList<>();
    for (String g : excludes) {
      try {
        matchers.add(Glob.compile(g)); // the config's are checked, the CLI's in Main
      } catch (PatternSyntaxException e) {
        problems.add(
            new InputProblem(
                Location.ofFile("."),
                "exclude '" + g + "' is not a valid glob: " + e.getDescription()));
      }
    }
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(
            new InputProblem(Location.ofFile(relative(root, abs)), "no such file or directory"));
        continue;
      }
      if (!Files.isDirectory(abs) && (!Files.isRegularFile(abs) || isStreamName(abs))) {
        // a pipe (process substitution), /dev/stdin, a FIFO or a device: read whatever its name
        files.add(new SourceFile(abs, relative(root, abs)));
        continue;
      }
      if (Files.isRegularFile(abs)) {
        // an explicitly named file (pre-commit passes these) is scanned when it is YAML, JSON or
        // a Terraform state; any other named file is skipped with a notice
        String lower =
            abs.getFileName() == null ? "" : abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!isFound(abs) && !isTerraformState(lower)) {
          if (lower.endsWith(".tfplan") && !excluded(relative(root, abs), matchers)) {
            notices.add(
                relative(root, abs)
                    + ": a binary Terraform plan is not read; scan `terraform show -json "
                    + abs.getFileName()
                    + "` output instead");
          } else if (!isQuietlySkipped(lower) && !excluded(relative(root, abs), matchers)) {
            notices.add(
                relative(root, abs)
                    + ": not read (eksnet reads *.yaml, *.yml, *.json, Terraform state *.tfstate,"
                    + " and *.tf for locations)");
          }
          continue;
        }
        if (!excluded(relative(root, abs), matchers)) {
          if (inChartTemplates(abs)) {
            notices.add(
                relative(root, abs)
                    + ": Helm chart template skipped (render the chart with `helm template` and scan"
                    + " the output)");
          } else {
            files.add(new SourceFile(abs, relative(root, abs)));
          }
        }
        continue;
      }
      walk(root, realRoot, abs, matchers, files, notices, problems);
    }
    Collections.sort(notices); // in walk order otherwise, which is the file system's
    return new Result(List.copyOf(files), notices, problems);
  }

  /**
   * Walks a directory the user named (following it when it is itself a symbolic link: they asked
   * for it). Inside it, symbolic links to directories are never followed (no loops, no escapes, no
   * file read twice), and links to files only when the file is inside the repository root or the
   * named directory. Reported paths keep the name the user gave.
   */
  private static void walk(
      Path root,
      Path realRoot,
      Path dir,
      List<Glob> matchers,
      java.util.Set<SourceFile> files,
      List<String> notices,
      List<InputProblem> problems) {
    Path start = Files.isSymbolicLink(dir) ? real(dir) : dir;
    Path realStart = real(dir);
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            /** The path as the user would write it: under the directory they named. */
            private Path shown(Path p) {
              return start == dir ? p : dir.resolve(start.relativize(p));
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              if (!d.equals(start) && SKIP_DIRS.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              String rel = relative(root, shown(d));
              if (!d.equals(start) && excluded(rel, matchers)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (isChartTemplates(d)) {
                notices.add(
                    rel
                        + "/: Helm chart templates skipped (render them with `helm template` and scan the output)");
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String rel = relative(root, shown(f));
              if (attrs.isSymbolicLink()) {
                Path target = real(f);
                boolean exists = Files.exists(f);
                if (exists && Files.isDirectory(f)) {
                  if (!excluded(rel, matchers)) {
                    notices.add(rel + "/: symbolic link to a directory not followed");
                  }
                  return FileVisitResult.CONTINUE;
                }
                if (!isFound(f)) {
                  return FileVisitResult.CONTINUE;
                }
                if (!exists) {
                  notices.add(rel + ": dangling symbolic link skipped");
                  return FileVisitResult.CONTINUE;
                }
                if (!(target.startsWith(realRoot) || target.startsWith(realStart))
                    || !Files.isRegularFile(target)) {
                  notices.add(rel + ": symbolic link out of the scan root skipped");
                  return FileVisitResult.CONTINUE;
                }
              } else if (!attrs.isRegularFile() || !isFound(f)) {
                return FileVisitResult.CONTINUE;
              }
              if (!excluded(rel, matchers)) {
                files.add(new SourceFile(f, rel));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              problems.add(
                  new InputProblem(
                      Location.ofFile(relative(root, shown(f))),
                      "cannot read: " + InputProblem.describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(
          new InputProblem(
              Location.ofFile(relative(root, dir)), "cannot read: " + InputProblem.describe(e)));
    }
  }

  /** A chart's {@code templates/} folder: named so, next to {@code Chart.yaml}. */
  private static boolean isChartTemplates(Path d) {
    return d.getFileName() != null
        && "templates".equals(d.getFileName().toString())
        && d.getParent() != null
        && (Files.exists(d.getParent().resolve("Chart.yaml"))
            || Files.exists(d.getParent().resolve("Chart.yml")));
  }

  /**
   * A file inside a chart's {@code templates/} folder (also in a subfolder such as {@code
   * templates/tests/}): a file named on the command line is skipped as the walk skips the folder.
   */
  private static boolean inChartTemplates(Path file) {
    for (Path d = file.getParent(); d != null; d = d.getParent()) {
      if (isChartTemplates(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matched on the string: a name the platform encoding cannot represent (a UTF-8 name with {@code
   * LANG=C}) must not be turned back into a {@link Path}.
   */
  private static boolean excluded(String rel, List<Glob> matchers) {
    for (Glob m : matchers) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /**
   * The path relative to the root with forward slashes; a path outside the root is absolute, as
   * normalised (never a {@code ..} prefix; {@code /tmp/plan.json} stays {@code /tmp/plan.json}).
   */
  public static String relative(Path root, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    Path rel = abs.startsWith(r) ? r.relativize(abs) : abs;
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
