package io.eksnet.maven;

import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.report.AtomicFile;
import io.eksnet.report.Format;
import io.eksnet.report.ReportOptions;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scans the project's Kubernetes manifests and Terraform JSON with eksnet, writes a SARIF report,
 * and fails the build on findings at or above {@code failOn}. A thin shell over the scanner API.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** Skip the scan. */
  @Parameter(property = "eksnet.skip", defaultValue = "false")
  private boolean skip;

  /** Lowest severity that fails the build: critical, high, medium, low, info or none. */
  @Parameter(property = "eksnet.failOn", defaultValue = "high")
  private String failOn;

  /** When false, findings are reported but never fail the build. */
  @Parameter(property = "eksnet.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /** Files and directories to scan. */
  @Parameter(property = "eksnet.paths", defaultValue = "${project.basedir}")
  private List<File> paths;

  /** Directories of extra DRL rules. */
  @Parameter(property = "eksnet.rulesDirectories")
  private List<File> rulesDirectories;

  /**
   * When a user rule does not compile, has bad metadata or throws, leave it out and still run the
   * built-in and the other rules (the build still fails on the rule errors). Without it, such an
   * error means no rule is evaluated and no finding reported.
   */
  @Parameter(property = "eksnet.keepGoing", defaultValue = "false")
  private boolean keepGoing;

  /** Config file; default {@code .eksnet.yaml} at the repository root when present. */
  @Parameter(property = "eksnet.configFile")
  private File configFile;

  /** Where the SARIF report is written (before the build fails). */
  @Parameter(property = "eksnet.sarifFile", defaultValue = "${project.build.directory}/eksnet.sarif")
  private File sarifFile;

  /** Repository root that report paths are relative to; default: the git top-level. */
  @Parameter(property = "eksnet.root")
  private File root;

  /** The module's base directory, where the search for the repository root starts. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("eksnet: skipped");
      return;
    }
    Severity threshold = "none".equalsIgnoreCase(failOn) ? null : Severity.parse(failOn);
    if (threshold == null && !"none".equalsIgnoreCase(failOn)) {
      throw new MojoExecutionException("eksnet.failOn must be critical, high, medium, low, info or none: " + failOn);
    }
    Path rootDir = root != null ? root.toPath() : gitRoot(basedir.toPath());
    List<Path> scan = new ArrayList<>();
    for (File f : paths) {
      scan.add(f.toPath());
    }
    List<Path> rules = new ArrayList<>();
    if (rulesDirectories != null) {
      for (File f : rulesDirectories) {
        rules.add(f.toPath());
      }
    }
    ScanResult result = new Scanner().scan(new ScanRequest(rootDir, scan,
        configFile == null ? null : configFile.toPath(), rules, Set.of(), Set.of(), keepGoing));
    try {
      AtomicFile.write(sarifFile.toPath(), Format.SARIF.render(result, ReportOptions.defaults()));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + sarifFile + ": " + e.getMessage(), e);
    }
    int failing = 0;
    for (Finding f : result.activeFindings()) {
      String line = f.location().file() + ":" + f.location().line() + ": " + f.severity() + " " + f.ruleId() + " " + f.message();
      boolean fails = threshold != null && f.severity().atLeast(threshold);
      if (fails) {
        failing++;
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    for (InputProblem p : result.problems()) {
      getLog().error(p.location() + ": " + p.message());
    }
    getLog().info("eksnet: " + result.activeFindings().size() + " finding(s) in " + result.files().size()
        + " file(s); SARIF written to " + sarifFile);
    if (!result.problems().isEmpty()) {
      throw new MojoExecutionException("eksnet: " + result.problems().size() + " input problem(s); see above");
    }
    if (failing > 0 && failOnViolation) {
      throw new MojoFailureException("eksnet: " + failing + " finding(s) at or above " + failOn.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private static Path gitRoot(Path start) {
    for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return start.toAbsolutePath().normalize();
  }
}
