package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published {@code .pre-commit-hooks.yaml} driven by the real {@code pre-commit} (Debian's
 * package; {@code .ci/run} installs it) against a temporary git repository, with {@code eksnet} on
 * the PATH as a wrapper around the shaded {@code target/eksnet-cli.jar}.
 *
 * <p>Runs in failsafe's {@code integration-test} phase, after {@code package} built that jar: the
 * hook is an end-to-end contract of the packaged CLI, so it belongs to the core build rather than
 * to the Maven plugin's. Skipped with a message when {@code pre-commit} or {@code git} is missing.
 */
class PreCommitHookIT {

  private static final String NLB_SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
      spec:
        type: LoadBalancer
        ports: [{port: 80}]
      """;

  @TempDir Path tmp;

  private Path hooks;
  private Path work;
  private Path wrapper;
  private Map<String, String> env;

  record Run(int code, String output) {}

  private Run exec(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    return new Run(p.exitValue(), out);
  }

  private Run ok(Path dir, String... command) throws IOException, InterruptedException {
    Run r = exec(dir, command);
    assertEquals(0, r.code(), String.join(" ", command) + "\n" + r.output());
    return r;
  }

  private Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @BeforeEach
  void setUp() throws Exception {
    Tools.assumeOnPath("pre-commit", "git");
    Path jar =
        Path.of(System.getProperty("eksnet.cliJar", "target/eksnet-cli.jar")).toAbsolutePath();
    Path project = Path.of(System.getProperty("eksnet.projectDir", ".")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is built by `package`, before this test");

    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    wrapper = write(bin, "eksnet", "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    env =
        Map.of(
            "PATH",
            bin + File.pathSeparator + System.getenv("PATH"),
            "PRE_COMMIT_HOME",
            tmp.resolve("pre-commit-cache").toString(),
            "GIT_AUTHOR_NAME",
            "eksnet test",
            "GIT_AUTHOR_EMAIL",
            "test@eksnet.invalid",
            "GIT_COMMITTER_NAME",
            "eksnet test",
            "GIT_COMMITTER_EMAIL",
            "test@eksnet.invalid",
            "GIT_CONFIG_GLOBAL",
            tmp.resolve("gitconfig").toString(),
            "NO_COLOR",
            "1");

    // try-repo needs a git repository with the manifest committed: this project's manifest, as is
    hooks = Files.createDirectories(tmp.resolve("hooks"));
    Files.copy(project.resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    ok(hooks, "git", "init", "-q");
    ok(hooks, "git", "add", ".");
    ok(hooks, "git", "commit", "-q", "-m", "hooks");

    work = Files.createDirectories(tmp.resolve("work"));
    ok(work, "git", "init", "-q");
    write(
        work,
        ".eksnet.yaml",
        """
        failOn: medium
        ignore:
          - rule: EKS-SVC-001
            path: "legacy/**"
            reason: "legacy cluster, replaced next quarter"
        """);
    write(work, "legacy/web.yaml", NLB_SERVICE);
    write(
        work,
        "k8s/clean.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          ports: [{port: 80}]
        """);
    write(work, "k8s/bad.yaml", NLB_SERVICE);
    write(
        work,
        "k8s/suppressed.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
        spec:
          # eksnet:ignore EKS-SVC-001 the application reads proxy protocol set up outside Kubernetes
          type: LoadBalancer
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: old
          annotations:
            eksnet.io/ignore: EKS-SVC-001
            eksnet.io/ignore-reason: retired next release
            service.beta.kubernetes.io/aws-load-balancer-type: nlb
        spec:
          type: LoadBalancer
          ports: [{port: 80}]
        """);
    write(work, "ci/pipeline.yaml", "stages: [build, test]\nbuild: {script: [make]}\n");
    write(work, "package.json", "{\"name\": \"site\", \"version\": \"1.0.0\"}\n");
    write(work, "terraform/plan.json", "{\"format_version\": \"1.2\", \"planned_values\": {}}\n");
    ok(work, "git", "add", ".");
  }

  private Run tryRepo(String... files) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of("pre-commit", "try-repo", hooks.toString(), "eksnet", "--color", "never"));
    if (files.length == 0) {
      cmd.add("--all-files");
    } else {
      cmd.add("--files");
      cmd.addAll(List.of(files));
    }
    return exec(work, cmd.toArray(String[]::new));
  }

  @Test
  void cleanAndSuppressedFilesPassAndNonKubernetesFilesAreIgnoredQuietly() throws Exception {
    Run r =
        tryRepo(
            "k8s/clean.yaml",
            "k8s/suppressed.yaml",
            "legacy/web.yaml",
            "ci/pipeline.yaml",
            "package.json",
            "terraform/plan.json",
            ".eksnet.yaml");
    assertEquals(0, r.code(), r.output());
    assertTrue(
        r.output().contains("eksnet (EKS networking)") && r.output().contains("Passed"),
        r.output());
  }

  @Test
  void aBadFileFailsTheHookWithPathLineAndRule() throws Exception {
    String before = ok(work, "git", "status", "--porcelain").output();
    Run r = tryRepo("k8s/clean.yaml", "k8s/bad.yaml");
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("Failed"), r.output());
    assertTrue(r.output().contains("k8s/bad.yaml:5:3: MEDIUM EKS-SVC-001 Service web"), r.output());
    assertFalse(r.output().contains("suppressed.yaml"), r.output());

    Run all = tryRepo();
    assertEquals(1, all.code(), all.output());
    assertTrue(all.output().contains("k8s/bad.yaml:5:3: MEDIUM EKS-SVC-001"), all.output());
    assertFalse(
        all.output().contains("k8s/suppressed.yaml:"),
        "suppressions work in the hook: " + all.output());
    assertFalse(
        all.output().contains("legacy/web.yaml:"), "config suppressions too: " + all.output());
    assertEquals(
        before, ok(work, "git", "status", "--porcelain").output(), "the hook modifies no file");
  }

  @Test
  void installedHookBlocksACommitOfABadManifest() throws Exception {
    String rev = ok(hooks, "git", "rev-parse", "HEAD").output().strip();
    write(
        work,
        ".pre-commit-config.yaml",
        """
        repos:
          - repo: %s
            rev: %s
            hooks:
              - id: eksnet
        """
            .formatted(hooks, rev));
    ok(work, "git", "add", ".pre-commit-config.yaml");
    ok(work, "pre-commit", "install");

    Run rejected = exec(work, "git", "commit", "-q", "-m", "add manifests");
    assertEquals(1, rejected.code(), rejected.output());
    assertTrue(
        rejected.output().contains("k8s/bad.yaml:5:3: MEDIUM EKS-SVC-001"), rejected.output());
    assertEquals(
        1,
        exec(work, "git", "rev-parse", "--verify", "-q", "HEAD").code(),
        "nothing was committed");

    ok(work, "git", "rm", "-q", "--cached", "k8s/bad.yaml");
    Run accepted = ok(work, "git", "commit", "-q", "-m", "add clean manifests");
    assertTrue(accepted.output().contains("Passed"), accepted.output());
  }

  @Test
  void concurrentRunsAreSafe() throws Exception {
    // require_serial keeps pre-commit to one process, but users may run eksnet in parallel anyway
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  wrapper.toString(), "scan", "--no-color", "k8s/bad.yaml", "k8s/clean.yaml")
              .directory(work.toFile())
              .redirectErrorStream(true);
      pb.environment().putAll(env);
      runs.add(pb.start());
    }
    String first = null;
    for (Process p : runs) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), out);
      if (first == null) {
        first = out;
      }
      assertEquals(first, out);
    }
  }
}
