package io.eksnet.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Mutates a seed with a seeded {@link Random}: the same seed, input and random state give the same
 * bytes. Each case applies one to three operators, in phases: structural edits on the parsed tree
 * first, then edits on the text, then edits on the bytes, and a change of encoding last (so a
 * byte-level mutation is never undone by re-encoding the text).
 */
final class Mutator {

  /** Every operator, in the order of its phase. */
  enum Op {
    // structure (parse, edit, re-serialise)
    SWAP_TYPE_IN_TREE(Phase.TREE),
    GRAFT_IN_TREE(Phase.TREE),
    // text
    SWAP_TYPE_IN_TEXT(Phase.TEXT),
    DELETE_LINES(Phase.TEXT),
    REPEAT_LINES(Phase.TEXT),
    SHIFT_INDENT(Phase.TEXT),
    HUGE_NUMBER(Phase.TEXT),
    INVALID_CIDR(Phase.TEXT),
    DEEP_NESTING(Phase.TEXT),
    LONG_LINE(Phase.TEXT),
    ANCHORS_ALIASES(Phase.TEXT),
    DOCUMENT_MARKERS(Phase.TEXT),
    TAGS(Phase.TEXT),
    TEMPLATE(Phase.TEXT),
    DUPLICATE_KEY(Phase.TEXT),
    SPLICE(Phase.TEXT),
    TABS(Phase.TEXT),
    CONTROL_CHARS(Phase.TEXT),
    LINE_ENDINGS(Phase.TEXT),
    WIDE_MAP(Phase.TEXT),
    // bytes
    TRUNCATE(Phase.BYTES),
    FLIP_BYTES(Phase.BYTES),
    NULS(Phase.BYTES),
    BAD_UTF8(Phase.BYTES),
    LEADING_NUL(Phase.BYTES),
    // encoding of the whole file
    ENCODING(Phase.ENCODING);

    final Phase phase;

    Op(Phase phase) {
      this.phase = phase;
    }
  }

  enum Phase {
    TREE,
    TEXT,
    BYTES,
    ENCODING
  }

  /** The mutated bytes and what was done, one entry per operator (for failure reports). */
  record Mutated(byte[] bytes, List<String> steps) {}

  /**
   * Outputs are cut to this size so that a case stays fast; the limits themselves are tested apart.
   */
  static final int MAX_BYTES = 2 << 20;

  /** Operators by weight: type confusion and bad addresses reach the fact extraction and rules. */
  private static final Op[] OPS = weighted();

  private static Op[] weighted() {
    List<Op> out = new ArrayList<>();
    for (Op op : Op.values()) {
      int w =
          switch (op) {
            case SWAP_TYPE_IN_TREE, GRAFT_IN_TREE -> 3;
            case SWAP_TYPE_IN_TEXT, INVALID_CIDR, SPLICE -> 2;
            default -> 1;
          };
      for (int i = 0; i < w; i++) {
        out.add(op);
      }
    }
    return out.toArray(Op[]::new);
  }

  private final Random rnd;
  private final Target target;
  private final List<Seeds.Seed> others;

  Mutator(Random rnd, Target target, List<Seeds.Seed> others) {
    this.rnd = rnd;
    this.target = target;
    this.others = others;
  }

  Mutated mutate(byte[] seed) {
    int n = 1 + (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(3));
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ops.add(OPS[rnd.nextInt(OPS.length)]);
    }
    ops.sort((a, b) -> Integer.compare(a.phase.ordinal(), b.phase.ordinal()));
    List<String> steps = new ArrayList<>();
    byte[] b = seed;
    for (Op op : ops) {
      b = apply(op, b, steps);
      if (b.length > MAX_BYTES) {
        b = Arrays.copyOf(b, MAX_BYTES);
        steps.add("cut to " + MAX_BYTES + " bytes");
      }
    }
    return new Mutated(b, steps);
  }

  private byte[] apply(Op op, byte[] b, List<String> steps) {
    return switch (op.phase) {
      case TREE -> {
        byte[] r = swapTypeInTree(b, steps, op == Op.GRAFT_IN_TREE);
        yield r != null ? r : text(Op.SWAP_TYPE_IN_TEXT, b, steps);
      }
      case TEXT -> text(op, b, steps);
      case BYTES -> bytes(op, b, steps);
      case ENCODING -> encoding(b, steps);
    };
  }

  // ---------------------------------------------------------------- structure

  /** Values of every type, to put where the file had another. */
  private Object randomValue() {
    return switch (rnd.nextInt(22)) {
      case 0 -> "text";
      case 1 -> "";
      case 2 -> pick(INVALID_CIDRS);
      case 3 -> 42;
      case 4 -> -1;
      case 5 -> 0;
      case 6 -> 2147483648L;
      case 7 -> new BigInteger("123456789012345678901234567890123456789");
      case 8 -> 1.5e308;
      case 9 -> Double.NaN;
      case 10 -> Double.NEGATIVE_INFINITY;
      case 11 -> true;
      case 12 -> false;
      case 13 -> null;
      case 14 -> new ArrayList<>();
      case 15 -> new ArrayList<>(Arrays.asList(1, "a", null, new LinkedHashMap<>()));
      case 16 -> new LinkedHashMap<>();
      case 17 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", new ArrayList<>(List.of(new LinkedHashMap<>())));
        m.put("0", "zero");
        yield m;
      }
      case 18 -> {
        Object v = "leaf";
        for (int i = 0; i < 40; i++) {
          v = new ArrayList<>(List.of(v));
        }
        yield v;
      }
      case 19 -> "x".repeat(10_000);
      case 20 -> "line one\nline two\u2028\u0000\u202e";
      default -> pick(HUGE_NUMBERS);
    };
  }

  /**
   * Parses the file (YAML or JSON), replaces one node (a map, list or scalar anywhere) with a value
   * of another type, and writes it back. Null when the file does not parse.
   */
  private byte[] swapTypeInTree(byte[] b, List<String> steps, boolean graft) {
    String text = new String(b, StandardCharsets.UTF_8);
    try {
      if (target.isYaml()) {
        List<Object> docs = loadYaml(text);
        if (docs.isEmpty()) {
          return null;
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
          collect(docs, i, "doc" + i, slots, 0);
        }
        Slot s = slots.get(rnd.nextInt(slots.size()));
        Object v = graft ? graftFromOtherSeed(steps) : otherType(s.get());
        if (v == GRAFT_FAILED) {
          return null;
        }
        s.set(v);
        steps.add("tree: " + s.path + " := " + describe(v));
        LoaderOptions lo = new LoaderOptions();
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(
            rnd.nextBoolean() ? DumperOptions.FlowStyle.BLOCK : DumperOptions.FlowStyle.AUTO);
        d.setWidth(200);
        return new Yaml(new SafeConstructor(lo), new Representer(d), d)
            .dumpAll(docs.iterator())
            .getBytes(StandardCharsets.UTF_8);
      }
      ObjectMapper m = new ObjectMapper();
      JsonNode root = m.readTree(text);
      if (root == null) {
        return null;
      }
      List<JsonSlot> slots = new ArrayList<>();
      ArrayNode holder = JsonNodeFactory.instance.arrayNode().add(root);
      collectJson(holder, "$", slots, 0);
      JsonSlot s = slots.get(rnd.nextInt(slots.size()));
      Object value = graft ? graftFromOtherSeed(steps) : otherType(s.get());
      if (value == GRAFT_FAILED) {
        return null;
      }
      JsonNode v = m.valueToTree(value);
      s.set(v == null ? JsonNodeFactory.instance.nullNode() : v);
      steps.add("tree: " + s.path + " := " + describe(v));
      return m.writerWithDefaultPrettyPrinter().writeValueAsBytes(holder.get(0));
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  private static final Object GRAFT_FAILED = new Object();

  private static List<Object> loadYaml(String text) {
    LoaderOptions lo = new LoaderOptions();
    lo.setMaxAliasesForCollections(200);
    lo.setWarnOnDuplicateKeys(false);
    List<Object> docs = new ArrayList<>();
    for (Object d : new Yaml(new SafeConstructor(lo)).loadAll(text)) {
      docs.add(d);
    }
    return docs;
  }

  /**
   * A random subtree of another seed (any seed parses as YAML, JSON included): real Kubernetes
   * values in the wrong place, e.g. a port list where a selector belongs.
   */
  private Object graftFromOtherSeed(List<String> steps) {
    if (others.isEmpty()) {
      return GRAFT_FAILED;
    }
    Seeds.Seed o = others.get(rnd.nextInt(others.size()));
    try {
      List<Object> docs = loadYaml(new String(o.bytes(), StandardCharsets.UTF_8));
      if (docs.isEmpty()) {
        return GRAFT_FAILED;
      }
      List<Slot> slots = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        collect(docs, i, "doc" + i, slots, 0);
      }
      Slot s = slots.get(rnd.nextInt(slots.size()));
      steps.add("graft " + s.path + " of " + o.name());
      return s.get();
    } catch (RuntimeException | StackOverflowError e) {
      return GRAFT_FAILED;
    }
  }

  private Object otherType(Object old) {
    for (int i = 0; i < 10; i++) {
      Object v = randomValue();
      boolean same =
          (old instanceof Map && v instanceof Map)
              || (old instanceof List && v instanceof List)
              || (old != null && v != null && old.getClass() == v.getClass());
      if (!same) {
        return v;
      }
    }
    return null;
  }

  private static String describe(Object v) {
    String s = String.valueOf(v);
    return s.length() > 60 ? s.substring(0, 60) + "… (" + s.length() + " chars)" : s;
  }

  /** A place in a parsed YAML tree. */
  private record Slot(String path, Object container, Object key) {
    @SuppressWarnings("unchecked")
    Object get() {
      return container instanceof Map<?, ?> m
          ? m.get(key)
          : ((List<Object>) container).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    void set(Object v) {
      if (container instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put(key, v);
      } else {
        ((List<Object>) container).set((Integer) key, v);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(
      Object container, Object key, String path, List<Slot> out, int depth) {
    Slot s = new Slot(path, container, key);
    out.add(s);
    Object v = s.get();
    if (depth > 30 || out.size() > 5000) {
      return; // aliases can make the tree a graph; a bounded walk is enough to pick a node
    }
    if (v instanceof Map<?, ?> m) {
      for (Object k : List.copyOf(m.keySet())) {
        collect(m, k, path + "." + k, out, depth + 1);
      }
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        collect(l, i, path + "[" + i + "]", out, depth + 1);
      }
    }
  }

  /** A place in a Jackson tree. */
  private record JsonSlot(String path, JsonNode container, String field, int index) {
    Object get() {
      JsonNode n = field != null ? container.get(field) : container.get(index);
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isObject()) {
        return new LinkedHashMap<>();
      }
      if (n.isArray()) {
        return new ArrayList<>();
      }
      return n.isNumber()
          ? (Object) n.numberValue()
          : n.isBoolean() ? (Object) n.booleanValue() : n.asText();
    }

    void set(JsonNode v) {
      if (field != null) {
        ((ObjectNode) container).set(field, v);
      } else {
        ((ArrayNode) container).set(index, v);
      }
    }
  }

  private static void collectJson(JsonNode container, String path, List<JsonSlot> out, int depth) {
    if (out.size() > 5000 || depth > 60) {
      return;
    }
    if (container.isObject()) {
      for (Iterator<String> it = container.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        out.add(new JsonSlot(path + "." + f, container, f, -1));
        collectJson(container.get(f), path + "." + f, out, depth + 1);
      }
    } else if (container.isArray()) {
      for (int i = 0; i < container.size(); i++) {
        out.add(new JsonSlot(path + "[" + i + "]", container, null, i));
        collectJson(container.get(i), path + "[" + i + "]", out, depth + 1);
      }
    }
  }

  // ---------------------------------------------------------------- text

  static final String[] HUGE_NUMBERS = {
    "99999999999999999999999999999999",
    "-2147483649",
    "2147483648",
    "4294967296",
    "1e400",
    "-1e-400",
    "0x7fffffffffffffffffff",
    "9".repeat(1200),
    "-0",
    "1_000_000",
    "0b1010",
    "0o777",
    "0777",
    ".inf",
    "-.Inf",
    ".NaN",
    "1.7976931348623157e309",
    "-9223372036854775809",
    "65536",
    "0",
    "-1",
    "+12",
    "0x",
    "1e",
    "1__2",
    "0xFFFFFFFF",
    "1:20:30",
    "١٢٣"
  };

  static final String[] INVALID_CIDRS = {
    "10.0.0.0/33",
    "256.1.1.1/8",
    "10.0.0.1/8",
    "::/129",
    "fe80::1%eth0/64",
    "1.2.3.4/-1",
    "1.2.3/24",
    "0.0.0.0/0",
    "::/0",
    "/",
    "10.0.0.0/08",
    "::ffff:1.2.3.4/96",
    "1:2:3:4:5:6:7:8:9/64",
    "",
    "10.0.0.0/4294967296",
    "10.0.0.0/99999999999999999999",
    "0.0.0.0/1",
    "128.0.0.0/1",
    "::/1",
    "8000::/1",
    "10.0.0.0 /8",
    " 10.0.0.0/8 ",
    "10.0.0.0/8/8",
    "1.2.3.4.5/32",
    "01.02.03.04/32",
    "0x0a.0.0.0/8",
    "10.0.0.0/",
    "/24",
    "10.0.0.0/0x10",
    "::1::/64",
    ":::/0",
    "1::2::3/128",
    "ff:ff:ff:ff:ff:ff:ff:ff:ff/128",
    "１０.0.0.0/8",
    "10.0.0.0/8\u0000",
    "2001:db8::/32",
    "::ffff:0:0/96",
    "64:ff9b::/96",
    "fd00::/8",
    "255.255.255.255/32",
    "2001:db8::1/64",
    "10.0.0.0/-0",
    "1e3.0.0.0/8",
    "[::]/0"
  };

  private static final String[] SCALARS_OF_EVERY_TYPE = {
    "5",
    "\"5\"",
    "true",
    "null",
    "~",
    "[]",
    "{}",
    "[a, 1, {b: c}]",
    "{a: 1, b: [2]}",
    "''",
    "!!binary aGVsbG8=",
    "2001-12-14t21:59:43.10-05:00",
    "0x1F",
    ".inf",
    "-",
    "? x",
    "!!set {a, b}",
    "yes",
    "No",
    "=",
    "<<",
    "*undefined",
    "&anchor",
    "|\n  block\n",
    ">-\n  folded\n",
    "\"\\x00\"",
    "\"\\ud800\"",
    "'unterminated",
    "\"unterminated",
    "[unclosed",
    "{unclosed: 1",
    "@reserved",
    "`x"
  };

  private static final String[] TAGS = {
    "!!python/object:os.system",
    "!!javax.script.ScriptEngineManager",
    "!custom",
    "!!binary",
    "!!set",
    "!!omap",
    "!!pairs",
    "!!int",
    "!!float",
    "!!bool",
    "!!null",
    "!!str",
    "!!map",
    "!!seq",
    "!!timestamp",
    "!!merge",
    "!<tag:yaml.org,2002:str>",
    "!<!>",
    "!!",
    "!e!x",
    "!<tag:example.com,2000:app/foo>",
    "!!value",
    "!!yaml"
  };

  private static final Pattern KEY_VALUE =
      Pattern.compile("^(\\s*(?:- )?[^\\s#:][^:#]*:)( +)(\\S.*)$");
  private static final Pattern JSON_VALUE =
      Pattern.compile(
          ":\\s*+(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d[\\d.eE+-]*+|true|false|null|\\{\\}|\\[\\])");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");
  private static final Pattern CIDR_LIKE =
      Pattern.compile(
          "\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,3})?|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}/\\d{1,3}");

  private byte[] text(Op op, byte[] b, List<String> steps) {
    String text = new String(b, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    String out =
        switch (op) {
          case SWAP_TYPE_IN_TEXT -> swapTypeInText(text, lines, steps);
          case DELETE_LINES -> {
            int from = rnd.nextInt(lines.size());
            int count =
                1 + rnd.nextInt(Math.max(1, Math.min(lines.size() - from, 1 + lines.size() / 4)));
            count = Math.min(count, lines.size() - from);
            lines.subList(from, from + count).clear();
            steps.add("delete lines " + (from + 1) + ".." + (from + count));
            yield String.join("\n", lines);
          }
          case REPEAT_LINES -> {
            int from = rnd.nextInt(lines.size());
            int count = 1 + rnd.nextInt(Math.min(lines.size() - from, 20));
            int times = rnd.nextInt(4) == 0 ? 200 + rnd.nextInt(2000) : 1 + rnd.nextInt(5);
            List<String> block = new ArrayList<>(lines.subList(from, from + count));
            for (int i = 0; i < times; i++) {
              lines.addAll(from + count, block);
            }
            steps.add(
                "repeat lines " + (from + 1) + ".." + (from + count) + " " + times + " times");
            yield String.join("\n", lines);
          }
          case SHIFT_INDENT -> {
            int from = rnd.nextInt(lines.size());
            int count = 1 + rnd.nextInt(Math.min(lines.size() - from, 10));
            int by = rnd.nextBoolean() ? -(1 + rnd.nextInt(4)) : 1 + rnd.nextInt(4);
            for (int i = from; i < from + count; i++) {
              String l = lines.get(i);
              lines.set(i, by > 0 ? " ".repeat(by) + l : l.substring(Math.min(-by, leading(l))));
            }
            steps.add("indent lines " + (from + 1) + ".." + (from + count) + " by " + by);
            yield String.join("\n", lines);
          }
          case HUGE_NUMBER -> replaceMatch(text, NUMBER, HUGE_NUMBERS, "number", steps);
          case INVALID_CIDR -> invalidCidr(text, steps);
          case DEEP_NESTING -> deepNesting(lines, steps);
          case LONG_LINE -> longLine(lines, steps);
          case WIDE_MAP -> wideMap(lines, steps);
          case ANCHORS_ALIASES -> anchors(lines, steps);
          case DOCUMENT_MARKERS -> {
            String[] markers = {
              "---",
              "...",
              "--- !!map",
              "%YAML 1.1\n---",
              "%YAML 2.0\n---",
              "%TAG ! tag:example.com,2000:\n---",
              "--- |",
              "---\n---\n...",
              "--- # c",
              "%FOO bar\n---"
            };
            String m = pick(markers);
            int at = rnd.nextInt(lines.size() + 1);
            lines.add(at, m);
            steps.add("insert '" + m.replace("\n", "\\n") + "' at line " + (at + 1));
            yield String.join("\n", lines);
          }
          case TAGS -> {
            Matcher m = KEY_VALUE.matcher("");
            List<Integer> candidates = matching(lines, m);
            String tag = pick(TAGS);
            if (candidates.isEmpty()) {
              lines.add(0, tag + " x");
              steps.add("tag " + tag + " on a new first line");
            } else {
              int i = candidates.get(rnd.nextInt(candidates.size()));
              m.reset(lines.get(i)).matches();
              lines.set(i, m.group(1) + m.group(2) + tag + " " + m.group(3));
              steps.add("tag " + tag + " at line " + (i + 1));
            }
            yield String.join("\n", lines);
          }
          case TEMPLATE -> {
            String[] t = {
              "{{ .Values.name }}",
              "{{- if .Values.enabled }}",
              "{{ end }}",
              "  {{- toYaml .Values.labels | nindent 4 }}",
              "name: {{ include \"x\" . }}",
              "{{"
            };
            String s = pick(t);
            int at = rnd.nextInt(lines.size());
            lines.set(at, rnd.nextBoolean() ? s : lines.get(at) + " " + s);
            steps.add("template '" + s + "' at line " + (at + 1));
            yield String.join("\n", lines);
          }
          case DUPLICATE_KEY -> {
            Matcher m = KEY_VALUE.matcher("");
            List<Integer> c = matching(lines, m);
            if (c.isEmpty()) {
              yield text;
            }
            int i = c.get(rnd.nextInt(c.size()));
            lines.add(i + 1, lines.get(i));
            steps.add("duplicate line " + (i + 1));
            yield String.join("\n", lines);
          }
          case SPLICE -> {
            if (others.isEmpty()) {
              yield text;
            }
            Seeds.Seed o = others.get(rnd.nextInt(others.size()));
            List<String> ol =
                Arrays.asList(new String(o.bytes(), StandardCharsets.UTF_8).split("\n", -1));
            int from = rnd.nextInt(ol.size());
            int count = 1 + rnd.nextInt(Math.min(ol.size() - from, 40));
            int at = rnd.nextInt(lines.size() + 1);
            lines.addAll(at, ol.subList(from, from + count));
            steps.add(
                "splice lines "
                    + (from + 1)
                    + ".."
                    + (from + count)
                    + " of "
                    + o.name()
                    + " at line "
                    + (at + 1));
            yield String.join("\n", lines);
          }
          case TABS -> {
            int n = 1 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
              int i = rnd.nextInt(lines.size());
              String l = lines.get(i);
              int lead = leading(l);
              lines.set(
                  i,
                  switch (rnd.nextInt(3)) {
                    case 0 -> "\t".repeat(Math.max(1, lead / 2)) + l.substring(lead);
                    case 1 -> l.replaceFirst(": ", ":\t");
                    default -> l + "\t";
                  });
            }
            steps.add("tabs on " + n + " lines");
            yield String.join("\n", lines);
          }
          case CONTROL_CHARS -> {
            String[] chars = {
              "\u0001",
              "\u0007",
              "\u001b[31m",
              "\u007f",
              "\u0085",
              "\u2028",
              "\u2029",
              "\ufeff",
              "\ufffe",
              "\uffff",
              "\ud83d\ude00",
              "\ue000",
              "\u200e",
              "\u202e",
              "\ud800",
              "\udfff",
              "\\x07",
              "\\u202e",
              "\\U0001F600",
              "\\ud800",
              "\\0",
              "\\e",
              "\\N",
              "\\_",
              "\\L"
            };
            StringBuilder sb = new StringBuilder(text);
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
              String c = pick(chars);
              if (c.startsWith("\\") && rnd.nextBoolean()) {
                c = "\"" + c + "\""; // as an escape inside a double-quoted scalar
              }
              sb.insert(rnd.nextInt(sb.length() + 1), c);
            }
            steps.add(n + " control/unusual characters");
            yield sb.toString();
          }
          case LINE_ENDINGS -> {
            int v = rnd.nextInt(5);
            steps.add(
                switch (v) {
                  case 0 -> "CRLF line ends";
                  case 1 -> "CR line ends";
                  case 2 -> "mixed line ends";
                  case 3 -> "no final newline";
                  default -> "lone CR inside a line";
                });
            yield switch (v) {
              case 0 -> text.replace("\n", "\r\n");
              case 1 -> text.replace("\n", "\r");
              case 2 -> {
                StringBuilder sb = new StringBuilder();
                for (String l : lines) {
                  sb.append(l).append(pick(new String[] {"\n", "\r\n", "\r", "\n\r"}));
                }
                yield sb.toString();
              }
              case 3 -> text.stripTrailing();
              default -> {
                int i = rnd.nextInt(lines.size());
                String l = lines.get(i);
                lines.set(i, l.substring(0, l.length() / 2) + "\r" + l.substring(l.length() / 2));
                yield String.join("\n", lines);
              }
            };
          }
          default -> throw new IllegalArgumentException(op.toString());
        };
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private String swapTypeInText(String text, List<String> lines, List<String> steps) {
    if (!target.isYaml()) {
      Matcher m = JSON_VALUE.matcher(text);
      List<int[]> spans = new ArrayList<>();
      while (m.find() && spans.size() < 10_000) {
        spans.add(new int[] {m.start(1), m.end(1)});
      }
      if (spans.isEmpty()) {
        return text;
      }
      int[] s = spans.get(rnd.nextInt(spans.size()));
      String[] json = {
        "5",
        "\"5\"",
        "true",
        "null",
        "[]",
        "{}",
        "[1,\"a\",{\"b\":null}]",
        "{\"a\":{\"b\":[]}}",
        "-0.0e-0",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "1e999",
        "\"" + "x".repeat(5000) + "\""
      };
      String v = pick(json);
      steps.add("text: value at offset " + s[0] + " := " + describe(v));
      return text.substring(0, s[0]) + v + text.substring(s[1]);
    }
    Matcher m = KEY_VALUE.matcher("");
    List<Integer> c = matching(lines, m);
    String v = pick(SCALARS_OF_EVERY_TYPE);
    if (c.isEmpty()) {
      // a key with a block under it becomes a scalar (or the other way round)
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).trim().endsWith(":")) {
          c.add(i);
        }
      }
      if (c.isEmpty()) {
        return text;
      }
      int i = c.get(rnd.nextInt(c.size()));
      lines.set(i, lines.get(i) + " " + v);
      steps.add("text: block key at line " + (i + 1) + " := " + v);
      return String.join("\n", lines);
    }
    int i = c.get(rnd.nextInt(c.size()));
    m.reset(lines.get(i)).matches();
    lines.set(i, m.group(1) + " " + v);
    steps.add("text: value at line " + (i + 1) + " := " + v.replace("\n", "\\n"));
    return String.join("\n", lines);
  }

  private String replaceMatch(
      String text, Pattern p, String[] pool, String what, List<String> steps) {
    Matcher m = p.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find() && spans.size() < 10_000) {
      spans.add(new int[] {m.start(), m.end()});
    }
    String v = pick(pool);
    if (spans.isEmpty()) {
      int at = rnd.nextInt(text.length() + 1);
      steps.add("insert " + what + " " + describe(v) + " at offset " + at);
      return text.substring(0, at) + v + text.substring(at);
    }
    int[] s = spans.get(rnd.nextInt(spans.size()));
    steps.add(what + " at offset " + s[0] + " := " + describe(v));
    return text.substring(0, s[0]) + v + text.substring(s[1]);
  }

  /** Replaces an address or CIDR in the file, or adds policies whose blocks are bad or edgy. */
  private String invalidCidr(String text, List<String> steps) {
    if (rnd.nextBoolean() || !target.isYaml()) {
      return replaceMatch(text, CIDR_LIKE, INVALID_CIDRS, "CIDR", steps);
    }
    String a = pick(INVALID_CIDRS);
    String e = pick(INVALID_CIDRS);
    String c = pick(INVALID_CIDRS);
    steps.add("add policies with cidr '" + a + "', except '" + e + "', toCIDR '" + c + "'");
    return text
        + "\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: fuzz-cidr}\n"
        + "spec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n"
        + "            cidr: \""
        + a
        + "\"\n            except: [\""
        + e
        + "\", \""
        + c
        + "\"]\n"
        + "---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: fuzz-cidr}\n"
        + "spec:\n  endpointSelector: {}\n  egress:\n    - toCIDR: [\""
        + c
        + "\"]\n"
        + "      toCIDRSet: [{cidr: \""
        + a
        + "\", except: [\""
        + e
        + "\"]}]\n";
  }

  private String deepNesting(List<String> lines, List<String> steps) {
    int[] depths = {10, 99, 100, 101, 150, 1000, 20_000};
    int d = depths[rnd.nextInt(depths.length)];
    int at = rnd.nextInt(lines.size() + 1);
    String s;
    int kind = target.isYaml() ? rnd.nextInt(4) : rnd.nextInt(2);
    switch (kind) {
      case 0 -> s = "[".repeat(d) + "]".repeat(d);
      case 1 -> s = (target.isYaml() ? "{a: " : "{\"a\": ").repeat(d) + "1" + "}".repeat(d);
      case 2 -> {
        d = Math.min(d, 400); // block indentation grows quadratically
        StringBuilder sb = new StringBuilder("nest:");
        for (int i = 1; i <= d; i++) {
          sb.append('\n').append("  ".repeat(i)).append("n:");
        }
        s = sb.append(" 1").toString();
      }
      default -> s = "- ".repeat(Math.min(d, 5000)) + "x";
    }
    if (!target.isYaml()) {
      // replace a whole value so the JSON can stay well-formed around it
      String text = String.join("\n", lines);
      Matcher m = JSON_VALUE.matcher(text);
      if (m.find(rnd.nextInt(Math.max(1, text.length())))) {
        steps.add("nesting depth " + d + " at offset " + m.start(1));
        return text.substring(0, m.start(1)) + s + text.substring(m.end(1));
      }
    }
    if (kind < 2 && target.isYaml() && rnd.nextBoolean()) {
      s = "deep: " + s;
    }
    lines.add(at, s);
    steps.add("nesting depth " + d + " (" + kind + ") at line " + (at + 1));
    return String.join("\n", lines);
  }

  /** A mapping with many keys (one with 100,000 took minutes to build, issue 12). */
  private String wideMap(List<String> lines, List<String> steps) {
    int n = new int[] {1_000, 10_000, 30_000}[rnd.nextInt(3)];
    StringBuilder sb = new StringBuilder(target.isYaml() ? "wide:\n" : "\"wide\": {");
    for (int i = 0; i < n; i++) {
      int k = rnd.nextInt(20) == 0 ? rnd.nextInt(i + 1) : i; // some duplicate keys
      if (target.isYaml()) {
        sb.append("  k").append(k).append(": v\n");
      } else {
        sb.append(i == 0 ? "" : ", ").append("\"k").append(k).append("\": 1");
      }
    }
    String s = target.isYaml() ? sb.toString().stripTrailing() : sb.append("},").toString();
    int at = rnd.nextInt(lines.size() + 1);
    lines.add(at, s);
    steps.add("map of " + n + " keys at line " + (at + 1));
    return String.join("\n", lines);
  }

  private String longLine(List<String> lines, List<String> steps) {
    int[] sizes = {1_000, 65_536, 300_000, 1_000_000};
    int n = sizes[rnd.nextInt(sizes.length)];
    String filler =
        pick(new String[] {"a", "ab ", "é", "\\\"", "\ud83d\ude00", " ", "0", "{{", ":"});
    String body = filler.repeat(Math.max(1, n / filler.length()));
    String s =
        switch (rnd.nextInt(5)) {
          case 0 -> target.isYaml() ? "long: " + body : "\"long\": \"" + body + "\",";
          case 1 -> target.isYaml() ? body + ": v" : "\"" + body + "\": 1,";
          case 2 -> "# " + body;
          case 3 -> target.isYaml() ? "long: \"" + body + "\"" : body;
          default -> body;
        };
    int at = rnd.nextInt(lines.size() + 1);
    lines.add(at, s);
    steps.add("line of " + s.length() + " chars ('" + filler + "') at line " + (at + 1));
    return String.join("\n", lines);
  }

  private String anchors(List<String> lines, List<String> steps) {
    String snippet;
    int v = rnd.nextInt(target.isYaml() ? 10 : 2);
    int depth = 3 + rnd.nextInt(60);
    switch (v) {
      case 0 -> snippet = "self: &r [*r]";
      case 1 -> snippet = "undefined: *nope";
      case 2 -> snippet = "self: &m {a: 1, <<: *m}";
      case 3 -> {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]");
        for (int i = 1; i < depth; i++) {
          sb.append("\na")
              .append(i)
              .append(": &a")
              .append(i)
              .append(" [*a")
              .append(i - 1)
              .append(", *a")
              .append(i - 1)
              .append(']');
        }
        snippet = sb.toString();
      }
      case 4 -> {
        StringBuilder sb = new StringBuilder("m0: &m0 {k: v}");
        for (int i = 1; i < depth; i++) {
          sb.append("\nm")
              .append(i)
              .append(": &m")
              .append(i)
              .append(" {<<: [*m")
              .append(i - 1)
              .append(", *m")
              .append(i - 1)
              .append("]}");
        }
        snippet = sb.toString();
      }
      case 5 -> snippet = "k: &k key\n*k : value\n? &c [complex]\n: v\n*c : w";
      case 6 -> snippet = "a: &x 1\nb: &x [2]\nc: *x\nmetadata: *x";
      case 7 -> snippet = "spec: &s\n  self: *s";
      case 8 -> snippet = "labels: &l {app: web}\nselector: *l\n<<: *l\n<<: {kind: Service}";
      default -> {
        // anchor a real value and alias it elsewhere in the file
        Matcher m = KEY_VALUE.matcher("");
        List<Integer> c = matching(lines, m);
        if (c.size() >= 2) {
          int i = c.get(rnd.nextInt(c.size()));
          int j = c.get(rnd.nextInt(c.size()));
          m.reset(lines.get(i)).matches();
          lines.set(i, m.group(1) + " &fz " + m.group(3));
          m.reset(lines.get(j)).matches();
          lines.set(j, m.group(1) + " *fz");
          steps.add("anchor line " + (i + 1) + ", alias at line " + (j + 1));
          return String.join("\n", lines);
        }
        snippet = "x: &fz 1\ny: *fz";
      }
    }
    if (!target.isYaml()) {
      // JSON has no aliases: the text is YAML inside a .json file
      snippet = v == 0 ? "&r [*r]" : "*nope";
    }
    int at = insertionPoint(lines);
    lines.addAll(at, Arrays.asList(snippet.split("\n")));
    steps.add(
        "anchors/aliases variant "
            + v
            + (v == 3 || v == 4 ? " depth " + depth : "")
            + " at line "
            + (at + 1));
    return String.join("\n", lines);
  }

  /**
   * After a top-level {@code kind:} line when there is one (the document stays a manifest), else
   * anywhere.
   */
  private int insertionPoint(List<String> lines) {
    List<Integer> kinds = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("kind:")) {
        kinds.add(i + 1);
      }
    }
    return !kinds.isEmpty() && rnd.nextInt(3) > 0
        ? kinds.get(rnd.nextInt(kinds.size()))
        : rnd.nextInt(lines.size() + 1);
  }

  // ---------------------------------------------------------------- bytes

  private byte[] bytes(Op op, byte[] b, List<String> steps) {
    switch (op) {
      case TRUNCATE -> {
        int at =
            switch (rnd.nextInt(6)) {
              case 0 -> 0;
              case 1 -> Math.min(1, b.length);
              default -> b.length == 0 ? 0 : rnd.nextInt(b.length);
            };
        steps.add("truncate at byte " + at);
        return Arrays.copyOf(b, at);
      }
      case FLIP_BYTES -> {
        if (b.length == 0) {
          return b;
        }
        byte[] c = b.clone();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
          int at = rnd.nextInt(c.length);
          c[at] =
              rnd.nextBoolean() ? (byte) (c[at] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
        }
        steps.add("flip " + n + " bytes");
        return c;
      }
      case NULS -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int v = rnd.nextInt(3);
        if (v == 0) {
          // past the binary sniffing window: padding comment first
          out.writeBytes(("#" + " ".repeat(9000) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
        out.write(b, 0, at);
        int n = v == 2 ? 1 : 1 + rnd.nextInt(16);
        for (int i = 0; i < n; i++) {
          out.write(0);
        }
        out.write(b, at, b.length - at);
        steps.add(n + " NUL bytes at " + at + (v == 0 ? " after 9000 bytes of padding" : ""));
        return out.toByteArray();
      }
      case LEADING_NUL -> {
        steps.add("one leading NUL byte, padded to an even length");
        return HostileShapes.leadingNul(b);
      }
      case BAD_UTF8 -> {
        byte[][] bad = {
          {(byte) 0xC0, (byte) 0xAF},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0x80},
          {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          {(byte) 0xFF, (byte) 0xFE},
          {(byte) 0xE2, (byte) 0x82},
          {(byte) 0xE9},
          {(byte) 0x85},
          {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
        };
        byte[] ins = bad[rnd.nextInt(bad.length)];
        int at = rnd.nextInt(4) == 0 ? b.length : b.length == 0 ? 0 : rnd.nextInt(b.length);
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        steps.add("bad UTF-8 " + hex(ins) + " at " + at);
        return c;
      }
      default -> throw new IllegalArgumentException(op.toString());
    }
  }

  // ---------------------------------------------------------------- encoding

  private byte[] encoding(byte[] b, List<String> steps) {
    String text = new String(b, StandardCharsets.UTF_8);
    byte[] bomUtf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    int v = rnd.nextInt(14);
    String[] names = {
      "UTF-8 BOM",
      "double UTF-8 BOM",
      "UTF-16LE with BOM",
      "UTF-16BE with BOM",
      "UTF-16LE without BOM",
      "UTF-16BE without BOM",
      "UTF-32LE with BOM",
      "UTF-32BE with BOM",
      "UTF-32LE without BOM",
      "UTF-32BE without BOM",
      "Latin-1 with accents",
      "UTF-16LE BOM on UTF-8",
      "UTF-16 with odd length",
      "UTF-8 BOM on UTF-16LE"
    };
    steps.add("encoding: " + names[v]);
    return switch (v) {
      case 0 -> concat(bomUtf8, b);
      case 1 -> concat(bomUtf8, bomUtf8, b);
      case 2 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, enc(text, "UTF-16LE"));
      case 3 -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, enc(text, "UTF-16BE"));
      case 4 -> enc(text, "UTF-16LE");
      case 5 -> enc(text, "UTF-16BE");
      case 6 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, enc(text, "UTF-32LE"));
      case 7 -> concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, enc(text, "UTF-32BE"));
      case 8 -> enc(text, "UTF-32LE");
      case 9 -> enc(text, "UTF-32BE");
      case 10 ->
          enc(text.replace("name: ", "name: café-ñü-").replace("# ", "# © ° ± "), "ISO-8859-1");
      case 11 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, b);
      case 12 -> {
        byte[] u = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, enc(text, "UTF-16LE"));
        yield Arrays.copyOf(u, Math.max(0, u.length - 1));
      }
      default -> concat(bomUtf8, enc(text, "UTF-16LE"));
    };
  }

  private static byte[] enc(String s, String charset) {
    return s.getBytes(Charset.forName(charset));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02X", x & 0xff));
    }
    return sb.toString();
  }

  private static int leading(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static List<Integer> matching(List<String> lines, Matcher m) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() < 10_000 && m.reset(lines.get(i)).matches()) {
        out.add(i);
      }
    }
    return out;
  }

  private <T> T pick(T[] xs) {
    return xs[rnd.nextInt(xs.length)];
  }
}
