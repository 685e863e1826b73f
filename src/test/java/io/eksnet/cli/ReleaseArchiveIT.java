package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives made by {@code package}, unpacked as a user would and run: the example
 * scanned from a read-only install folder, through a symbolic link, with the JVM found through
 * {@code JAVA_HOME} or the {@code PATH}; the zip holds the same jar and a Windows launcher.
 */
class ReleaseArchiveIT {

  @TempDir Path tmp;

  private final String version = System.getProperty("eksnet.version", "0.1.0-SNAPSHOT");
  private final Path target =
      Path.of(System.getProperty("eksnet.cliJar", "target/eksnet-cli.jar"))
          .toAbsolutePath()
          .getParent();

  record Run(int code, String out, String err) {}

  private Run exec(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not end: " + cmd);
    return new Run(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void setWritable(Path root, boolean writable) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        p.toFile().setWritable(writable, false);
      }
    }
  }

  @Test
  void theTarballUnpackedReadOnlyScansTheExample() throws Exception {
    Path archive = target.resolve("eksnet-" + version + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), archive + " is made by `package`");
    Path unpacked = tmp.resolve("opt");
    Files.createDirectories(unpacked);
    Run tar =
        exec(
            unpacked,
            Map.of("PATH", System.getenv("PATH")),
            List.of("tar", "xzf", archive.toString()));
    assertEquals(0, tar.code(), tar.err());
    Path home = unpacked.resolve("eksnet-" + version);
    assertTrue(Files.isExecutable(home.resolve("bin/eksnet")), "bin/eksnet is executable");
    assertArrayEquals(
        Files.readAllBytes(target.resolve("eksnet-cli.jar")),
        Files.readAllBytes(home.resolve("lib/eksnet-cli.jar")));
    setWritable(home, false);
    try {
      String javaHome = System.getProperty("java.home");
      // JAVA_HOME first; the PATH has no java at all
      Map<String, String> env = new HashMap<>();
      env.put("PATH", "/usr/bin:/bin");
      env.put("JAVA_HOME", javaHome);
      Path work = Files.createDirectories(tmp.resolve("work"));
      Run scan =
          exec(home, env, List.of(home.resolve("bin/eksnet").toString(), "scan", "examples/shop"));
      assertEquals(1, scan.code(), scan.err());
      assertTrue(
          scan.out().endsWith("5 findings (2 high, 1 medium, 1 low, 1 info) in 4 files\n"),
          scan.out());

      // through a symbolic link in another folder (as /usr/local/bin/eksnet), java on the PATH
      Path bin = Files.createDirectories(tmp.resolve("usr-local-bin"));
      Files.createSymbolicLink(bin.resolve("eksnet"), home.resolve("bin/eksnet"));
      Map<String, String> pathOnly =
          Map.of("PATH", bin + ":" + javaHome + "/bin:/usr/bin:/bin", "HOME", tmp.toString());
      Run version = exec(work, pathOnly, List.of("/bin/sh", "-c", "eksnet --version"));
      assertEquals(0, version.code(), version.err());
      assertEquals("eksnet " + this.version + "\n", version.out());
      Run linked = exec(home, pathOnly, List.of("/bin/sh", "-c", "eksnet scan examples/shop"));
      assertEquals(scan.out(), linked.out(), linked.err());

      Map<String, String> noJava = Map.of("PATH", "/nonexistent", "HOME", tmp.toString());
      Run none = exec(work, noJava, List.of("/bin/sh", home.resolve("bin/eksnet").toString()));
      if (!Files.isDirectory(Path.of("/usr/lib/jvm"))) {
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().startsWith("eksnet: no Java found"), none.err());
      }
      try (Stream<Path> s = Files.walk(home)) {
        assertFalse(
            s.anyMatch(p -> p.getFileName().toString().matches(".*\\.(jsa|aot|lock)")),
            "the launcher writes nothing into the install folder");
      }
    } finally {
      setWritable(home, true);
    }
  }

  @Test
  void theZipHoldsTheSameJarAndAWindowsLauncher() throws Exception {
    Path archive = target.resolve("eksnet-" + version + ".zip");
    assertTrue(Files.isRegularFile(archive), archive + " is made by `package`");
    String base = "eksnet-" + version + "/";
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry jar = zip.getEntry(base + "lib/eksnet-cli.jar");
      assertArrayEquals(
          Files.readAllBytes(target.resolve("eksnet-cli.jar")),
          zip.getInputStream(jar).readAllBytes());
      String cmd =
          new String(
              zip.getInputStream(zip.getEntry(base + "bin/eksnet.cmd")).readAllBytes(),
              StandardCharsets.US_ASCII);
      assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "CRLF lines");
      assertTrue(cmd.contains("\"%EKSNET_HOME%\\lib\\eksnet-cli.jar\" %*"), cmd);
      assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), "passes the exit code on");
      String sh =
          new String(
              zip.getInputStream(zip.getEntry(base + "bin/eksnet")).readAllBytes(),
              StandardCharsets.US_ASCII);
      assertFalse(sh.contains("\r"), "the POSIX launcher has LF lines");
      assertTrue(zip.getEntry(base + "examples/shop/storefront.yaml") != null);

      // unpacked by a zip tool that drops file modes, the launcher still runs with sh
      Path home = tmp.resolve("zip");
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        Path to = home.resolve(e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.write(to, zip.getInputStream(e).readAllBytes());
        }
      }
      Path root = home.resolve(base);
      Run scan =
          exec(
              root,
              Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")),
              List.of("/bin/sh", "bin/eksnet", "scan", "--format", "json", "examples/shop"));
      assertEquals(1, scan.code(), scan.err());
      assertTrue(scan.out().contains("\"ruleId\": \"EKS-LB-002\""), scan.out());
    }
  }
}
