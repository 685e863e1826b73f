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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long-lived eksnet process that the {@code ./eksnet} launcher hands commands to, so that a
 * pre-commit run does not pay for a JVM start and a rule-base build every time.
 *
 * <p>It listens on an ephemeral loopback port and publishes {@code port token pid} in {@code
 * STATE/info}; it refuses to start unless STATE is a directory of its user with mode 0700, so only
 * that user can read the token. A request is a sequence of NUL-terminated fields, written by the
 * launcher with bash's {@code printf '%s\0'}:
 *
 * <pre>
 *   eksnet-daemon/2  TOKEN  VERB  [CWD  TTY(0|1)  UMASK  N  N×NAME=VALUE  M  M×ARG]
 * </pre>
 *
 * The token is checked before anything else is read. VERB is {@code run} (run {@link Main} with the
 * args, relative to CWD, with the variables of {@link #PASSED_ENV}), {@code ping} or {@code stop}.
 * A run is served only when the caller's umask and the variables of {@link #IDENTITY_ENV} (locale,
 * JVM choice) are the daemon's own, since they change what a JVM started by the caller would do;
 * otherwise the answer is {@code mismatch} and the launcher starts the JVM itself. The answer to a
 * run is one line {@code ok ID}: {@code STATE/rID.code}, {@code rID.out} and {@code rID.err} hold
 * the exit code, standard output and error (the launcher reads them, then closes the connection,
 * and the daemon deletes them). The launcher takes the exit code from the private directory, never
 * from the socket, so a process that took over the port of a dead daemon cannot fake a result.
 * Other answers: {@code pong PID SERVED} (runs served so far), {@code stopping}, {@code denied},
 * {@code busy}.
 *
 * <p>The daemon exits after {@code idle} without requests, when the jar it runs from changes or
 * when its info file is removed (e.g. by {@code mvn clean}), and after a command ends in an
 * internal error, so that a broken state never outlives one request. A second daemon for the same
 * state directory exits at once (a file lock).
 */
public final class Daemon {

  static final String PROTOCOL = "eksnet-daemon/2";

  /** Environment variables that change what a command does: passed on to {@link Main}. */
  static final List<String> PASSED_ENV = List.of("NO_COLOR", "EKSNET_DEBUG", "EKSNET_TIMINGS");

  /**
   * Environment variables that change the JVM a direct run would get (file-name and output
   * encodings, which JVM): a run is served only when the caller's values are the daemon's.
   */
  static final List<String> IDENTITY_ENV =
      List.of("LANG", "LC_ALL", "LC_CTYPE", "JAVA_HOME", "EKSNET_JAVA");

  /** At most this many connections at once; more are closed (the launcher then runs the JVM). */
  private static final int MAX_CONNECTIONS = 16;

  /** A request must arrive whole within this time. */
  private static final int REQUEST_DEADLINE_MS = 10_000;

  private static final int MAX_ARGS = 1_000_000;
  private static final int MAX_FIELD_BYTES = 1 << 20;
  private static final int MAX_REQUEST_BYTES = 64 << 20;
  private static final int AFTER_REPLY_TIMEOUT_MS = 600_000;
  private static final long GC_AFTER_MS = 2_000;

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
  private volatile boolean stopping;
  private volatile boolean gcPending;
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
   * {@code Daemon STATE-DIR JAR IDLE-SECONDS UMASK [WARM-UP-DIR]}: serves until idle, then exits.
   * Started by the launcher in the background, with the umask it runs under (Java cannot read its
   * own); it logs to its standard error, which the launcher points at {@code STATE/log}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: Daemon STATE-DIR JAR IDLE-SECONDS UMASK [WARM-UP-DIR]");
      System.exit(2);
    }
    Path state = Path.of(args[0]).toAbsolutePath();
    Daemon d =
        new Daemon(
            state,
            Path.of(args[1]).toAbsolutePath(),
            Long.parseLong(args[2]) * 1000,
            5_000,
            Identity.of(args[3], System.getenv()));
    Path warm =
        args.length > 4 && Files.isDirectory(Path.of(args[4]))
            ? Path.of(args[4]).toAbsolutePath()
            : null;
    int code = d.serve(warm);
    System.exit(code);
  }

  /** Binds, publishes the info file and serves until it should stop; the process exit code. */
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
      try (ServerSocket s = new ServerSocket()) {
        server = s;
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.setSoTimeout(1000);
        publish(s.getLocalPort());
        log(
            "serving on 127.0.0.1:"
                + s.getLocalPort()
                + " (pid "
                + ProcessHandle.current().pid()
                + ")");
        ExecutorService pool =
            Executors.newCachedThreadPool(
                r -> {
                  Thread t = new Thread(r, "eksnet-request");
                  t.setDaemon(true);
                  return t;
                });
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
        pool.shutdown();
        try {
          pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } finally {
        unpublish();
        lock.release();
      }
    }
    log("stopped");
    return 0;
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
    long quiet = System.currentTimeMillis() - lastRequest.get();
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
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes {@code STATE/info} (0600) atomically. */
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
        port + " " + token + " " + ProcessHandle.current().pid() + "\n",
        StandardCharsets.US_ASCII);
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
      String s = Files.readString(info, StandardCharsets.US_ASCII);
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
    log("warmed up in " + (System.currentTimeMillis() - t0) + " ms");
  }

  private void handle(Socket c) {
    Path out = null;
    Path err = null;
    Path code = null;
    try (c) {
      c.setSoTimeout(1_000);
      InputStream in = new java.io.BufferedInputStream(c.getInputStream());
      OutputStream reply = c.getOutputStream();
      Fields f = new Fields(in, System.currentTimeMillis() + REQUEST_DEADLINE_MS);
      // nothing but the protocol name and the token is read from an unauthenticated caller
      if (!PROTOCOL.equals(f.next(32)) || !tokenMatches(f.next(64))) {
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
        String id = HexFormat.of().formatHex(randomId());
        out = state.resolve("r" + id + ".out");
        err = state.resolve("r" + id + ".err");
        code = state.resolve("r" + id + ".code");
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
                },
                "eksnet-request-watch");
        watcher.setDaemon(true);
        watcher.start();
        int exit;
        try (PrintStream o =
                new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8);
            PrintStream e =
                new PrintStream(Files.newOutputStream(err), false, StandardCharsets.UTF_8)) {
          boolean color = r.tty() && !r.env().containsKey("NO_COLOR");
          exit = new Main(o, e, color, r.cwd(), r.env(), () -> gone.getCount() == 0).run(r.args());
        }
        Files.writeString(code, exit + "\n", StandardCharsets.US_ASCII);
        served.incrementAndGet();
        gcPending = true;
        lastRequest.set(System.currentTimeMillis());
        if (exit == ExitCode.INTERNAL.code()) {
          stopping = true; // start afresh next time
        }
        if (gone.getCount() == 0) {
          return;
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
      log("request failed: " + e);
    } finally {
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

  private boolean tokenMatches(String given) {
    return given != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
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

  /** For tests: the token a client must send. */
  String token() {
    return token;
  }

  /** For tests: the port once serving (0 before). */
  int port() {
    ServerSocket s = server;
    return s == null ? 0 : s.getLocalPort();
  }
}
