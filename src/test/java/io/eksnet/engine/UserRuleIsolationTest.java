package io.eksnet.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Standard output is kept from user rules while they run, and given back afterwards. */
class UserRuleIsolationTest {

  @Test
  void standardOutputComesBackAfterARunThatFollowsAnAbandonedRuleThread() throws Exception {
    PrintStream out = System.out;
    CountDownLatch release = new CountDownLatch(1);
    Thread stuck =
        new Thread(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stuck.start();
    UserRuleIsolation.enter(stuck, () -> "rule STUCK");
    assertSame(System.err, System.out, "while rules run, their output goes to stderr");
    UserRuleIsolation.exit(stuck, true); // abandoned, still alive: output stays away from stdout
    assertSame(System.err, System.out);

    Thread next = new Thread(() -> {});
    UserRuleIsolation.enter(next, () -> "rule NEXT");
    release.countDown();
    stuck.join();
    UserRuleIsolation.exit(next, false);
    assertSame(out, System.out, "the real standard output, not stderr, is restored");
  }
}
