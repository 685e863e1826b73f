package io.eksnet.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A long-lived eksnet process that the {@code ./eksnet} launcher hands commands to when the user
 * turned it on ({@code EKSNET_DAEMON=1}), so that repeated runs do not pay for a JVM start and a
 * rule-base build every time.
 *
 * <p>It listens on an ephemeral loopback port and publishes {@code port secret pid classpath} in
 * {@code STATE/info}; it refuses to start unless STATE is a directory of its user with mode 0700,
 * so only that user can read the secret, which is new with every daemon. The secret never goes over
 * the wire: both sides prove that they know it (challenge-response with SHA-256, which the bash
 * launcher computes with {@code sha256sum}), the daemon first, so that a client never sends a
 * request (working directory, arguments) to a process that took over the port of a dead daemon:
 *
 * <pre>
 *   client: eksnet-daemon/3 NONCE                      (NUL-terminated fields; NONCE 32+ hex)
 *   daemon: hello SHA256(secret " daemon " NONCE) CHALLENGE DEADLINE-SECONDS   (one line)
 *   client: SHA256(secret " client " CHALLENGE)  VERB  [CWD  TTY(0|1)  UMASK  N  N×NAME=VALUE  M  M×ARG]
 * </pre>
 *
 * VERB is {@code run} (run {@link Main} with the args, relative to CWD, with the variables of
 * {@link #PASSED_ENV}), {@code ping} or {@code stop}. A run is served only when the caller's umask
 * and the variables of {@link #IDENTITY_ENV} (locale, JVM choice, JVM options) are the daemon's
 * own, since they change what a JVM started by the caller would do; otherwise the answer is {@code
 * mismatch} and the launcher starts the JVM itself. The answer to a run is one line {@code ok ID}:
 * {@code STATE/rID.code}, {@code rID.out} and {@code rID.err} hold the exit code, standard output
 * and error (the launcher reads them, then closes the connection, and the daemon deletes them).
 * Other answers: {@code pong PID SERVED} (runs served so far), {@code stopping}, {@code denied},
 * {@code local} (the command reads the caller's standard input or a pipe of its own: the launcher
 * runs the JVM itself), {@code cancelled} (the run passed its deadline: the launcher runs the JVM
 * itself).
 *
 * <p>A run is cancelled when its client goes away (the connection is closed) or when it passes its
 * deadline: the thread running it is interrupted (file reads stop at once) and no {@code --output}
 * file is written. A cancelled run that has not ended after a grace period makes the daemon exit,
 * so a stuck request can neither keep the daemon from idling out nor go on using it.
 *
 * <p>The daemon exits after {@code idle} without requests, when the jar the launcher watches
 * changes or when its info file is removed (e.g. by {@code mvn clean}), after a command ends in an
 * internal error, and when its resident memory is above its limit after a request and a full
 * collection, so that a broken or bloated state never outlives one request. A second daemon for the
 * same state directory exits at once (a file lock).
 */
public final class Daemon {

  static final String PROTOCOL = "eksnet-daemon/3";

  /** Environment variables that change what a command does: passed on to {@link Main}. */
  static final List<String> PASSED_ENV = List.of("NO_COLOR", "EKSNET_DEBUG", "EKSNET_TIMINGS");

  /**
   * Environment variables that change the JVM a direct run would get (file-name and output
   * encodings, which JVM, its options): a run is served only when the caller's values are the
   * daemon's (the launcher does not even ask when one of the JVM option variables is set).
   */
  static final List<String> IDENTITY_ENV =
      List.of(
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "JAVA_HOME",
          "EKSNET_JAVA",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS");

  /** At most this many connections at once; more are closed (the launcher then runs the JVM). */
  private static final int MAX_CONNECTIONS = 16;

  /** A request must arrive whole within this time. */
  private static final int REQUEST_DEADLINE_MS = 10_000;

  private static final int MAX_ARGS = 1_000_000;
  private static final int MAX_FIELD_BYTES = 1 << 20;
  private static final int MAX_REQUEST_BYTES = 64 << 20;
  private static final int AFTER_REPLY_TIMEOUT_MS = 60_000;
  private static final long GC_AFTER_MS = 300;

  /** G1 gives memory back to the system in the background after a collection: wait for it. */
  private static final long RSS_CHECK_AFTER_MS = 2_000;

  /** Defaults: a run's deadline, the grace a cancelled run gets, the resident-memory limit. */
  static final long DEFAULT_DEADLINE_MS = 600_000;

  static final long DEFAULT_GRACE_MS = 5_000;
  static final long DEFAULT_MAX_RSS_BYTES = 250L << 20;

  /** What a caller must share with the daemon to be served: its umask and {@link #IDENTITY_ENV}. */
  record Identity(String umask, Map<String, String> env) {
    Identity {
      env = Map.copyOf(env);
    }

    /** This process's identity: the umask the launcher started it with, and its environment. */
    static Identity of(String umask, Map<String, String> processEnv) {
      Map<String, String> env = new HashMap<>();
      for (String name : IDENTITY_ENV) {
        if (processEnv.get(name) != null) {
          env.put(name, processEnv.get(name));
        }
      }
      return new Identity(umask, env);
    }
  }

  /** How a run is executed: {@link Main} in the daemon; tests put a slow or stuck one here. */
  interface Runner {
    int run(Request r, PrintStream out, PrintStream err, BooleanSupplier cancelled);
  }

  /** A run in progress: the thread running it, its deadline, and whether it was cancelled. */
  private static final class Running {
    final Thread thread = Thread.currentThread();
    final long deadline;
    volatile long cancelledAt;
    volatile boolean done;

    Running(long deadline) {
      this.deadline = deadline;
    }

    boolean cancelled() {
      return cancelledAt != 0;
    }
  }

  private final Path state;
  private final Path jar;
  private final long idleMs;
  private final long lockWaitMs;
  private final String token;
  private final FileTime jarTime;
  private final Identity identity;
  private final SecureRandom random = new SecureRandom();
  private final java.util.concurrent.Semaphore connections =
      new java.util.concurrent.Semaphore(MAX_CONNECTIONS);
  private final AtomicLong lastRequest = new AtomicLong(System.currentTimeMillis());
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private volatile long deadlineMs = DEFAULT_DEADLINE_MS;
  private volatile long graceMs = DEFAULT_GRACE_MS;
  private volatile long maxRssBytes = DEFAULT_MAX_RSS_BYTES;
  private volatile Runner runner = Daemon::runMain;
  private volatile boolean stopping;
  private volatile boolean stuck;
  private volatile boolean gcPending;
  private volatile long rssCheckAt;
  private ServerSocket server;

  /**
   * {@code lockWaitMs}: how long to wait for a daemon on its way out to release the state
   * directory; {@code identity}: what callers must share with this daemon to be served.
   */
  Daemon(Path state, Path jar, long idleMs, long lockWaitMs, Identity identity) throws IOException {
    this.lockWaitMs = lockWaitMs;
    this.identity = identity;
    this.state = state;
    this.jar = jar;
    this.idleMs = idleMs;
    byte[] secret = new byte[16];
    random.nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
    this.jarTime = jar == null ? null : Files.getLastModifiedTime(jar);
  }

  /**
   * Sets a run's deadline, the grace a cancelled run gets before the daemon exits, and the resident
   * memory (bytes; 0: unchecked) above which the daemon exits after a request.
   */
  Daemon limits(long deadlineMs, long graceMs, long maxRssBytes) {
    this.deadlineMs = deadlineMs;
    this.graceMs = graceMs;
    this.maxRssBytes = maxRssBytes;
    return this;
  }

  /** For tests: runs requests with {@code r} instead of {@link Main} (null: Main again). */
  Daemon runner(Runner r) {
    this.runner = r == null ? Daemon::runMain : r;
    return this;
  }

  /** For tests: how many runs are going on. */
  int runs() {
    return running.size();
  }

  private static int runMain(
      Request r, PrintStream out, PrintStream err, BooleanSupplier cancelled) {
    boolean color = r.tty() && Main.colorAllowed(r.env());
    return new Main(out, err, color, r.cwd(), r.env(), cancelled).run(r.args());
  }

  /**
   * {@code Daemon STATE-DIR JAR IDLE-SECONDS UMASK DEADLINE-SECONDS MAX-RSS-MB [WARM-UP-DIR]}:
   * serves until idle, then exits. Started by the launcher in the background, with the umask it
   * runs under (Java cannot read its own); it logs to its standard error, which the launcher points
   * at {@code STATE/log}. JAR is the jar whose change ends the daemon (the launcher's build
   * output).
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println(
          "usage: Daemon STATE-DIR JAR IDLE-SECONDS UMASK DEADLINE-SECONDS MAX-RSS-MB [WARM-UP-DIR]");
      System.exit(2);
    }
    Path state = Path.of(args[0]).toAbsolutePath();
    Daemon d =
        new Daemon(
                state,
                Path.of(args[1]).toAbsolutePath(),
                Long.parseLong(args[2]) * 1000,
                5_000,
                Identity.of(args[3], System.getenv()))
            .limits(
                Long.parseLong(args[4]) * 1000, DEFAULT_GRACE_MS, Long.parseLong(args[5]) << 20);
    Path warm =
        args.length > 6 && Files.isDirectory(Path.of(args[6]))
            ? Path.of(args[6]).toAbsolutePath()
            : null;
    int code = d.serve(warm);
    System.exit(code); // also ends a stuck request's thread
  }

  /**
   * Binds, publishes the info file and serves until it should stop; the process exit code (1 when a
   * cancelled request did not end: the caller must end the process).
   */
  int serve(Path warmUp) throws IOException {
    String unsafe = unsafeStateDir(state);
    if (unsafe != null) {
      log("refusing to serve: " + unsafe);
      return 1;
    }
    try (FileChannel lockFile =
        FileChannel.open(
            state.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = acquire(lockFile, lockWaitMs);
      if (lock == null) {
        log("another daemon serves " + state + "; exiting");
        return 0;
      }
      removeLeftovers();
      ExecutorService pool =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "eksnet-request");
                t.setDaemon(true);
                return t;
              });
      try (ServerSocket s = new ServerSocket()) {
        server = s;
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.setSoTimeout(250);
        publish(s.getLocalPort());
        log(
            "serving on 127.0.0.1:"
                + s.getLocalPort()
                + " (pid "
                + ProcessHandle.current().pid()
                + ", a run's deadline "
                + deadlineMs / 1000
                + " s)");
        if (warmUp != null) {
          pool.execute(() -> warm(warmUp));
        }
        while (!stopping) {
          try {
            Socket c = s.accept();
            if (!connections.tryAcquire()) {
              c.close(); // the caller runs the JVM itself
              continue;
            }
            active.incrementAndGet();
            pool.execute(
                () -> {
                  try {
                    handle(c);
                  } finally {
                    active.decrementAndGet();
                    connections.release();
                  }
                });
          } catch (SocketTimeoutException tick) {
            housekeeping();
          }
        }
      } finally {
        unpublish(); // no new request reaches this daemon
        if (stuck) {
          pool.shutdownNow();
        } else {
          pool.shutdown(); // the runs going on end (within 30 s, else main() ends them)
        }
        try {
          pool.awaitTermination(stuck ? 1 : 30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        lock.release();
      }
    }
    log("stopped");
    return stuck ? 1 : 0;
  }

  /**
   * Why {@code dir} cannot hold the token (not a directory of this user with mode 0700, or a
   * symbolic link), or null when it can.
   */
  static String unsafeStateDir(Path dir) {
    try {
      java.nio.file.attribute.PosixFileAttributes a =
          Files.readAttributes(
              dir,
              java.nio.file.attribute.PosixFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
      if (!a.isDirectory()) {
        return dir + " is not a directory";
      }
      if (!a.owner().getName().equals(System.getProperty("user.name"))) {
        return dir + " belongs to " + a.owner().getName();
      }
      if (!a.permissions().equals(PosixFilePermissions.fromString("rwx------"))) {
        return dir
            + " has mode "
            + PosixFilePermissions.toString(a.permissions())
            + ", not rwx------";
      }
      return null;
    } catch (IOException | UnsupportedOperationException e) {
      return "cannot check " + dir + ": " + e;
    }
  }

  /** Output files of requests a killed daemon left behind. */
  private void removeLeftovers() throws IOException {
    try (var files = Files.list(state)) {
      files
          .filter(p -> p.getFileName().toString().matches("r[0-9a-f]+\\.(out|err|code)"))
          .forEach(Daemon::deleteQuietly);
    }
  }

  /** The lock of the state directory, waiting a little for a daemon that is on its way out. */
  private static FileLock acquire(FileChannel ch, long waitMs) throws IOException {
    for (long i = 0; i <= waitMs / 100; i++) {
      try {
        FileLock l = ch.tryLock();
        if (l != null) {
          return l;
        }
      } catch (java.nio.channels.OverlappingFileLockException heldHere) {
        // held by another daemon in this JVM (tests): as good as held by another process
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private void housekeeping() {
    long now = System.currentTimeMillis();
    for (Running r : running) {
      if (!r.cancelled() && now > r.deadline) {
        cancel(r, "passed its deadline of " + deadlineMs + " ms");
      } else if (r.cancelled() && !r.done && now - r.cancelledAt > graceMs) {
        log("a cancelled run did not end within " + graceMs + " ms; exiting");
        stuck = true;
        stopping = true;
        return;
      }
    }
    long quiet = now - lastRequest.get();
    if (active.get() == 0 && quiet >= idleMs) {
      log("idle for " + quiet / 1000 + " s; exiting");
      stopping = true;
    } else if (!Files.exists(state.resolve("info"))) {
      log("info file removed; exiting");
      stopping = true;
    } else if (jar != null && !jarTime.equals(modified(jar))) {
      log(jar + " changed; exiting");
      stopping = true;
    } else if (gcPending && active.get() == 0 && quiet >= GC_AFTER_MS) {
      gcPending = false;
      System.gc(); // give the heap of a large scan back while the daemon waits
      rssCheckAt = System.currentTimeMillis() + RSS_CHECK_AFTER_MS;
    } else if (!gcPending && rssCheckAt != 0 && active.get() == 0 && now >= rssCheckAt) {
      rssCheckAt = 0;
      long rss = residentBytes();
      if (maxRssBytes > 0 && rss > maxRssBytes) {
        log(
            "resident memory "
                + (rss >> 20)
                + " MB after a full collection, above the limit of "
                + (maxRssBytes >> 20)
                + " MB; exiting");
        stopping = true;
      }
    }
  }

  /** Interrupts a run (its file reads stop at once); it writes no {@code --output} file. */
  private void cancel(Running r, String why) {
    if (r.done || r.cancelled()) {
      return;
    }
    r.cancelledAt = System.currentTimeMillis();
    log("cancelling a run: " + why);
    r.thread.interrupt();
  }

  /** This process's resident set size from {@code /proc/self/status}; 0 where there is none. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unchecked
    }
    return 0;
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes {@code STATE/info} (0600) atomically: port, secret, pid and the class path. */
  private void publish(int port) throws IOException {
    Path tmp = state.resolve("info." + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(
        tmp,
        port
            + " "
            + token
            + " "
            + ProcessHandle.current().pid()
            + " "
            + System.getProperty("java.class.path", "").replace('\n', ' ')
            + "\n",
        StandardCharsets.UTF_8);
    try {
      Files.move(
          tmp,
          state.resolve("info"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, state.resolve("info"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes the info file if it is still this daemon's. */
  private void unpublish() {
    Path info = state.resolve("info");
    try {
      String s = Files.readString(info, StandardCharsets.UTF_8);
      if (s.contains(" " + token + " ")) {
        Files.deleteIfExists(info);
      }
    } catch (IOException ignored) {
      // already gone
    }
  }

  /**
   * Runs a few scans of the bundled example so that the first real request finds the code compiled.
   */
  private void warm(Path dir) {
    long t0 = System.currentTimeMillis();
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    for (int i = 0; i < 5 && !stopping; i++) {
      new Main(sink, sink, false, dir, Map.of())
          .run("scan", "--quiet", "--fail-on", "none", "--format", "sarif", dir.toString());
      new Main(sink, sink, false, dir, Map.of())
          .run("scan", "--quiet", "--fail-on", "none", dir.toString());
    }
    gcPending = true;
    log("warmed up in " + (System.currentTimeMillis() - t0) + " ms");
  }

  /** SHA-256 of {@code secret + " " + role + " " + nonce}, in hex: what proves the secret. */
  private String proof(String role, String nonce) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              d.digest((token + " " + role + " " + nonce).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(Socket c) {
    Path out = null;
    Path err = null;
    Path code = null;
    Running run = null;
    try (c) {
      c.setSoTimeout(1_000);
      InputStream in = new java.io.BufferedInputStream(c.getInputStream());
      OutputStream reply = c.getOutputStream();
      Fields f = new Fields(in, System.currentTimeMillis() + REQUEST_DEADLINE_MS);
      // nothing but the protocol name and a nonce is read before the caller proves the secret
      String protocol = f.next(32);
      String nonce = protocol == null ? null : f.next(64);
      if (!PROTOCOL.equals(protocol) || nonce == null || !nonce.matches("[0-9a-f]{32,64}")) {
        refuse(c, in, reply);
        return;
      }
      String challenge =
          HexFormat.of().formatHex(randomId()) + HexFormat.of().formatHex(randomId());
      send(reply, "hello " + proof("daemon", nonce) + " " + challenge + " " + deadlineMs / 1000);
      String answer = f.next(64);
      if (answer == null
          || !MessageDigest.isEqual(
              proof("client", challenge).getBytes(StandardCharsets.US_ASCII),
              answer.getBytes(StandardCharsets.UTF_8))) {
        refuse(c, in, reply);
        return;
      }
      lastRequest.set(System.currentTimeMillis());
      String verb = f.next(16);
      if ("ping".equals(verb)) {
        send(reply, "pong " + ProcessHandle.current().pid() + " " + served.get());
      } else if ("stop".equals(verb)) {
        unpublish(); // no new request reaches this daemon
        stopping = true;
        send(reply, "stopping");
      } else if ("run".equals(verb)) {
        Request r = Request.read(f);
        if (r == null) {
          refuse(c, in, reply);
          return;
        }
        if (!identity.equals(r.identity())) {
          send(reply, "mismatch");
          return;
        }
        if (Main.readsCallerStreams(r.args(), r.cwd())) {
          send(reply, "local"); // the caller's stdin or pipe: only a JVM of its own can read it
          return;
        }
        String id = HexFormat.of().formatHex(randomId());
        out = state.resolve("r" + id + ".out");
        err = state.resolve("r" + id + ".err");
        code = state.resolve("r" + id + ".code");
        Running current = new Running(System.currentTimeMillis() + deadlineMs);
        run = current;
        running.add(current);
        // the launcher sends nothing more: the end of its stream means it is gone (interrupted)
        java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
        Thread watcher =
            new Thread(
                () -> {
                  try {
                    c.setSoTimeout(0);
                    while (in.read() >= 0) {
                      // nothing is expected; keep waiting for the end
                    }
                  } catch (IOException closed) {
                    // reset or closed: gone as well
                  }
                  gone.countDown();
                  cancel(current, "the client went away");
                },
                "eksnet-request-watch");
        watcher.setDaemon(true);
        watcher.start();
        int exit;
        try (PrintStream o =
                new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8);
            PrintStream e =
                new PrintStream(Files.newOutputStream(err), false, StandardCharsets.UTF_8)) {
          exit = runner.run(r, o, e, current::cancelled);
        } finally {
          current.done = true;
          running.remove(current);
          Thread.interrupted(); // a cancellation ends here, not in the next request
          gcPending = true;
          lastRequest.set(System.currentTimeMillis());
        }
        if (current.cancelled()) {
          log("cancelled run ended");
          if (gone.getCount() != 0) {
            send(reply, "cancelled"); // past its deadline: the launcher runs the JVM itself
          }
          return;
        }
        Files.writeString(code, exit + "\n", StandardCharsets.US_ASCII);
        served.incrementAndGet();
        if (exit == ExitCode.INTERNAL.code()) {
          stopping = true; // start afresh next time
        }
        send(reply, "ok " + id);
        // the launcher reads the files, then closes the connection
        try {
          gone.await(AFTER_REPLY_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      } else {
        refuse(c, in, reply);
      }
    } catch (IOException e) {
      if (run == null || !run.cancelled()) {
        log("request failed: " + e);
      }
    } finally {
      Thread.interrupted();
      deleteQuietly(out);
      deleteQuietly(err);
      deleteQuietly(code);
    }
  }

  private byte[] randomId() {
    byte[] b = new byte[8];
    synchronized (random) {
      random.nextBytes(b);
    }
    return b;
  }

  /**
   * Answers {@code denied} and closes gently: what the caller still sends is read and dropped for a
   * moment (at most 64 KiB, 1 s), since closing with unread data would reset the connection and the
   * caller might lose the answer.
   */
  private static void refuse(Socket c, InputStream in, OutputStream reply) throws IOException {
    send(reply, "denied");
    c.shutdownOutput();
    long until = System.currentTimeMillis() + 1_000;
    byte[] buf = new byte[4096];
    int total = 0;
    try {
      c.setSoTimeout(250);
      while (total < (64 << 10) && System.currentTimeMillis() < until) {
        try {
          int n = in.read(buf);
          if (n < 0) {
            return;
          }
          total += n;
        } catch (SocketTimeoutException quiet) {
          // the deadline decides
        }
      }
    } catch (IOException gone) {
      // the caller hung up: nothing to protect
    }
  }

  private static void send(OutputStream o, String line) throws IOException {
    o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    o.flush();
  }

  /**
   * Reads NUL-terminated fields, each bounded, the whole request bounded in size and in time: a
   * caller that sends slowly or too much gets null, never the daemon's memory or a thread for long.
   */
  static final class Fields {
    private final InputStream in;
    private final long deadline;
    private long total;

    Fields(InputStream in, long deadline) {
      this.in = in;
      this.deadline = deadline;
    }

    /** The next field, or null at the end of the stream, past a limit or past the deadline. */
    String next(int maxBytes) throws IOException {
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      while (true) {
        if (System.currentTimeMillis() > deadline) {
          return null;
        }
        int b;
        try {
          b = in.read();
        } catch (SocketTimeoutException slow) {
          continue; // the deadline decides
        }
        if (b < 0 || ++total > MAX_REQUEST_BYTES) {
          return null;
        }
        if (b == 0) {
          return cur.toString(StandardCharsets.UTF_8);
        }
        if (cur.size() >= maxBytes) {
          return null;
        }
        cur.write(b);
      }
    }
  }

  /** A {@code run} request. */
  record Request(Path cwd, boolean tty, Identity identity, Map<String, String> env, String[] args) {

    /** The rest of a run request after its verb; null when it is malformed. */
    static Request read(Fields f) throws IOException {
      String cwdField = f.next(MAX_FIELD_BYTES);
      String tty = f.next(1);
      String umask = f.next(8);
      int n = count(f.next(8), 64);
      if (cwdField == null || tty == null || umask == null || n < 0) {
        return null;
      }
      Path cwd;
      try {
        cwd = Path.of(cwdField);
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
      if (!cwd.isAbsolute()) {
        return null;
      }
      Map<String, String> given = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String kv = f.next(64 << 10);
        int eq = kv == null ? -1 : kv.indexOf('=');
        if (eq <= 0) {
          return null;
        }
        given.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      int m = count(f.next(8), MAX_ARGS);
      if (m < 0) {
        return null;
      }
      String[] args = new String[m];
      for (int i = 0; i < m; i++) {
        args[i] = f.next(MAX_FIELD_BYTES);
        if (args[i] == null) {
          return null;
        }
      }
      Map<String, String> env = new HashMap<>();
      for (String name : PASSED_ENV) {
        if (given.containsKey(name)) {
          env.put(name, given.get(name));
        }
      }
      return new Request(cwd, "1".equals(tty), Identity.of(umask, given), env, args);
    }
  }

  private static int count(String s, int max) {
    if (s == null) {
      return -1;
    }
    try {
      int n = Integer.parseInt(s);
      return n >= 0 && n <= max ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the next daemon start cleans the directory
      }
    }
  }

  private static void log(String m) {
    System.err.println(java.time.Instant.now() + " eksnet daemon: " + m);
  }

  /** For tests: the secret a client must prove it knows. */
  String token() {
    return token;
  }

  /** For tests: the port once serving (0 before). */
  int port() {
    ServerSocket s = server;
    return s == null ? 0 : s.getLocalPort();
  }
}
