package io.eksnet.scan;

import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.model.Tree;
import io.eksnet.source.Discovery;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import io.eksnet.source.TerraformLoader;
import io.eksnet.source.TerraformSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The discover and load step {@link Scanner} and {@link CapacityScanner} share: the files under the
 * request's paths in discovery order, each loaded when the iteration reaches it (so a file's
 * documents can be dropped before the next is read), with the facts of its Terraform JSON
 * documents. Terraform source files ({@code .tf}) are listed but not loaded. Discovery's problems,
 * and those of the Terraform JSON documents as they are loaded, go to the caller's problem list.
 * Iterate once: a second iteration loads the files again.
 *
 * <p>Files are loaded on {@link #threads()} threads (one loader, so one YAML parser, per thread), a
 * few files ahead of the iteration, and handed out in discovery order: what a scan reports does not
 * depend on the thread count. A scan with a file above 4 MiB loads one file at a time. An
 * interrupted iteration (a cancelled scan) cancels the loads under way.
 */
final class ScanInputs implements Iterable<ScanInputs.Input> {

  /**
   * One discovered file.
   *
   * @param file the file
   * @param loaded what the loader read from it; null for a Terraform source file
   * @param terraformFacts the facts of its Terraform JSON documents; empty for a Terraform source
   *     file
   */
  record Input(SourceFile file, Loader.Loaded loaded, List<Object> terraformFacts) {
    boolean isTerraformSource() {
      return loaded == null;
    }
  }

  private final List<SourceFile> files = new ArrayList<>();
  private final List<String> notices;
  private final List<InputProblem> problems;
  private final Set<String> focus;
  private final Set<Path> named = new HashSet<>();
  private final Loader loader = new Loader();
  private int contextProblems;

  /** Files loaded ahead of the iteration per loading thread: bounds the memory held. */
  private static final int AHEAD_PER_THREAD = 4;

  /**
   * The loading threads: {@code eksnet.loadThreads} when set (at least 1), else the processors
   * available (at most 8: beyond that the rule base and the iteration are the bottleneck).
   */
  static int threads() {
    Integer set = Integer.getInteger("eksnet.loadThreads");
    if (set != null) {
      return Math.max(1, set);
    }
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  private ScanInputs(
      Discovery.Result found, Set<String> focus, Path skip, List<InputProblem> problems) {
    for (SourceFile f : found.files()) {
      if (skip == null || !f.path().toAbsolutePath().normalize().equals(skip)) {
        files.add(f);
      }
    }
    this.notices = found.notices();
    this.problems = problems;
    this.focus = focus;
  }

  /**
   * Discovers the files under {@code req}'s paths, except those the globs {@code excludes} match
   * and the file {@code skip} (absolute and normalized; null for none).
   */
  static ScanInputs discover(
      ScanRequest req, List<String> excludes, Path skip, List<InputProblem> problems) {
    Discovery.Result found = Discovery.find(req.root(), req.paths(), excludes);
    problems.addAll(found.problems());
    if (req.context().isEmpty()) {
      ScanInputs in = new ScanInputs(found, null, skip, problems);
      for (Path p : req.paths()) {
        Path abs = p.toAbsolutePath().normalize();
        if (java.nio.file.Files.isRegularFile(abs)) {
          in.named.add(abs);
        }
      }
      return in;
    }
    // the named files' discovery gives the notices and problems; the context only adds files
    Set<String> focus = new HashSet<>();
    for (SourceFile f : found.files()) {
      focus.add(f.relative());
    }
    List<Path> all = new ArrayList<>(req.paths());
    all.addAll(req.context());
    Discovery.Result withContext = Discovery.find(req.root(), all, excludes);
    return new ScanInputs(
        new Discovery.Result(withContext.files(), found.notices(), List.of()),
        focus,
        skip,
        problems);
  }

  /**
   * The root-relative paths of the files found under the request's paths when it has context
   * (findings elsewhere are not reported), or null without context.
   */
  Set<String> focus() {
    return focus;
  }

  /** True when this file's findings and problems are reported (always, without context). */
  boolean inFocus(String relative) {
    return focus == null || focus.contains(relative);
  }

  /**
   * True when the file was named on the command line of a scan without context (with context, the
   * named files are the pre-commit hook's staged files of a type, not the user's choice).
   */
  boolean named(SourceFile f) {
    return named.contains(f.path().toAbsolutePath().normalize());
  }

  /** How many input problems were found in context files, which are not reported. */
  int contextProblems() {
    return contextProblems;
  }

  /** Adds the problems of one file, or counts them when it is only context. */
  void addProblems(String relative, List<InputProblem> found) {
    if (inFocus(relative)) {
      problems.addAll(found);
    } else {
      contextProblems += found.size();
    }
  }

  /** How many files there are to load. */
  int size() {
    return files.size();
  }

  /** Discovery's notices (e.g. skipped chart templates). */
  List<String> notices() {
    return notices;
  }

  @Override
  public Iterator<Input> iterator() {
    int threads = threads();
    if (threads == 1 || files.size() < 2 || hasLargeFile()) {
      return files.stream().map(f -> deliver(load(f, loader))).iterator();
    }
    return new Parallel(Math.min(threads, files.size()));
  }

  /**
   * Files above this size are loaded one at a time: a file that exhausts the heap must not stall
   * (through the collector) another file's load past its time limit.
   */
  private static final long LARGE_FILE = 4L << 20;

  private boolean hasLargeFile() {
    for (SourceFile f : files) {
      try {
        if (java.nio.file.Files.size(f.path()) > LARGE_FILE) {
          return true;
        }
      } catch (java.io.IOException | RuntimeException e) {
        // the load reports it
      }
    }
    return false;
  }

  /** A loaded file and the problems of its Terraform documents, not yet handed out. */
  private record Pending(Input input, List<InputProblem> problems) {}

  /** Hands a loaded file out: its problems join the caller's, in discovery order. */
  private Input deliver(Pending p) {
    addProblems(p.input().file().relative(), p.problems());
    return p.input();
  }

  private static Pending load(SourceFile f, Loader loader) {
    if (TerraformSources.isTerraformSource(f.relative())) {
      return new Pending(new Input(f, null, List.of()), List.of());
    }
    List<InputProblem> own = new ArrayList<>();
    try {
      Loader.Loaded l = loader.load(f);
      List<Object> terraform = new ArrayList<>();
      for (Tree doc : l.terraform()) {
        terraform.addAll(TerraformLoader.facts(f.relative(), (Tree.TMap) doc, own));
      }
      return new Pending(new Input(f, l, terraform), own);
    } catch (OutOfMemoryError e) {
      // the file's bytes, text and tree are unreachable now: the other files are still scanned
      return new Pending(new Input(f, outOfMemory(f), List.of()), own);
    }
  }

  /**
   * Loads the files on a pool of threads, each with its own {@link Loader} (the loader and its
   * string interner are not shared), at most {@link #AHEAD_PER_THREAD} files per thread ahead of
   * the iteration, and hands them out in discovery order. The pool's threads are daemons and end
   * once idle, so an iteration left unfinished leaves nothing running for long.
   */
  private final class Parallel implements Iterator<Input> {
    private final java.util.concurrent.ThreadPoolExecutor pool;
    private final java.util.ArrayDeque<java.util.concurrent.Future<Pending>> ahead =
        new java.util.ArrayDeque<>();
    private final ThreadLocal<Loader> loaders = ThreadLocal.withInitial(Loader::new);
    private final int window;
    private int submitted;
    private int delivered;

    Parallel(int threads) {
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      pool =
          new java.util.concurrent.ThreadPoolExecutor(
              threads,
              threads,
              1,
              java.util.concurrent.TimeUnit.SECONDS,
              new java.util.concurrent.LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "eksnet-load-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
      window = threads * AHEAD_PER_THREAD;
      fill();
    }

    private void fill() {
      while (submitted < files.size() && ahead.size() < window) {
        SourceFile f = files.get(submitted++);
        ahead.add(pool.submit(() -> load(f, loaders.get())));
      }
      if (submitted == files.size()) {
        pool.shutdown(); // the queued loads still run
      }
    }

    @Override
    public boolean hasNext() {
      return delivered < files.size();
    }

    @Override
    public Input next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      java.util.concurrent.Future<Pending> next = ahead.poll();
      SourceFile f = files.get(delivered++);
      if (next == null) { // cancelled before: load here
        return deliver(load(f, loader));
      }
      Pending p;
      try {
        p = next.get();
      } catch (InterruptedException e) {
        // a cancelled scan: stop the loads under way; this file is loaded here, where the
        // interrupt stops its read at once, and the caller sees the interrupt and stops
        cancel();
        Thread.currentThread().interrupt();
        return deliver(load(f, loader));
      } catch (java.util.concurrent.ExecutionException e) {
        cancel();
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
      fill();
      return deliver(p);
    }

    private void cancel() {
      for (java.util.concurrent.Future<Pending> f : ahead) {
        f.cancel(true);
      }
      ahead.clear();
      submitted = files.size();
      pool.shutdownNow();
    }
  }

  /** One file needed more memory than the heap has: an input problem naming it, not a crash. */
  static Loader.Loaded outOfMemory(SourceFile f) {
    long size;
    try {
      size = java.nio.file.Files.size(f.path());
    } catch (java.io.IOException | RuntimeException e) {
      size = -1;
    }
    String mib = size < 0 ? "" : " (" + (size >> 20) + " MiB)";
    return new Loader.Loaded(
        new ArrayList<>(),
        new ArrayList<>(
            List.of(
                new InputProblem(
                    Location.ofFile(f.relative()),
                    "not enough memory to load this file"
                        + mib
                        + "; skipped (the Java heap is "
                        + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB; raise it with -Xmx)"))),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>());
  }
}
