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
import java.util.ArrayList;
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
 * STATE/info} (the directory is private to the user, the file 0600). A request is a sequence of
 * NUL-terminated fields, written by the launcher with bash's {@code printf '%s\0'}:
 *
 * <pre>
 *   eksnet-daemon/1  TOKEN  VERB  [CWD  TTY(0|1)  N  N×NAME=VALUE  M  M×ARG]
 * </pre>
 *
 * VERB is {@code run} (run {@link Main} with the args, relative to CWD, with the given environment
 * variables), {@code ping} or {@code stop}. The answer is one line: {@code ok EXIT ID}, where
 * {@code STATE/rID.out} and {@code STATE/rID.err} hold the command's standard output and error (the
 * launcher copies them to its own and closes the connection, then the daemon deletes them), or
 * {@code pong PID}, {@code stopping}, {@code denied}. A request without the right token is refused.
 *
 * <p>The daemon exits after {@code idle} without requests, when the jar it runs from changes or
 * when its info file is removed (e.g. by {@code mvn clean}), and after a command ends in an
 * internal error, so that a broken state never outlives one request. A second daemon for the same
 * state directory exits at once (a file lock).
 */
public final class Daemon {

  static final String PROTOCOL = "eksnet-daemon/1";

  /** Environment variables that change what a command does; only these are passed on. */
  static final List<String> ENV = List.of("NO_COLOR", "EKSNET_DEBUG", "EKSNET_TIMINGS");

  private static final int MAX_FIELDS = 100_000;
  private static final int MAX_REQUEST_BYTES = 8 << 20;
  private static final int READ_TIMEOUT_MS = 30_000;
  private static final int AFTER_REPLY_TIMEOUT_MS = 600_000;
  private static final long GC_AFTER_MS = 2_000;

  private final Path state;
  private final Path jar;
  private final long idleMs;
  private final long lockWaitMs;
  private final String token;
  private final FileTime jarTime;
  private final AtomicLong lastRequest = new AtomicLong(System.currentTimeMillis());
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile boolean stopping;
  private volatile boolean gcPending;
  private ServerSocket server;

  Daemon(Path state, Path jar, long idleMs) throws IOException {
    this(state, jar, idleMs, 5_000);
  }

  /** {@code lockWaitMs}: how long to wait for a daemon on its way out to release the state directory. */
  Daemon(Path state, Path jar, long idleMs, long lockWaitMs) throws IOException {
    this.lockWaitMs = lockWaitMs;
    this.state = state;
    this.jar = jar;
    this.idleMs = idleMs;
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
    this.jarTime = jar == null ? null : Files.getLastModifiedTime(jar);
  }

  /**
   * {@code Daemon STATE-DIR JAR IDLE-SECONDS [WARM-UP-DIR]}: serves until idle, then exits. Started
   * by the launcher in the background; it logs to its standard error, which the launcher points at
   * {@code STATE/log}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Daemon STATE-DIR JAR IDLE-SECONDS [WARM-UP-DIR]");
      System.exit(2);
    }
    Path state = Path.of(args[0]).toAbsolutePath();
    Daemon d = new Daemon(state, Path.of(args[1]).toAbsolutePath(), Long.parseLong(args[2]) * 1000);
    Path warm = args.length > 3 && Files.isDirectory(Path.of(args[3])) ? Path.of(args[3]).toAbsolutePath() : null;
    int code = d.serve(warm);
    System.exit(code);
  }

  /** Binds, publishes the info file and serves until it should stop; the process exit code. */
  int serve(Path warmUp) throws IOException {
    Files.createDirectories(state);
    try (FileChannel lockFile = FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
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
        log("serving on 127.0.0.1:" + s.getLocalPort() + " (pid " + ProcessHandle.current().pid() + ")");
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
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
            lastRequest.set(System.currentTimeMillis());
            active.incrementAndGet();
            pool.execute(() -> {
              try {
                handle(c);
              } finally {
                active.decrementAndGet();
                lastRequest.set(System.currentTimeMillis());
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

  /** Output files of requests a killed daemon left behind. */
  private void removeLeftovers() throws IOException {
    try (var files = Files.list(state)) {
      files.filter(p -> p.getFileName().toString().matches("r\\d+\\.(out|err)")).forEach(Daemon::deleteQuietly);
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
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, port + " " + token + " " + ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
    try {
      Files.move(tmp, state.resolve("info"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

  /** Runs a few scans of the bundled example so that the first real request finds the code compiled. */
  private void warm(Path dir) {
    long t0 = System.currentTimeMillis();
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    for (int i = 0; i < 5 && !stopping; i++) {
      new Main(sink, sink, false, dir, Map.of()).run("scan", "--quiet", "--fail-on", "none", "--format", "sarif", dir.toString());
      new Main(sink, sink, false, dir, Map.of()).run("scan", "--quiet", "--fail-on", "none", dir.toString());
    }
    log("warmed up in " + (System.currentTimeMillis() - t0) + " ms");
  }

  private void handle(Socket c) {
    Path out = null;
    Path err = null;
    try (c) {
      c.setSoTimeout(READ_TIMEOUT_MS);
      InputStream in = new java.io.BufferedInputStream(c.getInputStream());
      OutputStream reply = c.getOutputStream();
      List<String> f = readFields(in);
      if (f == null || f.size() < 3 || !PROTOCOL.equals(f.get(0)) || !tokenMatches(f.get(1))) {
        send(reply, "denied");
        return;
      }
      switch (f.get(2)) {
        case "ping" -> send(reply, "pong " + ProcessHandle.current().pid());
        case "stop" -> {
          stopping = true;
          send(reply, "stopping");
        }
        case "run" -> {
          Request r = Request.parse(f);
          if (r == null) {
            send(reply, "denied");
            return;
          }
          int id = ids.incrementAndGet();
          out = state.resolve("r" + id + ".out");
          err = state.resolve("r" + id + ".err");
          int code;
          try (PrintStream o = new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8);
              PrintStream e = new PrintStream(Files.newOutputStream(err), false, StandardCharsets.UTF_8)) {
            code = new Main(o, e, r.tty() && !r.env().containsKey("NO_COLOR"), r.cwd(), r.env()).run(r.args());
          }
          gcPending = true;
          if (code == ExitCode.INTERNAL.code()) {
            stopping = true; // start afresh next time
          }
          send(reply, "ok " + code + " " + id);
          // the launcher copies the files, then closes the connection
          c.setSoTimeout(AFTER_REPLY_TIMEOUT_MS);
          while (in.read() >= 0) {
            // wait for it
          }
        }
        default -> send(reply, "denied");
      }
    } catch (IOException e) {
      log("request failed: " + e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private boolean tokenMatches(String given) {
    return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(OutputStream o, String line) throws IOException {
    o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    o.flush();
  }

  /** The NUL-terminated fields of a request, up to the end of the first read burst; null if too big. */
  static List<String> readFields(InputStream in) throws IOException {
    List<String> fields = new ArrayList<>();
    ByteArrayOutputStream cur = new ByteArrayOutputStream();
    int total = 0;
    int expected = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null; // the request ends with its last field's NUL, never with EOF
      }
      if (++total > MAX_REQUEST_BYTES) {
        return null;
      }
      if (b != 0) {
        cur.write(b);
        continue;
      }
      fields.add(cur.toString(StandardCharsets.UTF_8));
      cur.reset();
      if (fields.size() > MAX_FIELDS) {
        return null;
      }
      expected = expectedFields(fields);
      if (expected >= 0 && fields.size() == expected) {
        return fields;
      }
    }
  }

  /** How many fields the request has, once enough of it is read to tell; else -1. */
  private static int expectedFields(List<String> f) {
    if (f.size() < 3) {
      return -1;
    }
    if (!"run".equals(f.get(2))) {
      return 3;
    }
    if (f.size() < 6) {
      return -1;
    }
    int n = count(f.get(5));
    if (n < 0) {
      return f.size(); // malformed: stop reading, the parse refuses it
    }
    if (f.size() < 7 + n) {
      return -1;
    }
    int m = count(f.get(6 + n));
    return m < 0 ? f.size() : 7 + n + m;
  }

  private static int count(String s) {
    try {
      int n = Integer.parseInt(s);
      return n >= 0 && n <= MAX_FIELDS ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A {@code run} request. */
  record Request(Path cwd, boolean tty, Map<String, String> env, String[] args) {

    static Request parse(List<String> f) {
      if (f.size() < 7) {
        return null;
      }
      Path cwd;
      try {
        cwd = Path.of(f.get(3));
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
      if (!cwd.isAbsolute()) {
        return null;
      }
      int n = count(f.get(5));
      if (n < 0 || f.size() < 7 + n) {
        return null;
      }
      Map<String, String> env = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String kv = f.get(6 + i);
        int eq = kv.indexOf('=');
        if (eq > 0 && ENV.contains(kv.substring(0, eq))) {
          env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      int m = count(f.get(6 + n));
      if (m < 0 || f.size() != 7 + n + m) {
        return null;
      }
      return new Request(cwd, "1".equals(f.get(4)), env, f.subList(7 + n, f.size()).toArray(new String[0]));
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
