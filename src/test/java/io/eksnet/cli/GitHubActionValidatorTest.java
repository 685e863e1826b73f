package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.eksnet.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code action.yml} and the workflows checked by a workflow validator, npm's {@code
 * action-validator} ({@code npm install -g @action-validator/cli}; {@code .ci/run} installs it, so
 * CI always runs this). Skipped with a message when it is not on the PATH.
 */
class GitHubActionValidatorTest {

  @TempDir Path tmp;

  record Run(int code, String output) {}

  private static Run validate(Path file) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("action-validator", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("action-validator timed out on " + file);
    }
    return new Run(p.exitValue(), out);
  }

  @Test
  void theActionAndTheWorkflowsAreValid() throws Exception {
    Tools.assumeOnPath("action-validator");
    for (Path f : CiOptionsTest.actionAndWorkflows()) {
      Run r = validate(f);
      assertEquals(0, r.code(), f + ":\n" + r.output());
    }
  }

  @Test
  void theValidatorRejectsABrokenAction() throws Exception {
    // proof that the check above checks something: a composite run step needs a shell
    Tools.assumeOnPath("action-validator");
    String action = Files.readString(Path.of("action.yml"));
    Path broken = tmp.resolve("action.yml");
    Files.writeString(broken, action.replace("      shell: bash\n", ""));
    assertNotEquals(0, validate(broken).code(), "a run step without shell is invalid");
  }
}
