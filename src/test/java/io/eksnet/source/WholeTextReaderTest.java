package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link WholeTextReader} must be indistinguishable from SnakeYAML's own {@link StreamReader} to
 * the parser: the same nodes with the same marks, and the same errors at the same places.
 */
class WholeTextReaderTest {

  private static final List<String> CASES =
      List.of(
          "a: 1\nb: [x, y, {c: d}]\n",
          "a: 1\r\nb: 2\r\n",
          "a: 1\rb: 2\r",
          "\uFEFFapiVersion: v1\nkind: Service\n",
          "k: caf\u00e9 \uD83D\uDE80 rocket\n\u2028x: y\n",
          "k: v\u0085next: 1\n",
          "---\na: 1\n---\nb: 2\n...\n---\n- c\n",
          "a: |\n  line one\n  line two\n\nb: >-\n  folded\n  text\n",
          "a: \"double \\u00e9 quoted\"\nb: 'single ''quoted'''\n",
          "anchors: &x {a: 1}\nuse: *x\nmerge:\n  <<: *x\n  b: 2\n",
          "a: 1\nb: \u0007bell\n",
          "a: 1\n" + "c: 2\n".repeat(400) + "d: \u0001\n",
          "a: [unclosed\nb: 2\n",
          "a: b: c\n",
          "key: " + "v".repeat(5000) + "\nnext: 1\n",
          "\"" + "k".repeat(3000) + "\": v\n",
          "a: 1\n\tb: 2\n",
          "# only a comment\n",
          "",
          "a: \uD800 lone surrogate\n");

  @Test
  void theParserSeesTheSameNodesAndErrorsAsWithSnakeYamlsReader() {
    for (String text : CASES) {
      assertEquals(
          parse(text, false), parse(text, true), "for input: " + text.replace("\n", "\\n"));
    }
  }

  @Test
  void theSameOnEveryYamlFixtureAndExample() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : List.of("fixtures", "examples")) {
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "fixtures found: " + files.size());
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      assertEquals(parse(text, false), parse(text, true), p.toString());
    }
  }

  @Test
  void theDeadlineIsCheckedWhileALongScalarIsRead() {
    int[] calls = {0};
    String text = "k: " + "v".repeat(1 << 20) + "\n";
    parse(text, new WholeTextReader(text, () -> calls[0]++));
    // the scalar is consumed in one step, after which the clock is read
    assertTrue(calls[0] >= 1, "deadline checks: " + calls[0]);
    RuntimeException stop = new IllegalStateException("time is up");
    try {
      parse(
          text,
          new WholeTextReader(
              text,
              () -> {
                throw stop;
              }));
    } catch (IllegalStateException e) {
      assertEquals(stop, e);
      return;
    }
    throw new AssertionError("the deadline check did not stop the load");
  }

  private static String parse(String text, boolean whole) {
    return parse(
        text,
        whole ? new WholeTextReader(text, () -> {}) : new StreamReader(new StringReader(text)));
  }

  /**
   * Every node and mark the parser produces, or the error it stops with, as text. Marks are
   * compared by index, line and column: eksnet reads nothing else of them.
   */
  private static String parse(String text, StreamReader reader) {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true);
    StringBuilder out = new StringBuilder();
    try {
      Composer c = new Composer(new ParserImpl(reader, opts), new Resolver(), opts);
      while (c.checkNode()) {
        describe(c.getNode(), out);
        out.append("\n---\n");
      }
    } catch (MarkedYAMLException e) {
      out.append("error: ")
          .append(e.getProblem())
          .append(" at ")
          .append(mark(e.getProblemMark()))
          .append(" context ")
          .append(e.getContext())
          .append(" at ")
          .append(mark(e.getContextMark()));
    } catch (ReaderException e) {
      out.append("reader error: ")
          .append(e.getPosition())
          .append(' ')
          .append(e.getCodePoint())
          .append(' ')
          .append(e.getMessage());
    }
    return out.toString();
  }

  private static void describe(Node n, StringBuilder out) {
    out.append(n.getNodeId())
        .append(' ')
        .append(n.getTag())
        .append(' ')
        .append(mark(n.getStartMark()))
        .append('-')
        .append(mark(n.getEndMark()));
    if (n instanceof ScalarNode s) {
      out.append(" '").append(s.getValue()).append("' ").append(s.getScalarStyle());
    } else if (n instanceof SequenceNode s) {
      out.append(" [");
      for (Node v : s.getValue()) {
        describe(v, out);
        out.append(", ");
      }
      out.append(']');
    } else if (n instanceof MappingNode m) {
      out.append(" {");
      for (NodeTuple t : m.getValue()) {
        describe(t.getKeyNode(), out);
        out.append(": ");
        describe(t.getValueNode(), out);
        out.append(", ");
      }
      out.append('}');
    }
  }

  private static String mark(Mark m) {
    return m == null
        ? "-"
        : m.getIndex() + "/" + m.getLine() + ":" + m.getColumn(); // snippets are never shown
  }
}
