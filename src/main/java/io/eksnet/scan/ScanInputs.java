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
  private final Loader loader = new Loader();
  private int contextProblems;

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
      return new ScanInputs(found, null, skip, problems);
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
    return files.stream().map(this::load).iterator();
  }

  private Input load(SourceFile f) {
    if (TerraformSources.isTerraformSource(f.relative())) {
      return new Input(f, null, List.of());
    }
    try {
      Loader.Loaded l = loader.load(f);
      List<Object> terraform = new ArrayList<>();
      List<InputProblem> found = new ArrayList<>();
      for (Tree doc : l.terraform()) {
        terraform.addAll(TerraformLoader.facts(f.relative(), (Tree.TMap) doc, found));
      }
      addProblems(f.relative(), found);
      return new Input(f, l, terraform);
    } catch (OutOfMemoryError e) {
      // the file's bytes, text and tree are unreachable now: the other files are still scanned
      return new Input(f, outOfMemory(f), List.of());
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
