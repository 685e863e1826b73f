package io.eksnet.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A glob of root-relative paths with the syntax of Java's {@code glob:} path matchers ({@code *}
 * within a name, {@code **} across names, {@code ?}, {@code [a-z]} and {@code [!a]}, {@code {a,b}},
 * {@code \} escapes), matched in linear time: the pattern is compiled to a small automaton that is
 * run over the path once, keeping the set of reachable states, so a pattern full of {@code *}
 * cannot backtrack (the JDK's regex-based matcher took more than 30 s on one long file name).
 * Matching works on the path string, so a file name the platform cannot encode is matched too.
 */
public final class Glob {

  /** Longer patterns are rejected: no real exclude needs them, and matching is O(path × glob). */
  public static final int MAX_LENGTH = 4096;

  private static final int CONSUME = 0; // one character matching pred, then next
  private static final int LOOP = 1; // any number of characters matching pred, then next
  private static final int SPLIT = 2; // epsilon to each of alts
  private static final int ACCEPT = 3;

  private static final int ANY = 0; // any character
  private static final int NOT_SLASH = 1; // any character but '/'
  private static final int LITERAL = 2; // the character c
  private static final int CLASS = 3; // ranges (pairs), negated or not, never '/'

  private record Node(
      int kind, int pred, char c, char[] ranges, boolean negated, int next, int[] alts) {}

  private final String pattern;
  private final List<Node> nodes = new ArrayList<>();
  private final int start;

  private Glob(String pattern) {
    this.pattern = pattern;
    nodes.add(new Node(ACCEPT, 0, '\0', null, false, -1, null));
    Parser p = new Parser(pattern);
    List<List<Object>> top = p.parse();
    this.start = build(top.get(0), 0);
  }

  /**
   * Compiles a glob.
   *
   * @throws PatternSyntaxException when it is not a valid glob (with Java's descriptions: a nested
   *     group, a missing {@code ]} or {@code }}, ...) or longer than {@link #MAX_LENGTH}
   */
  public static Glob compile(String glob) {
    if (glob.length() > MAX_LENGTH) {
      throw new PatternSyntaxException(
          "longer than " + MAX_LENGTH + " characters", glob.substring(0, 40) + "...", -1);
    }
    return new Glob(glob);
  }

  public String pattern() {
    return pattern;
  }

  /** True when the whole path (forward slashes) matches. */
  public boolean matches(String path) {
    int n = nodes.size();
    int[] mark = new int[n];
    int[] cur = new int[n];
    int[] next = new int[n];
    int[] stack = new int[n];
    int gen = 1;
    int curSize = closure(start, cur, 0, mark, gen, stack);
    for (int i = 0; i < path.length() && curSize > 0; i++) {
      char ch = path.charAt(i);
      gen++;
      int nextSize = 0;
      for (int k = 0; k < curSize; k++) {
        Node node = nodes.get(cur[k]);
        if (node.kind == CONSUME && test(node, ch)) {
          nextSize = closure(node.next, next, nextSize, mark, gen, stack);
        } else if (node.kind == LOOP && test(node, ch)) {
          nextSize = closure(cur[k], next, nextSize, mark, gen, stack);
        }
      }
      int[] t = cur;
      cur = next;
      next = t;
      curSize = nextSize;
    }
    for (int k = 0; k < curSize; k++) {
      if (nodes.get(cur[k]).kind == ACCEPT) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code s} and the states reachable from it without input to {@code set}. */
  private int closure(int s, int[] set, int size, int[] mark, int gen, int[] stack) {
    int top = 0;
    if (mark[s] != gen) {
      mark[s] = gen;
      stack[top++] = s;
    }
    while (top > 0) {
      int x = stack[--top];
      Node node = nodes.get(x);
      switch (node.kind) {
        case SPLIT -> {
          for (int a : node.alts) {
            if (mark[a] != gen) {
              mark[a] = gen;
              stack[top++] = a;
            }
          }
        }
        case LOOP -> {
          set[size++] = x;
          if (mark[node.next] != gen) {
            mark[node.next] = gen;
            stack[top++] = node.next;
          }
        }
        default -> set[size++] = x;
      }
    }
    return size;
  }

  private static boolean test(Node node, char ch) {
    return switch (node.pred) {
      case ANY -> true;
      case NOT_SLASH -> ch != '/';
      case LITERAL -> ch == node.c;
      default -> {
        if (ch == '/') {
          yield false;
        }
        boolean in = false;
        for (int i = 0; i < node.ranges.length; i += 2) {
          if (ch >= node.ranges[i] && ch <= node.ranges[i + 1]) {
            in = true;
            break;
          }
        }
        yield in != node.negated;
      }
    };
  }

  /** Builds the automaton of a sequence of tokens, from its end, continuing at {@code cont}. */
  @SuppressWarnings("unchecked")
  private int build(List<Object> seq, int cont) {
    int cur = cont;
    for (int i = seq.size() - 1; i >= 0; i--) {
      Object t = seq.get(i);
      if (t instanceof Node proto) {
        nodes.add(
            new Node(
                proto.kind, proto.pred, proto.c, proto.ranges, proto.negated, cur, proto.alts));
      } else {
        List<List<Object>> branches = (List<List<Object>>) t;
        int[] alts = new int[branches.size()];
        for (int b = 0; b < alts.length; b++) {
          alts[b] = build(branches.get(b), cur);
        }
        nodes.add(new Node(SPLIT, 0, '\0', null, false, -1, alts));
      }
      cur = nodes.size() - 1;
    }
    return cur;
  }

  /** Java's glob syntax (sun.nio.fs.Globs, Unix flavour), with its error descriptions. */
  private static final class Parser {
    private final String g;
    private int i;

    Parser(String g) {
      this.g = g;
    }

    private PatternSyntaxException error(String what, int at) {
      return new PatternSyntaxException(what, g, at);
    }

    /** One branch outside a group: the list holds a single sequence. */
    List<List<Object>> parse() {
      List<Object> seq = new ArrayList<>();
      List<List<Object>> group = null;
      while (i < g.length()) {
        char c = g.charAt(i++);
        List<Object> into = group == null ? seq : group.get(group.size() - 1);
        switch (c) {
          case '\\' -> {
            if (i == g.length()) {
              throw error("No character to escape", i - 1);
            }
            into.add(literal(g.charAt(i++)));
          }
          case '/' -> into.add(literal('/'));
          case '[' -> into.add(bracket());
          case '{' -> {
            if (group != null) {
              throw error("Cannot nest groups", i - 1);
            }
            group = new ArrayList<>();
            group.add(new ArrayList<>());
          }
          case '}' -> {
            if (group != null) {
              seq.add(group);
              group = null;
            } else {
              into.add(literal('}'));
            }
          }
          case ',' -> {
            if (group != null) {
              group.add(new ArrayList<>());
            } else {
              into.add(literal(','));
            }
          }
          case '*' -> {
            if (i < g.length() && g.charAt(i) == '*') {
              i++;
              into.add(new Node(LOOP, ANY, '\0', null, false, -1, null));
            } else {
              into.add(new Node(LOOP, NOT_SLASH, '\0', null, false, -1, null));
            }
          }
          case '?' -> into.add(new Node(CONSUME, NOT_SLASH, '\0', null, false, -1, null));
          default -> into.add(literal(c));
        }
      }
      if (group != null) {
        throw error("Missing '}", i - 1);
      }
      List<List<Object>> out = new ArrayList<>();
      out.add(seq);
      return out;
    }

    private static Node literal(char c) {
      return new Node(CONSUME, LITERAL, c, null, false, -1, null);
    }

    private Node bracket() {
      StringBuilder ranges = new StringBuilder();
      boolean negated = false;
      if (i < g.length() && g.charAt(i) == '^') {
        ranges.append('^').append('^'); // a literal '^', as in Java's globs
        i++;
      } else {
        if (i < g.length() && g.charAt(i) == '!') {
          negated = true;
          i++;
        }
        if (i < g.length() && g.charAt(i) == '-') {
          ranges.append('-').append('-'); // a '-' first is literal
          i++;
        }
      }
      boolean hasRangeStart = false;
      char last = 0;
      boolean closed = false;
      while (i < g.length()) {
        char c = g.charAt(i++);
        if (c == ']') {
          closed = true;
          break;
        }
        if (c == '/') {
          throw error("Explicit 'name separator' in class", i - 1);
        }
        if (c == '-') {
          if (!hasRangeStart) {
            throw error("Invalid range", i - 1);
          }
          if (i == g.length()) {
            break; // reported as a missing ']'
          }
          c = g.charAt(i++);
          if (c == ']') {
            ranges.append('-').append('-'); // "a-]": a literal '-' before the end
            closed = true;
            break;
          }
          if (c < last) {
            throw error("Invalid range", i - 3);
          }
          ranges.setCharAt(ranges.length() - 1, c);
          hasRangeStart = false;
        } else {
          ranges.append(c).append(c);
          hasRangeStart = true;
          last = c;
        }
      }
      if (!closed) {
        throw error("Missing ']", i - 1);
      }
      return new Node(CONSUME, CLASS, '\0', ranges.toString().toCharArray(), negated, -1, null);
    }
  }

  @Override
  public String toString() {
    return pattern;
  }
}
