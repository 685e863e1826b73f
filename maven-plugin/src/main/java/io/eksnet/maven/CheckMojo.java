package io.eksnet.maven;

import io.eksnet.engine.RuleDocs;
import io.eksnet.finding.FailOn;
import io.eksnet.finding.Finding;
import io.eksnet.model.InputProblem;
import io.eksnet.report.AtomicFile;
import io.eksnet.report.Format;
import io.eksnet.report.ReportOptions;
import io.eksnet.report.TextReport;
import io.eksnet.scan.Outcome;
import io.eksnet.scan.Roots;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import io.eksnet.source.Discovery;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the module's Kubernetes manifests and Terraform JSON with eksnet, writes the reports (SARIF
 * by default) and fails the build on findings at or above {@code failOn}.
 *
 * <p>A thin shell over {@link Scanner}: the parameters become a {@link ScanRequest}; findings are
 * logged as {@code path:line: SEVERITY ID message}; the reports are written before the build fails,
 * so CI can upload the SARIF of a failed build. Findings fail with {@link MojoFailureException};
 * input problems (unparseable files, a bad config, rule or baseline file) with {@link
 * MojoExecutionException}. Report paths are relative to the repository root (the nearest directory
 * with {@code .git} above the module), also in sub-modules, as GitHub code scanning needs.
 *
 * <p>Each module scans its own directory, as checkstyle and spotbugs check a module's own sources:
 * the build directory, the directories of its sub-modules (scanned by their own execution), its
 * test sources ({@code src/test} and the test source and resource roots, unless {@code
 * includeTests}) and hidden folders ({@code .vscode}, {@code .idea}, {@code .mvn}, ...) are left
 * out. A module whose {@code paths} name sub-modules' directories (or its own) scans them, with the
 * module's files, as one tree, so references across modules resolve (an Ingress in one module, its
 * Service in another).
 *
 * <p>A scan that leaves out other modules of the build (a module's own scan in a multi-module
 * build) is a partial tree: the rules that judge an absence ("no Service of that name") do not run
 * there, since what is missing may be in a sibling module; a scan whose paths cover every module
 * runs them.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** Skip the scan. */
  @Parameter(property = "eksnet.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Lowest severity that fails the build: {@code critical}, {@code high}, {@code medium}, {@code
   * low}, {@code info} or {@code none}. Default: {@code failOn} of the config file, else {@code
   * high}.
   */
  @Parameter(property = "eksnet.failOn", alias = "failOnSeverity")
  private String failOn;

  /** When false, findings are reported (and written to the reports) but never fail the build. */
  @Parameter(property = "eksnet.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /**
   * Files and directories to scan, relative to the module ({@code -Deksnet.paths=k8s,deploy}).
   * Default: the module's base directory without its build directory, sub-modules, test sources and
   * hidden folders. Sub-modules' directories named here are scanned with the rest as one tree, so
   * references across modules resolve; a scan that covers every module of the build is no partial
   * tree.
   */
  @Parameter(property = "eksnet.paths")
  private List<File> paths;

  /**
   * Globs of files and directories not to scan, relative to the module's base directory (e.g.
   * {@code src/test/**}). The config file's {@code exclude} applies too.
   */
  @Parameter(property = "eksnet.excludes")
  private List<String> excludes;

  /**
   * Also scan the module's test sources ({@code src/test} and the test source and resource roots)
   * when {@code paths} is not set. Off by default: test fixtures are often wrong on purpose.
   */
  @Parameter(property = "eksnet.includeTests", defaultValue = "false")
  private boolean includeTests;

  /** Directories of extra DRL rules, compiled at run time (see the README, "Writing rules"). */
  @Parameter(property = "eksnet.rulesDirectories")
  private List<File> rulesDirectories;

  /**
   * When a user rule does not compile, has bad metadata or throws, leave it out and still run the
   * built-in and the other rules (the build still fails on the rule errors). Without it, such an
   * error means no rule is evaluated and no finding reported.
   */
  @Parameter(property = "eksnet.keepGoing", defaultValue = "false")
  private boolean keepGoing;

  /** Config file. Default: {@code .eksnet.yaml} at the repository root, when present. */
  @Parameter(property = "eksnet.configFile")
  private File configFile;

  /** Where the SARIF report is written. */
  @Parameter(
      property = "eksnet.sarifFile",
      defaultValue = "${project.build.directory}/eksnet.sarif")
  private File sarifFile;

  /**
   * Reports to write: {@code sarif} (to {@code sarifFile}), {@code json}, {@code text} and {@code
   * html} (next to it, as {@code eksnet.json}, {@code eksnet.txt} and {@code eksnet.html} for the
   * default {@code sarifFile}).
   */
  @Parameter(property = "eksnet.formats", defaultValue = "sarif")
  private List<String> formats;

  /**
   * An earlier eksnet SARIF report: only findings not in it are logged and fail the build; the
   * SARIF marks each result {@code new} or {@code unchanged}.
   */
  @Parameter(property = "eksnet.baselineFile")
  private File baselineFile;

  /**
   * Repository root that report paths are relative to. Default: the nearest directory with {@code
   * .git}.
   */
  @Parameter(property = "eksnet.root")
  private File root;

  /** The module being built. */
  /**
   * The SARIF run's analysis category for GitHub code scanning ({@code automationDetails.id} {@code
   * <category>/}). Defaults to the module's artifactId, so that the reports of a multi-module build
   * can be uploaded together; {@code none} leaves it out (the upload's {@code category} input then
   * applies).
   */
  @Parameter(property = "eksnet.sarifCategory", defaultValue = "${project.artifactId}")
  private String sarifCategory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping eksnet (eksnet.skip)");
      return;
    }
    FailOn policy = policy(); // a bad failOn or format stops the build before anything is scanned
    Map<Format, Path> reports = reports();
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path rootDir =
        root != null ? root.toPath().toAbsolutePath().normalize() : Roots.find(basedir, basedir);

    List<Path> scan = new ArrayList<>();
    for (Path p : files(paths)) {
      scan.add(basedir.resolve(p).toAbsolutePath().normalize());
    }
    boolean explicitPaths = !scan.isEmpty();
    if (!explicitPaths) {
      scan.add(basedir);
    }
    List<Path> skipped = skippedDirectories(basedir, explicitPaths);
    List<Path> missed = otherModules(basedir, scan, skipped);
    ScanRequest request =
        new ScanRequest(
                rootDir,
                scan,
                configFile == null ? null : configFile.toPath(),
                files(rulesDirectories),
                Set.of(),
                Set.of())
            .withExcludes(excludes(rootDir, basedir, skipped, !explicitPaths))
            .withBaseline(baselineFile == null ? null : baselineFile.toPath())
            .withKeepGoing(keepGoing)
            .withPartial(!missed.isEmpty());
    ScanResult result = new Scanner().scan(request);
    if (result.files().isEmpty()) {
      getLog()
          .warn(
              "eksnet: no YAML, JSON or .tf file to scan under "
                  + String.join(
                      ", ", scan.stream().map(p -> Discovery.relative(rootDir, p)).toList())
                  + (explicitPaths
                      ? ""
                      : " (sub-modules' directories are left to their own executions; name them"
                          + " in <paths> to scan them with this module as one tree)"));
    }
    if (!missed.isEmpty()) {
      getLog()
          .info(
              "eksnet: partial tree, other modules not in this scan: "
                  + String.join(
                      ", ", missed.stream().map(p -> Discovery.relative(rootDir, p)).toList()));
    }

    ReportOptions options =
        ReportOptions.defaults()
            .withDocs(RuleDocs::doc)
            .withCategory(
                "none".equalsIgnoreCase(String.valueOf(sarifCategory).strip())
                    ? null
                    : sarifCategory);
    for (Map.Entry<Format, Path> e : reports.entrySet()) {
      try {
        AtomicFile.write(e.getValue(), e.getKey().render(result, options));
      } catch (IOException ex) {
        throw new MojoExecutionException(
            "cannot write " + e.getValue() + ": " + ex.getMessage(), ex);
      }
    }

    Outcome outcome = Outcome.of(result, policy);
    Set<Finding> failing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    failing.addAll(outcome.failing());
    for (Finding f : result.newFindings()) {
      String line =
          f.location().file()
              + ":"
              + f.location().line()
              + ": "
              + f.severity()
              + " "
              + f.ruleId()
              + " "
              + f.message();
      if (failing.contains(f)) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    for (InputProblem p : result.problems()) {
      getLog().error(p.location() + ": error: " + p.message());
    }
    for (String note : result.notes()) {
      getLog().warn("note: " + note);
    }
    getLog()
        .info(
            "eksnet: "
                + TextReport.summary(result)
                + (reports.isEmpty()
                    ? ""
                    : "; reports: "
                        + String.join(
                            ", ", reports.values().stream().map(Path::toString).toList())));

    switch (outcome.kind()) {
      case CLEAN -> {}
      case ERRORS ->
          throw new MojoExecutionException(
              "eksnet: " + result.problems().size() + " input problem(s); see above");
      case FINDINGS -> {
        String msg =
            "eksnet: " + outcome.failing().size() + " finding(s) at or above " + outcome.failOn();
        if (failOnViolation) {
          throw new MojoFailureException(msg);
        }
        getLog().warn(msg + " (eksnet.failOnViolation is false)");
      }
    }
  }

  /** {@code failOn} parsed; null when not set (the config's, else the default, applies). */
  private FailOn policy() throws MojoExecutionException {
    if (failOn == null || failOn.isBlank()) {
      return null;
    }
    FailOn p = FailOn.parse(failOn);
    if (p == null) {
      throw new MojoExecutionException(
          "eksnet.failOn must be one of " + FailOn.CHOICES + ", not '" + failOn + "'");
    }
    return p;
  }

  /** The report files by format, in a stable order; SARIF goes to {@code sarifFile}. */
  private Map<Format, Path> reports() throws MojoExecutionException {
    Map<Format, Path> out = new LinkedHashMap<>();
    Path sarif = sarifFile.toPath().toAbsolutePath().normalize();
    String name = sarif.getFileName().toString();
    String base =
        name.endsWith(".sarif") ? name.substring(0, name.length() - ".sarif".length()) : name;
    for (String f : formats == null ? List.<String>of() : formats) {
      if (f == null || f.isBlank()) {
        continue;
      }
      Format format = Format.parse(f);
      if (format == null) {
        throw new MojoExecutionException(
            "eksnet.formats: unknown format '" + f + "' (sarif, json, text, html)");
      }
      out.put(
          format,
          switch (format) {
            case SARIF -> sarif;
            case JSON -> sarif.resolveSibling(base + ".json");
            case TEXT -> sarif.resolveSibling(base + ".txt");
            case HTML -> sarif.resolveSibling(base + ".html");
          });
    }
    return out;
  }

  /**
   * The directories this module leaves out: the build directories of every module of the build,
   * and, unless {@code paths} were given, the sub-modules' directories (their own executions scan
   * them) and the test sources (unless {@code includeTests}).
   */
  private List<Path> skippedDirectories(Path basedir, boolean explicitPaths) {
    List<Path> skipped = new ArrayList<>();
    skipped.add(Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize());
    for (MavenProject p : allProjects()) {
      skipped.add(Path.of(p.getBuild().getDirectory()).toAbsolutePath().normalize());
    }
    if (!explicitPaths) {
      for (String m : project.getModules()) {
        Path dir = basedir.resolve(m).normalize();
        skipped.add(Files.isRegularFile(dir) ? dir.getParent() : dir); // may name its pom.xml
      }
      if (!includeTests) {
        skipped.add(basedir.resolve("src/test"));
        for (String r : project.getTestCompileSourceRoots()) {
          skipped.add(basedir.resolve(r).toAbsolutePath().normalize());
        }
        for (org.apache.maven.model.Resource r : project.getTestResources()) {
          if (r.getDirectory() != null) {
            skipped.add(basedir.resolve(r.getDirectory()).toAbsolutePath().normalize());
          }
        }
      }
    }
    return skipped;
  }

  /**
   * The directories of the build's other modules (and this module's sub-modules) that this scan
   * does not cover: not under a scanned path, or left out. Empty when the scan is the whole tree.
   */
  private List<Path> otherModules(Path basedir, List<Path> scan, List<Path> skipped) {
    List<Path> dirs = new ArrayList<>();
    for (MavenProject p : allProjects()) {
      if (p.getBasedir() != null) {
        dirs.add(p.getBasedir().toPath().toAbsolutePath().normalize());
      }
    }
    for (String m : project.getModules()) {
      Path dir = basedir.resolve(m).normalize();
      dirs.add(Files.isRegularFile(dir) ? dir.getParent() : dir);
    }
    List<Path> missed = new ArrayList<>();
    for (Path dir : dirs) {
      boolean covered =
          scan.stream().anyMatch(dir::startsWith) && skipped.stream().noneMatch(dir::startsWith);
      if (!covered && !dir.equals(basedir) && !missed.contains(dir)) {
        missed.add(dir);
      }
    }
    return missed;
  }

  private List<MavenProject> allProjects() {
    if (session == null) {
      return List.of();
    }
    List<MavenProject> all = session.getAllProjects();
    return all != null ? all : session.getProjects();
  }

  /**
   * Root-relative globs: the user's (relative to the module), the {@code skipped} directories and,
   * when the whole module is scanned, its hidden folders.
   */
  private List<String> excludes(
      Path rootDir, Path basedir, List<Path> skipped, boolean wholeModule) {
    String module = Discovery.relative(rootDir, basedir);
    String prefix = ".".equals(module) ? "" : module + "/";
    List<String> out = new ArrayList<>();
    if (excludes != null) {
      for (String g : excludes) {
        if (g != null && !g.isBlank()) {
          out.add(prefix + g.strip());
        }
      }
    }
    if (wholeModule) {
      out.add(prefix + ".*"); // .vscode, .idea, .mvn, .github: editor and tool settings
      out.add(prefix + "**/.*");
    }
    for (Path dir : skipped) {
      String rel = Discovery.relative(rootDir, dir.toAbsolutePath().normalize());
      out.add(rel);
      out.add(rel + "/**");
    }
    return out;
  }

  private static List<Path> files(List<File> files) {
    List<Path> out = new ArrayList<>();
    if (files != null) {
      for (File f : files) {
        out.add(f.toPath());
      }
    }
    return out;
  }
}
