package io.eksnet.source;

import io.eksnet.model.Tree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads multi-document YAML into {@link Tree}s with positions, using SnakeYAML's node API only (no
 * object construction, so no arbitrary types). Aliases, nesting and expansion are bounded.
 */
final class YamlLoader {

  /**
   * The documents read before any error, the problems (empty when the file was fine), and the line
   * of the first Go/Helm template action that YAML read as structure ({@code name: {{ .Values.x }}}
   * is a flow mapping in a flow mapping), 0 when there is none.
   */
  record Result(List<Tree> documents, List<LoadException> problems, int templateLine) {
    Result(List<Tree> documents, List<LoadException> problems) {
      this(documents, problems, 0);
    }
  }

  /** Tags of plain YAML (the YAML 1.1 types SnakeYAML resolves); any other is a language tag. */
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(
          Tag.STR,
          Tag.INT,
          Tag.FLOAT,
          Tag.BOOL,
          Tag.NULL,
          Tag.MAP,
          Tag.SEQ,
          Tag.BINARY,
          Tag.TIMESTAMP,
          Tag.MERGE,
          Tag.SET,
          Tag.OMAP,
          Tag.PAIRS);

  private final Limits limits;
  private final Map<String, String> strings;
  private Positions positions;

  /** True when SnakeYAML's own marks are editors' lines and columns (see {@link #exact}). */
  private boolean marksExact;

  private Limits.Deadline deadline;
  private String text;
  private int templateLine;

  YamlLoader(Limits limits) {
    this(limits, new java.util.HashMap<>());
  }

  /**
   * @param strings interner shared across the files of a scan: keys and short values repeat
   *     millions of times in a cluster dump
   */
  YamlLoader(Limits limits, Map<String, String> strings) {
    this(limits, strings, true);
  }

  /**
   * @param trustMarks whether SnakeYAML's marks are used where they are exact (false: every
   *     position from the line index, as a test's reference)
   */
  YamlLoader(Limits limits, Map<String, String> strings, boolean trustMarks) {
    this.limits = limits;
    this.strings = strings;
    this.trustMarks = trustMarks;
  }

  private final boolean trustMarks;

  private String intern(String s) {
    if (strings.size() > 1_000_000) {
      return s;
    }
    String prev = strings.putIfAbsent(s, s);
    return prev == null ? s : prev;
  }

  /** Positions are lines and columns as editors count them (see {@link Positions}). */
  /**
   * A byte order mark at the start of a later document (right after a {@code ---} or {@code ...}
   * line, or before a {@code ---}), as {@code cat a.yaml b.yaml} leaves it when b.yaml was saved
   * with one. YAML 1.2 allows it there and kubectl, which splits the stream at {@code ---} and
   * reads each document on its own, accepts it; SnakeYAML (YAML 1.1) would read it as part of the
   * first key ({@code \uFEFFapiVersion}). It is removed, which moves the columns of the rest of its
   * line by one.
   */
  private static final java.util.regex.Pattern DOCUMENT_BOM =
      java.util.regex.Pattern.compile(
          "(?m)(?<=^\uFEFF?(?:---|\\.\\.\\.)[ \t]{0,64}(?:\r\n|\r|\n))\uFEFF|^\uFEFF(?=---(?:[ \t]|\r|\n|$))");

  static String withoutDocumentBoms(String text) {
    return text.indexOf('\uFEFF') < 0 ? text : DOCUMENT_BOM.matcher(text).replaceAll("");
  }

  Result load(String text) {
    text = withoutDocumentBoms(text);
    this.text = text;
    positions = null;
    marksExact = trustMarks && exact(text);
    deadline = limits.deadline();
    templateLine = 0;
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true); // detected below with both lines, as an input problem
    opts.setMaxAliasesForCollections(limits.maxAliases());
    opts.setNestingDepthLimit(limits.maxDepth());
    opts.setCodePointLimit(
        (int) Math.min(Integer.MAX_VALUE, Math.max(text.length() * 2L + 1024, 1024)));
    opts.setAllowRecursiveKeys(false);
    // nodes are composed, never constructed, so a global tag (mkdocs' !!python/name:...) is safe
    // to read; in a manifest it is reported below, like a local one (!Ref)
    opts.setTagInspector(tag -> true);
    List<Tree> docs = new ArrayList<>();
    List<LoadException> problems = new ArrayList<>();
    try {
      Composer composer =
          new Composer(
              new ParserImpl(new WholeTextReader(text, this::checkDeadline), opts),
              new Resolver(),
              opts);
      while (composer.checkNode()) {
        Node n = composer.getNode();
        if (n == null) {
          continue;
        }
        Converter c = new Converter(problems);
        docs.add(c.convert(n, 0));
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(new LoadException(line(m), col(m), "YAML syntax error: " + describe(e)));
    } catch (TooBig e) {
      problems.add(e.problem);
    } catch (ReaderException e) {
      int[] at = positions().at(e.getPosition());
      problems.add(
          new LoadException(
              at[0],
              at[1],
              String.format(
                  Locale.ROOT,
                  "YAML does not allow the character U+%04X here; write it as an escape (\\u%04X) in a"
                      + " double-quoted string",
                  e.getCodePoint(),
                  e.getCodePoint())));
    } catch (YAMLException e) {
      String m = firstLine(e.getMessage());
      LoadException.Kind kind = LoadException.Kind.LIMIT;
      if (m.startsWith("Nesting Depth exceeded")) {
        m = "YAML nesting deeper than " + limits.maxDepth() + " levels; file skipped";
      } else if (m.startsWith("Number of aliases")) {
        m =
            "more than "
                + limits.maxAliases()
                + " aliases of collections (alias bomb?); file skipped";
      } else {
        m = "YAML error: " + m;
        kind = LoadException.Kind.SYNTAX;
      }
      problems.add(new LoadException(1, 1, m, kind));
    } catch (StackOverflowError e) {
      problems.add(new LoadException(1, 1, "YAML nesting too deep", LoadException.Kind.LIMIT));
    }
    return new Result(docs, problems, templateLine);
  }

  private String describe(MarkedYAMLException e) {
    StringBuilder sb = new StringBuilder();
    if (e.getProblem() != null) {
      sb.append(e.getProblem());
    }
    if (e.getContext() != null) {
      sb.append(sb.isEmpty() ? "" : " ").append('(').append(e.getContext());
      if (e.getContextMark() != null
          && e.getProblemMark() != null
          && line(e.getContextMark()) != line(e.getProblemMark())) {
        sb.append(" at line ").append(line(e.getContextMark()));
      }
      sb.append(')');
    }
    String s = sb.toString().trim();
    return s.isEmpty() ? firstLine(e.getMessage()) : s;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  private int line(Mark m) {
    return m == null ? 1 : at(m)[0];
  }

  private int col(Mark m) {
    return m == null ? 1 : at(m)[1];
  }

  /**
   * SnakeYAML's marks count lines at LF as editors do, and columns in code points, which are UTF-16
   * units in the Basic Multilingual Plane. They differ where YAML 1.1 ends a line that editors do
   * not (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), at a CR (a lone CR at the end of the text ends
   * no line for SnakeYAML), at a BOM inside the text (no column for SnakeYAML) and for characters
   * outside the BMP. Without any of those (most files) the marks are used as they are, and no line
   * index is built.
   */
  static boolean exact(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r'
          || c >= '\u0085'
              && (c == '\u0085'
                  || c == '\u2028'
                  || c == '\u2029'
                  || c == '\uFEFF'
                  || Character.isSurrogate(c))) {
        return false;
      }
    }
    return true;
  }

  /** The line index, built on first use. */
  private Positions positions() {
    if (positions == null) {
      positions = new Positions(text);
    }
    return positions;
  }

  /**
   * The char offset of a code point offset: the same when the text has no surrogate pair (see
   * {@link #exact}), so no line index is needed for it.
   */
  private int charOffset(int cpOffset) {
    if (marksExact) {
      return Math.min(text.length(), Math.max(0, cpOffset));
    }
    return positions().charOffset(cpOffset);
  }

  /** {line, column} of a mark, as editors count them. */
  private int[] at(Mark m) {
    if (marksExact) {
      return new int[] {m.getLine() + 1, m.getColumn() + 1};
    }
    return positions().at(m.getIndex());
  }

  /** SnakeYAML reads as it scans: checking the clock on every read cuts the parse itself short. */
  /** Stops a load whose time is up (called by the reader as it consumes the text). */
  private void checkDeadline() {
    if (deadline.passed()) {
      throw new TooBig(new LoadException(1, 1, deadline.message(), LoadException.Kind.LIMIT));
    }
  }

  /** Thrown when alias expansion would exceed the node budget (billion laughs), or time is up. */
  private static final class TooBig extends RuntimeException {
    final LoadException problem;

    TooBig(LoadException problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }

  /**
   * A mapping's entries in the order of their keys' first occurrence, a later one replacing an
   * earlier one of the same key in place (as a {@link LinkedHashMap} would keep them): a list
   * searched linearly while small, as most mappings are, with a hash index above 16 keys.
   */
  private static final class Entries {
    final List<Tree.Entry> list;
    private Map<String, Integer> index;

    Entries(int expected) {
      list = new ArrayList<>(Math.max(expected, 1));
    }

    Tree.Entry get(String key) {
      int i = find(key);
      return i < 0 ? null : list.get(i);
    }

    void put(String key, Tree.Entry e) {
      int i = find(key);
      if (i >= 0) {
        list.set(i, e);
        return;
      }
      list.add(e);
      if (index != null) {
        index.put(key, list.size() - 1);
      } else if (list.size() > 16) {
        index = new java.util.HashMap<>();
        for (int k = 0; k < list.size(); k++) {
          index.put(list.get(k).key(), k);
        }
      }
    }

    private int find(String key) {
      if (index != null) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }
  }

  private final class Converter {
    private final List<LoadException> problems;
    private final IdentityHashMap<Node, Boolean> onPath = new IdentityHashMap<>();
    private final Set<String> tagsSeen = new HashSet<>();
    private long nodes;

    Converter(List<LoadException> problems) {
      this.problems = problems;
    }

    /** Counts one unit of work against the node budget: a node built or a merged key visited. */
    private void count(Node n) {
      if ((nodes & 0xfff) == 0 && deadline.passed()) {
        throw new TooBig(
            new LoadException(
                line(n.getStartMark()),
                col(n.getStartMark()),
                deadline.message(),
                LoadException.Kind.LIMIT));
      }
      if (++nodes > limits.maxNodes()) {
        throw new TooBig(
            new LoadException(
                line(n.getStartMark()),
                col(n.getStartMark()),
                "YAML expands to more than "
                    + limits.maxNodes()
                    + " nodes (alias bomb?); file skipped",
                LoadException.Kind.LIMIT));
      }
    }

    Tree convert(Node n, int depth) {
      count(n);
      if (depth > limits.maxDepth()) {
        throw new TooBig(
            new LoadException(
                line(n.getStartMark()),
                col(n.getStartMark()),
                "YAML nesting deeper than " + limits.maxDepth() + " levels; file skipped",
                LoadException.Kind.LIMIT));
      }
      int[] at = at(n.getStartMark());
      int l = at[0];
      int c = at[1];
      inspect(n, l, c);
      if (onPath.put(n, Boolean.TRUE) != null) {
        throw new TooBig(
            new LoadException(
                l, c, "recursive YAML alias; file skipped", LoadException.Kind.LIMIT));
      }
      try {
        if (n instanceof MappingNode m) {
          Entries entries = new Entries(m.getValue().size());
          addEntries(m, entries, depth, false);
          return new Tree.TMap(l, c, entries.list);
        }
        if (n instanceof SequenceNode s) {
          List<Tree> items = new ArrayList<>(s.getValue().size());
          for (Node item : s.getValue()) {
            items.add(convert(item, depth + 1));
          }
          return new Tree.TList(l, c, items);
        }
        ScalarNode s = (ScalarNode) n;
        return scalar(s, l, c);
      } finally {
        onPath.remove(n);
      }
    }

    /**
     * Notes a language tag ({@code !Ref}, {@code !!python/name:...}) once per tag as a content
     * problem, and the first {@code {{ ... }}} that YAML read as a flow mapping.
     */
    private void inspect(Node n, int l, int c) {
      Tag tag = n.getTag();
      if (n instanceof MappingNode m
          && templateLine == 0
          && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW
          && text.startsWith("{{", charOffset(n.getStartMark().getIndex()))) {
        templateLine = l;
      }
      if (PLAIN_TAGS.contains(tag) || "!".equals(tag.getValue())) {
        return;
      }
      String shown =
          tag.getValue().startsWith(Tag.PREFIX)
              ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
              : tag.getValue();
      if (tagsSeen.add(shown)) {
        problems.add(
            new LoadException(
                l,
                c,
                "YAML tag "
                    + shown
                    + " is not plain YAML but another tool's (CloudFormation, Python, ...);"
                    + " Kubernetes cannot read it",
                LoadException.Kind.CONTENT));
      }
    }

    private void addEntries(MappingNode m, Entries entries, int depth, boolean merged) {
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        // merged keys that lose to existing ones build nothing, but a chain of aliased merges
        // (m1: {<<: [*m0, *m0]}, m2: {<<: [*m1, *m1]}, ...) visits 2^n of them: count every visit
        count(k);
        if (k.getTag().equals(Tag.MERGE)) {
          Node v = t.getValueNode();
          List<Node> sources = v instanceof SequenceNode sn ? sn.getValue() : List.of(v);
          for (Node src : sources) {
            if (src instanceof MappingNode sm) {
              if (onPath.put(sm, Boolean.TRUE) != null) {
                throw new TooBig(
                    new LoadException(
                        line(sm.getStartMark()),
                        col(sm.getStartMark()),
                        "recursive YAML merge; file skipped",
                        LoadException.Kind.LIMIT));
              }
              try {
                addEntries(sm, entries, depth, true);
              } finally {
                onPath.remove(sm);
              }
            }
          }
          continue;
        }
        String key = intern(k instanceof ScalarNode ks ? ks.getValue() : "<complex key>");
        int[] kat = at(k.getStartMark());
        int kl = kat[0];
        int kc = kat[1];
        Tree.Entry prev = entries.get(key);
        if (prev != null) {
          if (merged) {
            continue; // keys written in the mapping win over merged ones
          }
          problems.add(
              new LoadException(
                  kl,
                  kc,
                  "duplicate key '"
                      + key
                      + "' (first at line "
                      + prev.line()
                      + "); Kubernetes rejects it",
                  LoadException.Kind.CONTENT));
        }
        entries.put(key, new Tree.Entry(key, kl, kc, convert(t.getValueNode(), depth + 1)));
      }
    }

    private Tree scalar(ScalarNode s, int l, int c) {
      Tag tag = s.getTag();
      Tree.ScalarType type;
      if (tag.equals(Tag.INT)) {
        type = Tree.ScalarType.INT;
      } else if (tag.equals(Tag.FLOAT)) {
        type = Tree.ScalarType.FLOAT;
      } else if (tag.equals(Tag.BOOL)) {
        type = Tree.ScalarType.BOOL;
      } else if (tag.equals(Tag.NULL)) {
        return new Tree.TScalar(l, c, null, Tree.ScalarType.NULL);
      } else {
        type = Tree.ScalarType.STRING;
      }
      return new Tree.TScalar(
          l, c, s.getValue().length() <= 40 ? intern(s.getValue()) : s.getValue(), type);
    }
  }
}
