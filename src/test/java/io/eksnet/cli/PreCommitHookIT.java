package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published {@code .pre-commit-hooks.yaml} driven by the real {@code pre-commit} (Debian's
 * package; {@code .ci/run} installs it) against a temporary git repository, with no {@code eksnet}
 * on the PATH: the hooks are {@code language: script}, so pre-commit runs the launcher of the
 * revision it checked out, which builds its jar there on first use.
 *
 * <p>The hook repository is a commit of this project's tracked files as they are in the working
 * tree, so the test checks the hooks and launcher being built, not a published release. {@code
 * pre-commit try-repo} (which clones into a new temporary store each time) runs once, with no
 * eksnet on the PATH, and its first run builds the jar in its clone (one Maven build, a minute or
 * two). The other tests pin the commit in a {@code .pre-commit-config.yaml} and run {@code
 * pre-commit run} with a store shared by the class, so the jar is built there once more and reused.
 *
 * <p>Runs in failsafe's {@code integration-test} phase, after {@code package}: the hook is an
 * end-to-end contract of the packaged CLI, so it belongs to the core build rather than to the Maven
 * plugin's. Skipped with a message when {@code pre-commit}, {@code git} or {@code mvn} is missing.
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

  /** An ALB Ingress with the controller's default (instance) targets. */
  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: catalog}
      spec:
        ingressClassName: alb
        rules:
          - http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service:
                      name: catalog
                      port: {number: 80}
      """;

  /** Its backend: a ClusterIP Service, which instance targets cannot reach. */
  private static final String CLUSTER_IP_SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: catalog}
      spec:
        selector: {app: catalog}
        ports: [{port: 80}]
      """;

  @TempDir static Path shared;
  @TempDir Path tmp;

  private static Path hooks;
  private static Map<String, String> env;
  private static String firstRun;
  private Path work;
  private Path wrapper;

  record Run(int code, String output) {}

  private static Run exec(Path dir, String... command) throws IOException, InterruptedException {
    return exec(dir, env, command);
  }

  private static Run exec(Path dir, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(environment);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // the first hook run builds eksnet in pre-commit's clone
    assertTrue(p.waitFor(900, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    return new Run(p.exitValue(), out);
  }

  private static Run ok(Path dir, String... command) throws IOException, InterruptedException {
    Run r = exec(dir, command);
    assertEquals(0, r.code(), String.join(" ", command) + "\n" + r.output());
    return r;
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** The PATH without any directory that holds an {@code eksnet}. */
  private static String pathWithoutEksnet() {
    List<String> dirs = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && !Files.exists(Path.of(d, "eksnet"))) {
        dirs.add(d);
      }
    }
    return String.join(File.pathSeparator, dirs);
  }

  @BeforeAll
  static void hookRepository() throws Exception {
    Tools.assumeOnPath("pre-commit", "git", "mvn");
    Path project = Path.of(System.getProperty("eksnet.projectDir", ".")).toAbsolutePath();
    Assumptions.assumeTrue(
        Files.exists(project.resolve(".git")),
        "skipped: "
            + project
            + " is not a git checkout (the hook repository is made of its files)");
    Map<String, String> e = new HashMap<>();
    for (String keep : List.of("HOME", "JAVA_HOME", "LANG", "MAVEN_OPTS", "TMPDIR")) {
      if (System.getenv(keep) != null) {
        e.put(keep, System.getenv(keep));
      }
    }
    e.putAll(
        Map.of(
            "PATH",
            pathWithoutEksnet(),
            "PRE_COMMIT_HOME",
            shared.resolve("pre-commit-cache").toString(),
            "GIT_AUTHOR_NAME",
            "eksnet test",
            "GIT_AUTHOR_EMAIL",
            "test@eksnet.invalid",
            "GIT_COMMITTER_NAME",
            "eksnet test",
            "GIT_COMMITTER_EMAIL",
            "test@eksnet.invalid",
            "GIT_CONFIG_GLOBAL",
            shared.resolve("gitconfig").toString(),
            "NO_COLOR",
            "1"));
    env = Map.copyOf(e);
    assertNotEquals(
        0,
        exec(shared, "sh", "-c", "command -v eksnet").code(),
        "no eksnet on the PATH the hooks run with");

    // try-repo needs a git repository: this project's tracked files as they are now
    hooks = Files.createDirectories(shared.resolve("hooks"));
    String tracked = ok(project, "git", "ls-files", "-z").output();
    for (String name : tracked.split("\0")) {
      Path from = project.resolve(name);
      if (name.isEmpty() || !Files.isRegularFile(from)) {
        continue; // deleted in the working tree
      }
      Path to = hooks.resolve(name);
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
    ok(hooks, "git", "init", "-q");
    ok(hooks, "git", "add", ".");
    ok(hooks, "git", "commit", "-q", "-m", "hooks");

    // first use: pre-commit clones the revision and the launcher builds its jar there
    Path first = Files.createDirectories(shared.resolve("first"));
    ok(first, "git", "init", "-q");
    write(first, "k8s/api.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\n");
    ok(first, "git", "add", ".");
    Run r =
        exec(
            first,
            "pre-commit",
            "try-repo",
            hooks.toString(),
            "eksnet",
            "--color",
            "never",
            "--verbose",
            "--all-files");
    firstRun = r.output();
    assertEquals(0, r.code(), r.output());
  }

  @BeforeEach
  void setUp() throws Exception {
    Path jar =
        Path.of(System.getProperty("eksnet.cliJar", "target/eksnet-cli.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is built by `package`, before this test");
    // for users who run eksnet themselves, beside pre-commit (not on the hooks' PATH)
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    wrapper = write(bin, "eksnet", "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

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
    // both hooks, pinned to the hook repository's commit
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
              - id: eksnet-all
        """
            .formatted(hooks, rev));
    ok(work, "git", "add", ".");
  }

  private Run tryRepo(String... files) throws IOException, InterruptedException {
    return tryHook("eksnet", files);
  }

  /**
   * Runs one hook of the hook repository, pinned to its commit in the work repository's config, on
   * these files (none: all files).
   */
  private Run tryHook(String hook, String... files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("pre-commit", "run", hook, "--color", "never"));
    if (files.length == 0) {
      cmd.add("--all-files");
    } else {
      cmd.add("--files");
      cmd.addAll(List.of(files));
    }
    return exec(work, cmd.toArray(String[]::new));
  }

  @Test
  void tryRepoWithNoEksnetOnThePathBuiltEksnetInItsCloneAndRanIt() {
    assertTrue(firstRun.contains("eksnet: building"), firstRun);
    assertTrue(firstRun.contains("Passed"), firstRun);
  }

  @Test
  void anEksnetOnThePathIsNotUsed() throws Exception {
    Path decoy = Files.createDirectories(tmp.resolve("decoy"));
    Path fake = write(decoy, "eksnet", "#!/bin/sh\necho 'the eksnet on the PATH ran'\nexit 0\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> withDecoy = new HashMap<>(env);
    withDecoy.put("PATH", decoy + File.pathSeparator + env.get("PATH"));
    tryHook("eksnet", "k8s/clean.yaml"); // builds in the store on its first use
    Run r =
        exec(
            work,
            withDecoy,
            "pre-commit",
            "run",
            "eksnet",
            "--color",
            "never",
            "--files",
            "k8s/bad.yaml");
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("k8s/bad.yaml:5:3: MEDIUM EKS-SVC-001"), r.output());
    assertFalse(r.output().contains("the eksnet on the PATH ran"), r.output());
  }

  @Test
  void aStagedIngressIsCheckedAgainstItsServiceInAnotherFile() throws Exception {
    // committed earlier: the Service; staged now: an Ingress sending instance targets to it
    write(work, "shop/service.yaml", CLUSTER_IP_SERVICE);
    ok(work, "git", "add", ".");
    ok(work, "git", "commit", "-q", "-m", "base");
    write(work, "shop/ingress.yaml", INGRESS);
    ok(work, "git", "add", "shop/ingress.yaml");
    Run r = tryRepo("shop/ingress.yaml");
    assertEquals(1, r.code(), r.output());
    assertTrue(
        r.output().contains("shop/ingress.yaml:12:15: HIGH EKS-LB-002 Ingress catalog"),
        r.output());
    // nothing about the files this commit does not touch
    assertFalse(r.output().contains("k8s/bad.yaml"), r.output());

    // the whole-repository hook reports every file, staged or not
    Run all = tryHook("eksnet-all", "shop/ingress.yaml");
    assertEquals(1, all.code(), all.output());
    assertTrue(all.output().contains("shop/ingress.yaml:12:15: HIGH EKS-LB-002"), all.output());
    assertTrue(all.output().contains("k8s/bad.yaml:5:3: MEDIUM EKS-SVC-001"), all.output());
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
    // a pinned revision: the commit SHA of the hook repository
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
