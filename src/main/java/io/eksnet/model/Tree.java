package io.eksnet.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value with the 1-based position of every node and key. Both loaders produce
 * this tree, so fact extraction and locations work the same for YAML and JSON.
 */
public sealed interface Tree permits Tree.TMap, Tree.TList, Tree.TScalar {

  int line();

  int column();

  /**
   * A mapping; keys keep their own positions and their order in the file. Stored compactly (an
   * array, linear lookup up to 16 keys, a hash index above): manifests hold millions of small maps
   * in a cluster dump, and a hostile one a single map with 100,000 keys.
   */
  record TMap(int line, int column, Map<String, Entry> entries) implements Tree {
    public TMap {
      entries = entries instanceof CompactMap ? entries : CompactMap.of(entries.values());
    }

    /** Builds from entries in file order; a later duplicate key replaces the earlier one. */
    public TMap(int line, int column, List<Entry> entries) {
      this(line, column, CompactMap.of(entries));
    }

    public Tree get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public Entry entry(String key) {
      return entries.get(key);
    }
  }

  /** A key with its position and value. */
  record Entry(String key, int line, int column, Tree value) {}

  /** A sequence. */
  record TList(int line, int column, List<Tree> items) implements Tree {
    public TList {
      items = List.copyOf(items);
    }
  }

  /** A scalar; {@code value} is null for YAML/JSON null. {@code quoted} tells "80" from 80. */
  record TScalar(int line, int column, String value, ScalarType type) implements Tree {}

  /** The resolved type of a scalar. */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** An immutable insertion-ordered map over an array of entries. */
  final class CompactMap extends java.util.AbstractMap<String, Tree.Entry> {
    private final Tree.Entry[] entries;

    /** Maps with more entries than this get a hash index (lookups and de-duplication). */
    private static final int INDEXED = 16;

    /** Key → position, for large maps only (most maps are small; linear search is cheaper). */
    private final Map<String, Integer> index;

    private CompactMap(Tree.Entry[] entries, Map<String, Integer> index) {
      this.entries = entries;
      this.index = index;
    }

    /**
     * In the order of the keys' first occurrence; a later duplicate key replaces the earlier entry
     * in place. Linear in the number of entries (a hash index above {@link #INDEXED} entries).
     */
    static CompactMap of(java.util.Collection<Tree.Entry> in) {
      List<Tree.Entry> out = new java.util.ArrayList<>(in.size());
      Map<String, Integer> at = in.size() > INDEXED ? new java.util.HashMap<>() : null;
      for (Tree.Entry e : in) {
        int i = at != null ? at.getOrDefault(e.key(), -1) : linear(out, e.key());
        if (i >= 0) {
          out.set(i, e);
        } else {
          if (at != null) {
            at.put(e.key(), out.size());
          }
          out.add(e);
        }
      }
      return new CompactMap(out.toArray(new Tree.Entry[0]), out.size() > INDEXED ? at : null);
    }

    private static int linear(List<Tree.Entry> entries, String key) {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Tree.Entry get(Object key) {
      if (index != null) {
        Integer i = index.get(key);
        return i == null ? null : entries[i];
      }
      for (Tree.Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return entries.length;
    }

    @Override
    public java.util.Set<Map.Entry<String, Tree.Entry>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Map.Entry<String, Tree.Entry>> iterator() {
          return java.util.Arrays.stream(entries)
              .<Map.Entry<String, Tree.Entry>>map(e -> Map.entry(e.key(), e))
              .iterator();
        }

        @Override
        public int size() {
          return entries.length;
        }
      };
    }

    @Override
    public java.util.Collection<Tree.Entry> values() {
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(entries));
    }
  }

  // ---- navigation helpers (null-safe) ----

  static TMap asMap(Tree t) {
    return t instanceof TMap m ? m : null;
  }

  static List<Tree> asList(Tree t) {
    return t instanceof TList l ? l.items() : List.of();
  }

  /** Text of a scalar (numbers and booleans as written), or null. */
  static String text(Tree t) {
    return t instanceof TScalar s ? s.value() : null;
  }

  /**
   * Follows map keys (and list indexes, written as numbers, through lists); returns null when any
   * step is missing.
   */
  static Tree path(Tree root, String... keys) {
    Tree cur = root;
    for (String k : keys) {
      if (cur instanceof TMap m) {
        cur = m.get(k);
      } else if (cur instanceof TList l && isIndex(k) && Integer.parseInt(k) < l.items().size()) {
        cur = l.items().get(Integer.parseInt(k));
      } else {
        return null;
      }
    }
    return cur;
  }

  /**
   * The position of the most specific existing node on a path of map keys and list indexes: a map
   * key's own line and column, a list item's start. When the path ends early the deepest node found
   * is used, starting from {@code line}/{@code column} (the position of {@code root} itself).
   * Returns {line, column}.
   */
  static int[] locate(Tree root, int line, int column, String... path) {
    Tree cur = root;
    for (String seg : path) {
      if (cur instanceof TMap m && m.entry(seg) != null) {
        Entry e = m.entry(seg);
        line = e.line();
        column = e.column();
        cur = e.value();
      } else if (cur instanceof TList l
          && isIndex(seg)
          && Integer.parseInt(seg) < l.items().size()) {
        cur = l.items().get(Integer.parseInt(seg));
        line = cur.line();
        column = cur.column();
      } else {
        break;
      }
    }
    return new int[] {line, column};
  }

  /** A list index as written in a path: 1 to 9 decimal digits. */
  static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** String-to-string map (labels, annotations, selectors); non-scalar values are skipped. */
  static Map<String, String> stringMap(Tree t) {
    if (!(t instanceof TMap m)) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : m.entries().values()) {
      if (e.value() instanceof TScalar s && s.value() != null) {
        out.put(e.key(), s.value());
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
