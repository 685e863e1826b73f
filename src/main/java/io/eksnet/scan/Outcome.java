package io.eksnet.scan;

import io.eksnet.finding.FailOn;
import io.eksnet.finding.Finding;
import java.util.List;

/**
 * What a scan means for its caller under a fail-on policy: the one place the CLI's exit code and
 * the Maven plugin's build result are decided.
 *
 * @param kind clean, findings or errors
 * @param failOn the policy applied (the caller's, else the config's, else {@link FailOn#DEFAULT})
 * @param failing the new findings at or above the policy's threshold
 */
public record Outcome(Kind kind, FailOn failOn, List<Finding> failing) {

  /** The three results a scan can have, most important last. */
  public enum Kind {
    /** No input problem and no new finding at or above the threshold. */
    CLEAN,
    /** At least one new finding at or above the threshold, and no input problem. */
    FINDINGS,
    /**
     * An input problem (unreadable or unparseable file, bad config, rule or baseline): the scan is
     * incomplete, whatever the findings.
     */
    ERRORS
  }

  public Outcome {
    failing = List.copyOf(failing);
  }

  /**
   * The outcome of {@code result} under {@code requested} (null: the config's {@code failOn}, else
   * the default).
   */
  public static Outcome of(ScanResult result, FailOn requested) {
    FailOn policy = requested;
    if (policy == null) {
      policy = result.configFailOn() == null ? null : FailOn.parse(result.configFailOn());
    }
    if (policy == null) {
      policy = FailOn.DEFAULT;
    }
    FailOn p = policy;
    List<Finding> failing = result.newFindings().stream().filter(p::fails).toList();
    Kind kind =
        !result.problems().isEmpty() ? Kind.ERRORS : failing.isEmpty() ? Kind.CLEAN : Kind.FINDINGS;
    return new Outcome(kind, policy, failing);
  }
}
