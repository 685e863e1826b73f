package io.eksnet.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.eksnet.model.Tree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a JSON document into a {@link Tree} with Jackson's streaming parser, keeping token
 * positions. The text was decoded by {@link Encoding} (UTF-8/16/32, with or without BOM), so
 * columns count UTF-16 code units as SARIF's {@code columnKind} says.
 */
final class JsonLoader {

  private final Limits limits;
  private final JsonFactory factory;
  private Limits.Deadline deadline;

  JsonLoader(Limits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxNumberLength(1000)
                    .build())
            .build();
  }

  /**
   * The documents, or a problem. Duplicate keys are reported and the last value kept. After the
   * first value, further objects separated by whitespace are further documents (a stream of JSON
   * objects, as {@code kubectl apply -f} reads one); anything else after it is a syntax error, and
   * the documents before a syntax error are kept.
   */
  YamlLoader.Result load(String text) {
    List<LoadException> problems = new ArrayList<>();
    List<Tree> documents = new ArrayList<>();
    deadline = limits.deadline();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken t = p.nextToken();
      long[] count = {0};
      while (t != null) {
        if (!documents.isEmpty() && t != JsonToken.START_OBJECT) {
          JsonLocation l = p.currentTokenLocation();
          problems.add(
              new LoadException(
                  (int) l.getLineNr(),
                  (int) l.getColumnNr(),
                  "JSON syntax error: unexpected content after the end of the document"));
          break;
        }
        documents.add(read(p, problems, count));
        t = p.nextToken();
      }
      return new YamlLoader.Result(documents, problems);
    } catch (TimeUp e) {
      problems.add(new LoadException(1, 1, e.getMessage(), LoadException.Kind.LIMIT));
    } catch (StreamConstraintsException e) {
      problems.add(
          new LoadException(
              1,
              1,
              "JSON too large or too deep: " + YamlLoader.firstLine(e.getOriginalMessage()),
              LoadException.Kind.LIMIT));
    } catch (TooMany e) {
      problems.add(new LoadException(e.line, e.column, e.getMessage(), LoadException.Kind.LIMIT));
    } catch (JsonParseException e) {
      JsonLocation l = e.getLocation();
      int line = l == null ? 1 : Math.max(1, l.getLineNr());
      int col = l == null ? 1 : Math.max(1, l.getColumnNr());
      problems.add(
          new LoadException(
              line, col, "JSON syntax error: " + YamlLoader.firstLine(e.getOriginalMessage())));
      return new YamlLoader.Result(documents, problems);
    } catch (IOException e) {
      problems.add(
          new LoadException(1, 1, "cannot read JSON: " + YamlLoader.firstLine(e.getMessage())));
    }
    return new YamlLoader.Result(List.of(), problems);
  }

  /** More values than the node budget allows. */
  private static final class TooMany extends RuntimeException {
    final int line;
    final int column;

    TooMany(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /** The deadline passed while reading. */
  private static final class TimeUp extends RuntimeException {
    TimeUp(String message) {
      super(message, null, false, false);
    }
  }

  private Tree read(JsonParser p, List<LoadException> problems, long[] count) throws IOException {
    if (++count[0] > limits.maxNodes()) {
      JsonLocation at = p.currentTokenLocation();
      throw new TooMany(
          Math.max(1, at.getLineNr()),
          Math.max(1, at.getColumnNr()),
          "JSON has more than " + limits.maxNodes() + " values; file skipped");
    }
    if ((count[0] & 0xfff) == 0 && deadline.passed()) {
      throw new TimeUp(deadline.message());
    }
    JsonLocation loc = p.currentTokenLocation();
    int line = Math.max(1, loc.getLineNr());
    int col = Math.max(1, loc.getColumnNr());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Tree.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation kl = p.currentTokenLocation();
          p.nextToken();
          Tree v = read(p, problems, count);
          Tree.Entry prev = entries.get(key);
          if (prev != null) {
            problems.add(
                new LoadException(
                    kl.getLineNr(),
                    kl.getColumnNr(),
                    "duplicate key '" + key + "' (first at line " + prev.line() + ")",
                    LoadException.Kind.CONTENT));
          }
          entries.put(key, new Tree.Entry(key, kl.getLineNr(), kl.getColumnNr(), v));
        }
        return new Tree.TMap(line, col, List.copyOf(entries.values()));
      }
      case START_ARRAY -> {
        List<Tree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, problems, count));
        }
        return new Tree.TList(line, col, items);
      }
      case VALUE_STRING -> {
        return new Tree.TScalar(line, col, p.getText(), Tree.ScalarType.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new Tree.TScalar(line, col, p.getText(), Tree.ScalarType.INT);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Tree.TScalar(line, col, p.getText(), Tree.ScalarType.FLOAT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Tree.TScalar(line, col, p.getText(), Tree.ScalarType.BOOL);
      }
      case VALUE_NULL -> {
        return new Tree.TScalar(line, col, null, Tree.ScalarType.NULL);
      }
      default -> throw new JsonParseException(p, "unexpected token " + t);
    }
  }
}
