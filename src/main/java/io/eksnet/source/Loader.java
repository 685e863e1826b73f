package io.eksnet.source;

import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.model.Suppression;
import io.eksnet.model.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one file into facts. YAML files may hold many documents; JSON files hold one (a Kubernetes
 * object or List, or Terraform {@code show -json} output, recognised by content).
 */
public final class Loader {

  /**
   * Facts, problems, the Terraform documents (for the Terraform loader), inline suppressions and
   * notes (questionable but usable input) of one file.
   */
  public record Loaded(
      List<Object> facts,
      List<InputProblem> problems,
      List<Tree> terraform,
      List<Suppression> suppressions,
      List<String> notes) {
    Loaded(List<Object> facts, List<InputProblem> problems, List<Tree> terraform) {
      this(facts, problems, terraform, new ArrayList<>(), new ArrayList<>());
    }
  }

  private static final Pattern IGNORE_COMMENT =
      Pattern.compile("#\\s*eksnet:ignore\\s+([A-Za-z0-9*,_-]+)\\s*(.*)$");

  private final Limits limits;
  private final java.util.Map<String, String> strings = new java.util.HashMap<>();

  public Loader() {
    this(Limits.DEFAULT);
  }

  Loader(Limits limits) {
    this.limits = limits;
  }

  public Loaded load(SourceFile f) {
    List<Object> facts = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    List<Tree> terraform = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String rel = f.relative();
    String name =
        f.path().getFileName() == null
            ? ""
            : f.path().getFileName().toString().toLowerCase(Locale.ROOT);
    boolean stream = !Files.isRegularFile(f.path()) || Discovery.isStreamName(f.path());
    boolean json = name.endsWith(".json") || Discovery.isTerraformState(name);
    byte[] bytes;
    try {
      if (stream) {
        // a pipe, /dev/stdin or a device: no size to check first, read at most the larger limit
        long max = Math.max(limits.maxJsonBytes(), limits.maxYamlBytes());
        bytes = readAtMost(f.path(), max);
        if (bytes == null) {
          problems.add(
              problem(
                  rel,
                  1,
                  1,
                  "input is larger than "
                      + mib(max)
                      + ", the most eksnet reads from a stream, so it was skipped"));
          return new Loaded(facts, problems, terraform);
        }
        if (bytes.length == 0) {
          // `terraform show -json plan | eksnet scan -` where terraform failed: no all-clear
          problems.add(
              problem(
                  rel,
                  1,
                  1,
                  "the stream was empty, so nothing was read from it (did the command writing to"
                      + " it fail?)"));
          return new Loaded(facts, problems, terraform);
        }
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
          json = json || startsLikeJson(bytes); // no telling name: Terraform JSON starts with {
        }
      } else {
        long size = Files.size(f.path());
        long max = json ? limits.maxJsonBytes() : limits.maxYamlBytes();
        if (size > max) {
          problems.add(
              problem(
                  rel,
                  1,
                  1,
                  "file is "
                      + mib(size)
                      + "; eksnet reads "
                      + (json ? "JSON" : "YAML")
                      + " files up to "
                      + mib(max)
                      + ", so it was skipped"));
          return new Loaded(facts, problems, terraform);
        }
        bytes = Files.readAllBytes(f.path());
      }
    } catch (IOException e) {
      problems.add(problem(rel, 1, 1, "cannot read file: " + InputProblem.describe(e)));
      return new Loaded(facts, problems, terraform);
    }
    Encoding.Decoded decoded = Encoding.decode(bytes);
    if (Encoding.isUtf8(decoded) ? looksBinary(bytes) : hasNul(decoded.text())) {
      problems.add(problem(rel, 1, 1, "binary file, not YAML or JSON"));
      return new Loaded(facts, problems, terraform);
    }
    if (decoded.problem() != null) {
      LoadException e = decoded.problem();
      problems.add(problem(rel, e.line(), e.column(), e.getMessage()));
      return new Loaded(facts, problems, terraform);
    }
    String text = decoded.text();
    TerraformWrapper.Unwrapped wrapped = json ? TerraformWrapper.unwrap(text) : null;
    if (wrapped != null) {
      text = wrapped.text();
      notes.add(
          rel
              + ":1: `terraform show -json` output captured through the hashicorp/setup-terraform"
              + " wrapper (its [command] and :: lines around the JSON); read the JSON of"
              + " line "
              + wrapped.jsonLine()
              + ". Set `terraform_wrapper: false` on the setup-terraform step (or run"
              + " terraform-bin) to write plain JSON");
    }
    YamlLoader.Result r =
        json ? new JsonLoader(limits).load(text) : new YamlLoader(limits, strings).load(text);
    if (!report(rel, text, json, r, problems, notes)) {
      return new Loaded(facts, problems, terraform, new ArrayList<>(), notes);
    }
    for (Tree doc : r.documents()) {
      if (json && TerraformJson.isTerraform(doc)) {
        Tree.Entry errored = doc instanceof Tree.TMap m ? m.entry("errored") : null;
        if (errored != null
            && errored.value() instanceof Tree.TScalar v
            && v.type() == Tree.ScalarType.BOOL
            && "true".equals(v.value())) {
          // Terraform stopped planning on an error: the plan holds only part of the resources,
          // and rules that speak from an absence (no endpoint, no route) would be misled
          problems.add(
              problem(
                  rel,
                  errored.line(),
                  errored.column(),
                  "the plan is marked \"errored\": true (Terraform stopped planning on an error),"
                      + " so it is incomplete and was not read; fix the error, plan again and scan"
                      + " that plan"));
          continue;
        }
        terraform.add(doc);
        continue;
      }
      if (json && TerraformState.isState(doc)) {
        Tree.TMap state = (Tree.TMap) doc;
        int version = TerraformState.version(state);
        if (version == TerraformState.VERSION) {
          terraform.add(TerraformState.asShowJson(state));
        } else {
          // an old state kept in a repository is not wrong, only unread: a note, not a failure
          Tree.Entry v = state.entry("version");
          notes.add(
              rel
                  + ":"
                  + v.line()
                  + ": Terraform state format version "
                  + Tree.text(v.value()) // as written: 99999999999999999999 is not -1
                  + " is not read (eksnet reads version 4, written by Terraform 0.12 and later),"
                  + " so the file was skipped; scan the output of `terraform show -json`"
                  + " (Terraform 0.12 or later) instead");
        }
        continue;
      }
      if (!(doc instanceof Tree.TMap m)) {
        continue; // a list or scalar document is something else (e.g. a config list)
      }
      boolean hasKind = m.get("kind") != null;
      boolean hasApi = m.get("apiVersion") != null;
      if (hasKind && hasApi) {
        if (Tree.text(m.get("kind")) == null || Tree.text(m.get("apiVersion")) == null) {
          String api = Tree.text(m.get("apiVersion"));
          if (api != null && !K8sApiVersions.isKubernetes(api)) {
            // another tool's format that borrows the two keys (`apiVersion: release-notes/v2`)
            notes.add(
                objectNote(
                    rel,
                    m,
                    "has apiVersion "
                        + api
                        + ", no Kubernetes API version, and no kind: not read as a Kubernetes"
                        + " manifest; skipped"));
            continue;
          }
          problems.add(problem(rel, m.line(), m.column(), "apiVersion and kind must be strings"));
          continue;
        }
        String placeholder = placeholderName(m);
        if (placeholder != null) {
          notes.add(
              objectNote(
                  rel,
                  m,
                  "is a template ("
                      + placeholder
                      + " is a placeholder): skipped; fill it in and scan the result"));
          continue;
        }
        if (EksctlConfig.isClusterConfig(m)) {
          terraform.add(EksctlConfig.asShowJson(m)); // cluster facts, as Terraform's
          continue;
        }
        K8sFactory.facts(rel, m, facts);
      } else if (hasKind && m.get("metadata") != null && Tree.text(m.get("kind")) != null) {
        // kubectl would reject it, but the kind says what it is: scan it and say so
        notes.add(
            objectNote(
                rel, m, "has no apiVersion; scanned by its kind, but kubectl will reject it"));
        K8sFactory.facts(rel, m, facts);
      } else if (hasApi && !hasKind && m.get("metadata") != null) {
        Tree.Entry present = m.entry("apiVersion");
        problems.add(
            problem(
                rel,
                present.line(),
                present.column(),
                "Kubernetes object has apiVersion but no kind, so eksnet cannot tell what it is"));
      }
      // anything else is not a Kubernetes object (values files, CI configs) and is skipped quietly
    }
    List<Suppression> suppressions = json ? new ArrayList<>() : ignoreComments(rel, text, problems);
    return new Loaded(facts, problems, terraform, suppressions, notes);
  }

  /**
   * Decides what of a loaded file is reported, and whether its documents are read: a safety limit
   * is always a problem; a Go/Helm template (see {@link Templates}) is skipped with a note; other
   * problems are reported only when the file is, or claims to be, Kubernetes or Terraform JSON (see
   * {@link Claims}). Else a YAML file that does not parse is skipped with a note, and anything else
   * (JSON with comments, language tags, duplicate keys outside a manifest) is skipped quietly.
   *
   * @return whether the documents are read
   */
  private static boolean report(
      String rel,
      String text,
      boolean json,
      YamlLoader.Result r,
      List<InputProblem> problems,
      List<String> notes) {
    LoadException syntax = null;
    for (LoadException e : r.problems()) {
      if (e.kind() == LoadException.Kind.LIMIT) {
        problems.add(problem(rel, e.line(), e.column(), e.getMessage()));
      } else if (syntax == null && e.kind() == LoadException.Kind.SYNTAX) {
        syntax = e;
      }
    }
    if (!json) {
      int template = r.templateLine();
      if (template == 0 && syntax != null) {
        template = Templates.actionLine(text);
      }
      if (template > 0) {
        notes.add(
            rel
                + ":"
                + template
                + ": {{ }} here looks like a template (Go, Helm, Jinja), so the file was skipped;"
                + " render it (`helm template` for a chart) and scan the output");
        return false;
      }
      int directive = syntax == null ? 0 : Templates.terraformDirectiveLine(text);
      if (directive > 0) {
        notes.add(
            rel
                + ":"
                + directive
                + ": %{ } here looks like a Terraform template directive (a `templatefile`"
                + " template), so the file was skipped; scan what Terraform renders from it");
        return false;
      }
      String placeholder =
          syntax == null ? null : Templates.bracePlaceholderAt(text, syntax.line());
      if (placeholder != null) {
        notes.add(
            rel
                + ":"
                + syntax.line()
                + ": "
                + placeholder
                + " here looks like a placeholder to be filled in, and YAML cannot read it,"
                + " so the file was skipped; fill it in and scan the result");
        return false;
      }
    }
    if (Claims.claims(r.documents(), text, json)) {
      for (LoadException e : r.problems()) {
        if (e.kind() != LoadException.Kind.LIMIT) {
          problems.add(problem(rel, e.line(), e.column(), e.getMessage()));
        }
      }
      return true;
    }
    if (syntax != null && !json) {
      notes.add(
          rel
              + ":"
              + syntax.line()
              + ": not valid YAML ("
              + InputProblem.oneLine(syntax.getMessage())
              + ") and no top-level apiVersion or kind, so not read as a Kubernetes manifest;"
              + " skipped");
    }
    return true; // the documents read, if any, are not Kubernetes objects: the loop skips them
  }

  /** {@code # eksnet:ignore EKS-SVC-001,EKS-LB-001 reason} comments; a reason is required. */
  static List<Suppression> ignoreComments(String rel, String text, List<InputProblem> problems) {
    List<Suppression> out = new ArrayList<>();
    if (!text.contains("eksnet:ignore")) {
      return out;
    }
    String[] lines = text.split("\r\n|\r|\n", -1); // the lines editors and GitHub count
    for (int i = 0; i < lines.length; i++) {
      Matcher m = IGNORE_COMMENT.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String reason = m.group(2).trim();
      Location loc = new Location(rel, i + 1, m.start() + 1, "", "");
      if (reason.isEmpty()) {
        problems.add(new InputProblem(loc, "eksnet:ignore needs a reason after the rule ids"));
        continue;
      }
      out.add(
          new Suppression(
              Suppression.Kind.COMMENT, loc, List.of(m.group(1).split(",")), reason, null));
    }
    return out;
  }

  private static InputProblem problem(String file, int line, int col, String msg) {
    return new InputProblem(new Location(file, line, col, "", ""), msg);
  }

  /** The stream's bytes, or null when it holds more than {@code max}. */
  private static byte[] readAtMost(java.nio.file.Path p, long max) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      return b.length > max ? null : b;
    }
  }

  /** The first character after a byte-order mark and white space is { or [. */
  static boolean startsLikeJson(byte[] b) {
    int i = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb ? 3 : 0;
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    return i < b.length && (b[i] == '{' || b[i] == '[');
  }

  private static String mib(long bytes) {
    return bytes >= (1 << 20) ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }

  /** NUL bytes in the first 8 KiB of a UTF-8 file mean binary. */
  static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** NUL characters in the first 8 Ki characters of a UTF-16 or UTF-32 file mean binary. */
  private static boolean hasNul(String text) {
    if (text == null) {
      return false;
    }
    int i = text.indexOf('\0');
    return i >= 0 && i < 8192;
  }

  /** A note about one object: {@code file:line: Kind what}. */
  private static String objectNote(String rel, Tree.TMap m, String what) {
    return rel + ":" + m.line() + ": " + Tree.text(m.get("kind")) + " " + what;
  }

  /**
   * The first of {@code metadata.name} and {@code metadata.namespace} that is a placeholder of a
   * document template ({@code <ingress-name>}, {@code ${NAMESPACE}}, {@code {{ .Name }}}), written
   * as {@code field 'value'}; null when neither is. No Kubernetes name may contain these
   * characters, so such an object is a template to fill in, not one the API server would accept.
   */
  static String placeholderName(Tree.TMap m) {
    for (String field : new String[] {"name", "namespace"}) {
      String v = Tree.text(Tree.path(m, "metadata", field));
      if (v != null && isPlaceholder(v)) {
        return "metadata." + field + " '" + v + "'";
      }
    }
    return null;
  }

  private static boolean isPlaceholder(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '<' || c == '>' || c == '{' || c == '}' || c == '$' || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }
}
