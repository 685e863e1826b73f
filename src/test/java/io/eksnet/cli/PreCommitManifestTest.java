package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code .pre-commit-hooks.yaml} against pre-commit's manifest schema (INTEGRATIONS.md §3.1, §6
 * item 10), for the versions users have: Debian's 3.0.4 up to 4.x. {@link PreCommitHookIT} runs it
 * with the real pre-commit.
 */
class PreCommitManifestTest {

  /** Accepted by pre-commit 3.x and 4.x (4.4 maps them to unsupported/unsupported_script). */
  private static final Set<String> LANGUAGES =
      Set.of("system", "script", "docker", "docker_image", "coursier");

  /** identify tags for the files eksnet reads. */
  private static final Set<String> TAGS = Set.of("yaml", "json", "terraform");

  private static final Set<String> KEYS =
      Set.of(
          "id",
          "name",
          "entry",
          "language",
          "files",
          "exclude",
          "types",
          "types_or",
          "exclude_types",
          "always_run",
          "fail_fast",
          "verbose",
          "pass_filenames",
          "require_serial",
          "description",
          "language_version",
          "minimum_pre_commit_version",
          "args",
          "additional_dependencies",
          "alias",
          "log_file",
          "stages");

  @SuppressWarnings("unchecked")
  @Test
  void manifestIsAListOfValidHooks() throws IOException {
    Object doc = new Yaml().load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    List<Map<String, Object>> hooks = assertInstanceOf(List.class, doc);
    assertEquals(
        List.of("eksnet", "eksnet-all"), hooks.stream().map(h -> h.get("id")).toList(), "hook ids");
    for (Map<String, Object> hook : hooks) {
      assertValidHook(hook);
    }
    Map<String, Object> staged = hooks.get(0);
    assertTrue(
        staged.getOrDefault("pass_filenames", true).equals(Boolean.TRUE), "scans the staged files");
    assertTrue(
        ((String) staged.get("entry")).contains("--context ."),
        "relates the staged files with the rest of the repository");
    Map<String, Object> all = hooks.get(1);
    assertEquals(Boolean.FALSE, all.get("pass_filenames"), "scans the whole repository");
    assertTrue(((String) all.get("entry")).endsWith(" ."), "scans the repository root");
  }

  @SuppressWarnings("unchecked")
  private static void assertValidHook(Map<String, Object> hook) {
    assertTrue(KEYS.containsAll(hook.keySet()), "unknown keys: " + hook.keySet());
    for (String k : List.of("id", "name", "entry", "language")) {
      assertTrue(hook.get(k) instanceof String s && !s.isBlank(), k + " missing");
    }
    assertEquals("script", hook.get("language"), "runs the checked-out revision's own launcher");
    assertTrue(LANGUAGES.contains(hook.get("language")), "language " + hook.get("language"));
    assertTrue(
        ((String) hook.get("entry")).startsWith("eksnet scan"),
        "runs the repository's launcher with the scan command");
    List<String> types = (List<String>) hook.get("types_or");
    assertTrue(
        TAGS.containsAll(types) && types.containsAll(List.of("yaml", "json")), "types_or " + types);
    assertEquals(
        Boolean.TRUE,
        hook.get("require_serial"),
        "cross-file relations need every staged file in one run");
    for (String k : List.of("files", "exclude")) {
      if (hook.containsKey(k)) {
        Pattern.compile((String) hook.get(k));
      }
    }
    String min = (String) hook.get("minimum_pre_commit_version");
    assertTrue(
        compare(min, "2.9.0") >= 0 && compare(min, "3.0.4") <= 0,
        "types_or needs 2.9.0; Debian bookworm has 3.0.4: " + min);
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c =
          Integer.compare(
              i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
