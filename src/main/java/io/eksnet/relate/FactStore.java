package io.eksnet.relate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The facts of one relate run, by type: the loaded facts (built once, in input order) and the
 * relation facts the providers add. A {@link RelationProvider} sees it only through a {@link View}
 * that answers for the types the provider declares it reads, so a provider cannot depend on a fact
 * it does not name (and the order of the providers follows from what they read and produce).
 *
 * <p>Both parts are indexed by each fact's class as they are added, so asking for a type costs the
 * facts of that type (and a merge by position when several classes are of it), not a pass over
 * every fact; an answer is kept until a fact of the type is added.
 */
public final class FactStore {

  private final Part loaded = new Part();
  private final Part derived = new Part();
  private final Map<Class<?>, List<?>> byType = new HashMap<>();
  private final Map<Class<?>, Object> shared = new HashMap<>();

  FactStore(List<?> facts) {
    for (Object f : facts) {
      loaded.add(f);
    }
  }

  /** The relation facts added so far, in the order they were added. */
  List<Object> derived() {
    return Collections.unmodifiableList(derived.facts);
  }

  void add(List<Object> facts) {
    Set<Class<?>> added = new java.util.HashSet<>();
    for (Object f : facts) {
      derived.add(f);
      added.add(f.getClass());
    }
    byType.keySet().removeIf(t -> added.stream().anyMatch(c -> t.isAssignableFrom(c)));
  }

  /** Every loaded, then every derived fact of {@code type} (subtypes included), in order. */
  @SuppressWarnings("unchecked")
  private <T> List<T> all(Class<T> type) {
    return (List<T>)
        byType.computeIfAbsent(
            type,
            t -> {
              List<Object> out = new ArrayList<>();
              loaded.collect(c -> type.isAssignableFrom(c), out);
              derived.collect(c -> type.isAssignableFrom(c), out);
              return Collections.unmodifiableList(out);
            });
  }

  /** Facts in the order added, with the positions of each class's facts. */
  private static final class Part {
    final List<Object> facts = new ArrayList<>();
    final Map<Class<?>, Positions> byClass = new LinkedHashMap<>();

    void add(Object f) {
      byClass.computeIfAbsent(f.getClass(), c -> new Positions()).add(facts.size());
      facts.add(f);
    }

    /** Adds the facts whose class passes {@code of} to {@code out}, in the order added. */
    void collect(java.util.function.Predicate<Class<?>> of, List<Object> out) {
      Positions only = null;
      int[] merged = null;
      int n = 0;
      for (Map.Entry<Class<?>, Positions> e : byClass.entrySet()) {
        if (!of.test(e.getKey())) {
          continue;
        }
        Positions p = e.getValue();
        if (only == null && merged == null) {
          only = p;
          continue;
        }
        if (merged == null) {
          merged = Arrays.copyOf(only.at, only.size + p.size);
          n = only.size;
        } else {
          merged = Arrays.copyOf(merged, n + p.size);
        }
        System.arraycopy(p.at, 0, merged, n, p.size);
        n += p.size;
      }
      if (merged != null) {
        Arrays.sort(merged, 0, n);
        for (int i = 0; i < n; i++) {
          out.add(facts.get(merged[i]));
        }
      } else if (only != null) {
        for (int i = 0; i < only.size; i++) {
          out.add(facts.get(only.at[i]));
        }
      }
    }
  }

  /** A growing array of positions. */
  private static final class Positions {
    int[] at = new int[8];
    int size;

    void add(int i) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = i;
    }
  }

  /** What one provider may read. */
  public final class View {
    private final RelationProvider provider;

    View(RelationProvider provider) {
      this.provider = provider;
    }

    /** The facts of a type the provider declares it reads (subtypes included), in order. */
    public <T> List<T> all(Class<T> type) {
      check(type);
      return FactStore.this.all(type);
    }

    /** The one fact of a type, or null when there is none. */
    public <T> T one(Class<T> type) {
      List<T> all = all(type);
      return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * The loaded facts of the declared types, in input order, for the workers that scan the loaded
     * facts themselves.
     */
    public List<Object> loaded() {
      List<Object> out = new ArrayList<>();
      loaded.collect(this::reads, out);
      return out;
    }

    /** An index several providers share, built once by the first that asks. */
    @SuppressWarnings("unchecked")
    public <T> T shared(Class<T> type, Supplier<T> build) {
      return (T) shared.computeIfAbsent(type, t -> build.get());
    }

    private void check(Class<?> type) {
      if (!provider.reads().contains(type)) {
        throw new IllegalStateException(
            provider.name() + " reads " + type.getSimpleName() + " without declaring it");
      }
    }

    private boolean reads(Class<?> type) {
      Set<Class<?>> reads = provider.reads();
      for (Class<?> r : reads) {
        if (r.isAssignableFrom(type)) {
          return true;
        }
      }
      return false;
    }
  }
}
