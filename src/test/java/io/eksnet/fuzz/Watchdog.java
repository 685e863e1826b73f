package io.eksnet.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each call on a worker thread and gives up after a timeout, so that a hang found by the
 * fuzzer fails the run with its seed instead of stalling the build. A hung worker is abandoned (and
 * asked to stop) and a fresh one takes over.
 */
final class Watchdog {

  private final long timeoutMillis;
  private ExecutorService worker;
  private Thread thread;
  private int abandoned;

  Watchdog(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  /** Workers left running after a timeout; each one may still burn a core. */
  int abandoned() {
    return abandoned;
  }

  <T> T call(Callable<T> c) throws TimeoutException, ExecutionException {
    if (worker == null) {
      worker =
          Executors.newSingleThreadExecutor(
              r -> {
                thread = new Thread(r, "eksnet-fuzz-worker");
                thread.setDaemon(true);
                return thread;
              });
    }
    Future<T> f = worker.submit(c);
    try {
      return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      f.cancel(true);
      stop(thread);
      worker.shutdownNow();
      worker = null;
      abandoned++;
      throw e;
    }
  }

  /** Thread.stop still works on Java 17 and ends a loop that never checks for interruption. */
  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread t) {
    try {
      t.stop();
    } catch (UnsupportedOperationException | SecurityException e) {
      // newer JVMs: the daemon thread is left to finish on its own
    }
  }
}
