package io.eksnet.cli;

import io.eksnet.engine.FactReference;
import io.eksnet.engine.RuleDocs;
import io.eksnet.engine.RuleEngine;
import io.eksnet.engine.RuleInfo;
import io.eksnet.finding.FailOn;
import io.eksnet.model.InputProblem;
import io.eksnet.report.AtomicFile;
import io.eksnet.report.CapacityReport;
import io.eksnet.report.Format;
import io.eksnet.report.ReportOptions;
import io.eksnet.report.Version;
import io.eksnet.scan.CapacityScanner;
import io.eksnet.scan.Outcome;
import io.eksnet.scan.Roots;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import io.eksnet.source.Discovery;
import io.eksnet.source.Glob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * The {@code eksnet} command. Takes its streams and returns an exit code so it is tested
 * in-process; {@link #main} is the only place that calls {@link System#exit}.
 */
public final class Main {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;
  private final Path cwd;
  private final Map<String, String> env;
  private final java.util.function.BooleanSupplier cancelled;

  public Main(PrintStream out, PrintStream err, boolean tty) {
    this(out, err, tty, Path.of("").toAbsolutePath(), System.getenv());
  }

  /**
   * A command run on behalf of another process (the {@link Daemon}): relative paths are resolved
   * against {@code cwd}, and {@code env} stands for the caller's environment.
   */
  public Main(PrintStream out, PrintStream err, boolean tty, Path cwd, Map<String, String> env) {
    this(out, err, tty, cwd, env, () -> false);
  }

  /**
   * {@link #Main(PrintStream, PrintStream, boolean, Path, Map)} for a caller that may go away (the
   * daemon's client, interrupted): once {@code cancelled} is true, no {@code --output} file is
   * written, as a direct run killed before the end writes none.
   */
  Main(
      PrintStream out,
      PrintStream err,
      boolean tty,
      Path cwd,
      Map<String, String> env,
      java.util.function.BooleanSupplier cancelled) {
    this.out = out;
    this.err = err;
    this.tty = tty;
    this.cwd = cwd.toAbsolutePath();
    this.env = Map.copyOf(env);
    this.cancelled = cancelled;
  }

  public static void main(String[] args) {
    boolean tty = System.console() != null && colorAllowed(System.getenv());
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            StandardCharsets.UTF_8);
    Main main = new Main(out, System.err, tty);
    main.progress = TerminalProgress.wanted(System.console() != null, System.getenv());
    int code = main.run(args);
    out.flush();
    System.exit(code);
  }

  /**
   * False when {@code NO_COLOR} is set to a non-empty value: an empty {@code NO_COLOR} leaves
   * colour on (https://no-color.org).
   */
  static boolean colorAllowed(Map<String, String> env) {
    String v = env.get("NO_COLOR");
    return v == null || v.isEmpty();
  }

  /** Show progress on standard error (a terminal, see {@link TerminalProgress#wanted}). */
  boolean progress;

  /** The file {@code -} stands for: this process's standard input. */
  private Path stdin = Path.of("/dev/stdin");

  /** For tests: read {@code -} from this file instead of standard input. */
  Main stdin(Path file) {
    this.stdin = file;
    return this;
  }

  /** Runs one command; never throws. */
  public int run(String... args) {
    try {
      return dispatch(args).code();
    } catch (UsageException e) {
      err.println("eksnet: " + e.getMessage());
      err.println("Try 'eksnet --help'.");
      return ExitCode.ERROR.code();
    } catch (RuntimeException | Error e) {
      err.println("eksnet: internal error (a bug in eksnet, please report it): " + e);
      if (env.get("EKSNET_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("Set EKSNET_DEBUG=1 for the stack trace.");
      }
      return ExitCode.INTERNAL.code();
    }
  }

  private static final class UsageException extends RuntimeException {
    UsageException(String m) {
      super(m, null, false, false);
    }
  }

  private ExitCode dispatch(String[] args) {
    if (args.length == 0
        || "--help".equals(args[0])
        || "-h".equals(args[0])
        || "help".equals(args[0])) {
      usage();
      return ExitCode.OK;
    }
    if ("--version".equals(args[0]) || "version".equals(args[0])) {
      out.println("eksnet " + Version.get());
      return ExitCode.OK;
    }
    String cmd = args[0];
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    return switch (cmd) {
      case "scan" -> scan(rest);
      case "rules" -> rules(rest);
      case "explain" -> explain(rest);
      case "capacity" -> capacity(rest);
      case "daemon" -> daemon(rest);
      case "facts" -> facts(rest);
      default -> {
        if (cmd.startsWith("-") || Files.exists(path(cmd))) {
          yield scan(args); // `eksnet [options] PATH...` means scan, as pre-commit calls it
        }
        if (cmd.contains("/") || cmd.contains(".")) {
          throw new UsageException(cmd + ": no such file or directory");
        }
        throw new UsageException(
            "unknown command '"
                + cmd
                + "'"
                + Suggest.hint(cmd, COMMANDS)
                + " (commands: "
                + String.join(", ", COMMANDS)
                + ")");
      }
    };
  }

  private static final List<String> COMMANDS =
      List.of("scan", "rules", "explain", "capacity", "facts", "daemon");

  private static final String DAEMON_USAGE =
      """
      Usage: eksnet daemon status|stop

      The daemon keeps one JVM with the rules loaded for repeated runs of the ./eksnet launcher.
      It is off unless EKSNET_DAEMON=1 is set; the first such run starts it, and it exits after
      EKSNET_DAEMON_IDLE seconds (default 1800) without use.
        eksnet daemon status   is one running, and how many commands has it served
        eksnet daemon stop     stop it now
      """;

  /**
   * {@code eksnet daemon}: the launcher answers {@code status} and {@code stop} itself; here (no
   * launcher, or no subcommand) the usage.
   */
  private ExitCode daemon(String[] args) {
    if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0])) {
      out.print(DAEMON_USAGE);
      out.flush();
      return ExitCode.OK;
    }
    if (args.length == 1 && ("status".equals(args[0]) || "stop".equals(args[0]))) {
      out.println("eksnet daemon: not running (the daemon is run by the ./eksnet launcher)");
      return ExitCode.OK;
    }
    err.print(DAEMON_USAGE);
    throw new UsageException("unknown daemon command '" + String.join(" ", args) + "'");
  }

  private void usage() {
    out.println(
        """
        eksnet %s: static analysis of EKS networking in Kubernetes manifests and Terraform JSON

        Usage:
          eksnet scan [options] [PATH...]   scan files and directories (default: .)
          eksnet rules [--format text|markdown|json]   list the rules
          eksnet explain RULE-ID            show a rule's documentation
          eksnet capacity [--format text|markdown|json|html] [-o FILE] PATH...
                                            IP capacity per subnet and node group (Terraform JSON)
          eksnet daemon status|stop         the launcher's background JVM (EKSNET_DAEMON=1)
          eksnet facts [--format text|markdown]   the fact types and members rules may use
          eksnet --version | --help

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error,
        3 internal error.
        """
            .formatted(Version.get()));
    java.io.PrintWriter pw = new java.io.PrintWriter(out, true);
    new HelpFormatter()
        .printHelp(
            pw,
            100,
            "eksnet scan [options] [PATH...]",
            "Scan options:",
            scanOptions(),
            2,
            2,
            "",
            false);
    pw.flush();
    out.flush();
  }

  static Options scanOptions() {
    Options o = new Options();
    o.addOption(
        Option.builder("f")
            .longOpt("format")
            .hasArg()
            .argName("text|json|sarif|html")
            .desc("report format (default text)")
            .build());
    o.addOption(
        Option.builder("o")
            .longOpt("output")
            .hasArg()
            .argName("FILE")
            .desc(
                "write the report to FILE, atomically (a character device or FIFO is written through);"
                    + " - is standard output, the default")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("fail-on")
            .hasArg()
            .argName("LEVEL")
            .desc(
                "lowest severity that makes the exit code 1: critical, high, medium, low, info, none (default high)")
            .build());
    o.addOption(
        Option.builder("c")
            .longOpt("config")
            .hasArg()
            .argName("FILE")
            .desc("config file (default: .eksnet.yaml at the root, if present)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("rules")
            .hasArg()
            .argName("DIR")
            .desc("directory of extra DRL rules (repeatable)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("keep-going")
            .desc(
                "when a --rules file does not compile, a rule has bad metadata or a rule throws, leave it out"
                    + " and still run the built-in and the other rules (default: report the rule errors and no findings)."
                    + " The exit code stays 2")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("enable")
            .hasArg()
            .argName("IDS")
            .desc("run only these rules (comma-separated, repeatable)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("disable")
            .hasArg()
            .argName("IDS")
            .desc("do not run these rules (comma-separated, repeatable)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("exclude")
            .hasArg()
            .argName("GLOB")
            .desc(
                "do not scan files matching this root-relative glob, e.g. 'vendor/**' (repeatable; adds to the config's exclude)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("context")
            .hasArg()
            .argName("DIR")
            .desc(
                "also load DIR (repeatable) and relate its objects with those of the PATHs, in the same"
                    + " cluster, but report only findings on the PATHs or pointing at them (pre-commit:"
                    + " --context . with the staged files)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("baseline")
            .hasArg()
            .argName("FILE.sarif")
            .desc(
                "an earlier SARIF report: only findings not in it are printed and fail the scan (SARIF marks results new/unchanged)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("sarif-category")
            .hasArg()
            .argName("NAME")
            .desc(
                "SARIF: name the analysis for GitHub code scanning (runs[].automationDetails.id NAME/); needed when"
                    + " several eksnet reports are uploaded together (default: none, the upload's category applies)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("root")
            .hasArg()
            .argName("DIR")
            .desc(
                "repository root that report paths are relative to (default: the git top-level, else the current directory)")
            .build());
    o.addOption(
        Option.builder("q")
            .longOpt("quiet")
            .desc("print only findings and errors (no summary, no notes)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("show-suppressed")
            .desc(
                "also print suppressed findings, with their reason (text); include them in SARIF with suppressions")
            .build());
    o.addOption(Option.builder().longOpt("no-color").desc("never colour the text output").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  /** Parses a command's options; an unknown one is a usage error with the closest known one. */
  private static CommandLine parse(Options options, String[] args) {
    try {
      return DefaultParser.builder().build().parse(options, args);
    } catch (UnrecognizedOptionException e) {
      List<String> known = new ArrayList<>();
      for (Option o : options.getOptions()) {
        if (o.getLongOpt() != null) {
          known.add("--" + o.getLongOpt());
        }
      }
      String typo = e.getOption() == null ? "" : e.getOption().split("=", 2)[0];
      throw new UsageException("unknown option '" + typo + "'" + Suggest.hint(typo, known));
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A path argument of a scan: {@code -} is standard input. */
  private Path input(String arg) {
    return "-".equals(arg) ? stdin : path(arg);
  }

  /**
   * True when a command names the caller's standard input or another stream of the caller ({@code
   * -}, {@code /dev/stdin}, {@code /dev/fd/N} of a process substitution, a FIFO): a daemon cannot
   * read those for it, so the launcher runs the command in a JVM of its own.
   */
  static boolean readsCallerStreams(String[] args, Path cwd) {
    if (args.length == 0) {
      return false;
    }
    String[] rest = args;
    if ("scan".equals(args[0]) || "capacity".equals(args[0])) {
      rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    } else if (!args[0].startsWith("-") && !exists(cwd, args[0])) {
      return false;
    }
    CommandLine cl;
    try {
      cl = DefaultParser.builder().build().parse(scanOptions(), rest);
    } catch (ParseException e) {
      return false; // a usage error: the daemon reports it as well as a JVM would
    }
    List<String> named = new ArrayList<>(cl.getArgList());
    for (String opt : List.of("config", "baseline", "context", "rules")) {
      named.addAll(values(cl, opt)); // --config <(envsubst < eksnet.tmpl.yaml) is a stream too
    }
    for (String a : named) {
      Path p;
      try {
        p = cwd.resolve(a);
      } catch (InvalidPathException e) {
        return true; // a JVM of its own reports it as a usage error
      }
      if ("-".equals(a)
          || io.eksnet.source.Discovery.isStreamName(p)
          || (Files.exists(p) && !Files.isDirectory(p) && !Files.isRegularFile(p))) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code name} names an existing file; false when it cannot be a file name here. */
  private static boolean exists(Path cwd, String name) {
    try {
      return Files.exists(cwd.resolve(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private ExitCode scan(String[] args) {
    CommandLine cl = parse(scanOptions(), args);
    if (cl.hasOption("help")) {
      usage();
      return ExitCode.OK;
    }
    Format format = format(last(cl, "format", "text"));
    String output = output(last(cl, "output"));
    FailOn failOn = cl.hasOption("fail-on") ? failOn(last(cl, "fail-on")) : null;
    List<Path> paths = new ArrayList<>();
    for (String a : cl.getArgList()) {
      paths.add(input(a));
    }
    if (paths.isEmpty()) {
      paths.add(cwd);
    }
    Path root = cl.hasOption("root") ? path(last(cl, "root")) : Roots.find(paths.get(0), cwd);
    if (Discovery.isStreamName(paths.get(0)) && !cl.hasOption("root")) {
      root = Roots.find(cwd, cwd); // /dev/stdin is not in a repository: the caller's directory is
    }
    if (!Files.isDirectory(root)) {
      throw new UsageException("--root " + last(cl, "root") + " is not a directory");
    }
    for (String g : values(cl, "exclude")) {
      try {
        Glob.compile(g);
      } catch (PatternSyntaxException e) {
        throw new UsageException(
            "--exclude '" + g + "' is not a valid glob: " + e.getDescription());
      }
    }
    List<Path> ruleDirs = new ArrayList<>();
    for (String d : values(cl, "rules")) {
      ruleDirs.add(path(d));
    }
    if (ruleDirs.isEmpty()) {
      checkRuleIds(values(cl, "enable"), "--enable");
      checkRuleIds(values(cl, "disable"), "--disable");
    }
    List<Path> context = new ArrayList<>();
    for (String d : values(cl, "context")) {
      if (!Files.exists(path(d))) {
        throw new UsageException("--context " + d + " does not exist");
      }
      context.add(path(d));
    }
    ScanRequest req =
        new ScanRequest(
                root,
                paths,
                cl.hasOption("config") ? path(last(cl, "config")) : null,
                ruleDirs,
                ids(values(cl, "enable")),
                ids(values(cl, "disable")))
            .withExcludes(values(cl, "exclude"))
            .withBaseline(cl.hasOption("baseline") ? path(last(cl, "baseline")) : null)
            .withKeepGoing(cl.hasOption("keep-going"))
            .withWorkingDir(cwd)
            .withContext(context);
    ScanResult result =
        new Scanner(
                progress && !cl.hasOption("quiet")
                    ? new TerminalProgress(err, System::nanoTime)
                    : io.eksnet.scan.Progress.NONE)
            .scan(req);
    if (env.get("EKSNET_TIMINGS") != null) {
      ScanResult.Timings t = result.timings();
      err.printf(
          "timings: engine+load %d ms, relate %d ms, rules %d ms, scan total %d ms%n",
          t.loadMs(), t.relateMs(), t.rulesMs(), t.totalMs());
      err.printf(
          "timings: process CPU engine+load %d ms, relate %d ms, rules %d ms; GC pauses %d / %d /"
              + " %d ms; scanning thread CPU relate %d ms, rules %d ms%n",
          t.loadProcessCpuMs(),
          t.relateProcessCpuMs(),
          t.rulesProcessCpuMs(),
          t.loadGcMs(),
          t.relateGcMs(),
          t.rulesGcMs(),
          t.relateCpuMs(),
          t.rulesCpuMs());
      t.ruleFirings()
          .forEach(
              (id, n) ->
                  err.printf(
                      "timings: rule %s fired %d times, consequences %.1f ms%n",
                      id, n, t.ruleNanos().getOrDefault(id, 0L) / 1e6));
    }

    boolean quiet = cl.hasOption("quiet");
    ReportOptions ro =
        ReportOptions.defaults()
            .withColor(tty && !cl.hasOption("no-color") && output == null)
            .withIncludeSuppressed(cl.hasOption("show-suppressed"))
            .withDocs(RuleDocs::doc)
            .withCategory(last(cl, "sarif-category"));
    String report = format.render(result, ro);
    if (quiet && format == Format.TEXT) {
      report = withoutSummary(report);
    }
    if (!emit(report, output, result.problems())) {
      return ExitCode.ERROR;
    }
    if (!quiet) {
      for (String n : result.notes()) {
        err.println("note: " + InputProblem.oneLine(n)); // notes quote file content too
      }
    }
    return ExitCode.of(Outcome.of(result, failOn).kind());
  }

  /** The names of the standard streams as files: written to this command's streams instead. */
  private static final Set<String> STDOUT_NAMES =
      Set.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");

  private static final Set<String> STDERR_NAMES =
      Set.of("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2");

  private static final String TO_STDERR = "\0stderr";

  /**
   * Checks {@code --output} before anything is scanned: null for standard output ({@code -}, no
   * option, or a name of standard output such as {@code /dev/stdout}, which is this command's
   * standard output, also in the daemon), the path otherwise. A directory, a block device or a
   * socket is a usage error; nothing is written or replaced.
   */
  private String output(String arg) {
    if (arg == null || "-".equals(arg)) {
      return null;
    }
    if (arg.isEmpty()) {
      throw new UsageException("--output needs a file name (or - for standard output)");
    }
    String normal = path(arg).normalize().toString();
    if (STDOUT_NAMES.contains(normal)) {
      return null;
    }
    if (STDERR_NAMES.contains(normal)) {
      return TO_STDERR;
    }
    String refusal = AtomicFile.refusal(path(arg));
    if (refusal != null) {
      throw new UsageException(
          "cannot write the report to "
              + arg
              + ": it "
              + refusal
              + " (--output takes a file, a character device such as /dev/null, a FIFO,"
              + " or - for standard output)");
    }
    // the folders are created as needed, unless one of them is a file: found now, not after the
    // scan (where it read "cannot write the report to a/out.sarif: /abs/a")
    for (Path dir = path(arg).toAbsolutePath().normalize().getParent();
        dir != null;
        dir = dir.getParent()) {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new UsageException(
              "cannot write the report to " + arg + ": " + dir + " is a file, not a folder");
        }
        break;
      }
    }
    return arg;
  }

  /**
   * Writes the report to {@code output} (see {@link #output}; atomically for a file, or to standard
   * output when null), then the input problems to standard error. False when the report could not
   * be written; the problems are listed all the same, and an existing file is left as it was.
   */
  private boolean emit(String report, String output, List<InputProblem> problems) {
    boolean written = true;
    if (output == null) {
      out.print(report);
      out.flush();
    } else if (TO_STDERR.equals(output)) {
      err.print(report);
      err.flush();
    } else if (cancelled.getAsBoolean()) {
      err.println("eksnet: cancelled; " + output + " not written");
      return false;
    } else {
      try {
        AtomicFile.write(path(output), report);
      } catch (IOException e) {
        err.println(
            "eksnet: cannot write the report to " + output + ": " + InputProblem.describe(e));
        written = false;
      }
    }
    for (InputProblem p : problems) {
      err.println(InputProblem.oneLine(p.location().toString()) + ": error: " + p.message());
    }
    return written;
  }

  /**
   * A path argument, resolved against the working directory. An empty one (an unset shell variable,
   * {@code eksnet scan "$FILES"}) is a usage error rather than the working directory, and so is a
   * name this JVM cannot turn into a file name: under a locale that is not UTF-8 ({@code LANG=C},
   * common in containers) Java reads non-ASCII arguments as U+FFFD.
   */
  private Path path(String arg) {
    if (arg.isEmpty()) {
      throw new UsageException("an empty path was given (an unset variable?)");
    }
    try {
      return cwd.resolve(arg);
    } catch (InvalidPathException e) {
      throw new UsageException(unencodable(arg));
    }
  }

  /** Why a path argument cannot be used, and what to do. */
  static String unencodable(String arg) {
    return "cannot use the path '"
        + arg
        + "': it has characters that the file name encoding of this locale ("
        + System.getProperty("sun.jnu.encoding", "unknown")
        + ") cannot represent; run eksnet with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the eksnet"
        + " launcher sets one when the locale is C or POSIX)";
  }

  /**
   * Rule ids given on the command line must be built-in rules (with {@code --rules}, the scan
   * checks them against the user rules too): a typo is a usage error, with the closest id.
   */
  private static void checkRuleIds(List<String> csvs, String option) {
    Set<String> ids = ids(csvs);
    if (ids.isEmpty()) {
      return;
    }
    List<String> known = new ArrayList<>();
    for (RuleInfo r : RuleEngine.load(List.of(), new ArrayList<>()).catalog().rules()) {
      known.add(r.id());
    }
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new UsageException(
            option
                + ": unknown rule id '"
                + id
                + "'"
                + Suggest.hint(id, known)
                + " (see `eksnet rules`)");
      }
    }
  }

  /**
   * An option's value: the last one when it is given more than once, as with most command-line
   * tools (a wrapper's {@code --fail-on high "$@"} is overridden by a later {@code --fail-on low}),
   * else {@code dflt}.
   */
  private static String last(CommandLine cl, String opt, String dflt) {
    String[] v = cl.getOptionValues(opt);
    return v == null || v.length == 0 ? dflt : v[v.length - 1];
  }

  private static String last(CommandLine cl, String opt) {
    return last(cl, opt, null);
  }

  private static List<String> values(CommandLine cl, String opt) {
    String[] v = cl.getOptionValues(opt);
    return v == null ? List.of() : List.of(v);
  }

  private static Set<String> ids(List<String> csvs) {
    Set<String> out = new LinkedHashSet<>();
    for (String csv : csvs) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  private static Format format(String f) {
    Format parsed = Format.parse(f);
    if (parsed == null) {
      throw new UsageException("unknown --format '" + f + "' (text, json, sarif, html)");
    }
    return parsed;
  }

  /** The text report without its last line (the summary). */
  private static String withoutSummary(String text) {
    int end = text.length() - 1;
    int cut = text.lastIndexOf('\n', end - 1);
    return cut < 0 ? "" : text.substring(0, cut + 1);
  }

  private static FailOn failOn(String s) {
    FailOn f = FailOn.parse(s);
    if (f == null) {
      throw new UsageException("unknown --fail-on '" + s + "' (" + FailOn.CHOICES + ")");
    }
    return f;
  }

  /** The {@code --format} of a command that takes no other argument; {@code text} by default. */
  private static String formatOption(String[] args, String command) {
    String fmt = "text";
    for (int i = 0; i < args.length; i++) {
      if ("--format".equals(args[i]) && i + 1 < args.length) {
        fmt = args[++i];
      } else if (args[i].startsWith("--format=")) {
        fmt = args[i].substring("--format=".length());
      } else {
        throw new UsageException("unexpected argument '" + args[i] + "' for " + command);
      }
    }
    return fmt;
  }

  private ExitCode rules(String[] args) {
    String fmt = formatOption(args, "rules");
    List<InputProblem> problems = new ArrayList<>();
    List<RuleInfo> rules = RuleEngine.load(List.of(), problems).catalog().rules();
    switch (fmt) {
      case "text" -> {
        for (RuleInfo r : rules) {
          out.printf("%-15s %-8s %-40s %s%n", r.id(), r.severity(), r.name(), r.summary());
        }
      }
      case "markdown" -> out.print(RuleIndex.markdown(rules));
      case "json" -> out.print(RuleIndex.json(rules));
      default ->
          throw new UsageException(
              "unknown --format '" + fmt + "' for rules (text, markdown, json)");
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The public fact types and their members (docs/facts.md is the markdown). */
  private ExitCode facts(String[] args) {
    String fmt = formatOption(args, "facts");
    switch (fmt) {
      case "text" -> out.print(FactReference.text());
      case "markdown" -> out.print(FactReference.markdown());
      default ->
          throw new UsageException("unknown --format '" + fmt + "' for facts (text, markdown)");
    }
    out.flush();
    return ExitCode.OK;
  }

  private ExitCode capacity(String[] args) {
    Options o = new Options();
    o.addOption(
        Option.builder("f").longOpt("format").hasArg().argName("text|markdown|json|html").build());
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE").build());
    o.addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE").build());
    o.addOption(Option.builder().longOpt("root").hasArg().argName("DIR").build());
    CommandLine cl = parse(o, args);
    String fmt = last(cl, "format", "text");
    CapacityReport.Format format = CapacityReport.Format.parse(fmt);
    if (format == null) {
      throw new UsageException(
          "unknown --format '" + fmt + "' for capacity (text, markdown, json, html)");
    }
    String output = output(last(cl, "output"));
    List<Path> paths = new ArrayList<>();
    for (String a : cl.getArgList()) {
      paths.add(input(a));
    }
    if (paths.isEmpty()) {
      paths.add(cwd);
    }
    Path root = cl.hasOption("root") ? path(last(cl, "root")) : Roots.find(paths.get(0), cwd);
    ScanRequest req =
        new ScanRequest(
            root,
            paths,
            cl.hasOption("config") ? path(last(cl, "config")) : null,
            List.of(),
            Set.of(),
            Set.of());
    CapacityScanner.Result result = new CapacityScanner().scan(req);
    String report = CapacityReport.render(result.table(), format);
    if (!emit(report, output, result.problems())) {
      return ExitCode.ERROR;
    }
    return result.problems().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
  }

  private ExitCode explain(String[] args) {
    if (args.length != 1) {
      throw new UsageException("explain takes one rule id, e.g. eksnet explain EKS-SVC-001");
    }
    String id = args[0].toUpperCase(Locale.ROOT);
    List<InputProblem> problems = new ArrayList<>();
    RuleInfo r = RuleEngine.load(List.of(), problems).catalog().get(id);
    if (r == null) {
      List<String> known = new ArrayList<>();
      for (RuleInfo i : RuleEngine.load(List.of(), problems).catalog().rules()) {
        known.add(i.id());
      }
      throw new UsageException(
          "no rule " + args[0] + Suggest.hint(args[0], known) + " (see `eksnet rules`)");
    }
    String doc = RuleDocs.doc(id);
    if (doc != null) {
      out.print(doc);
    } else {
      out.printf(
          "%s %s (%s)%n%n%s%n%nRemediation: %s%n",
          r.id(), r.name(), r.severity(), r.summary(), r.remediation());
    }
    out.flush();
    return ExitCode.OK;
  }
}
