package io.eksnet.relate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The facts of one relate run, by type: the loaded facts (built once, in input order) and the
 * relation facts the providers add. A {@link RelationProvider} sees it only through a {@link View}
 * that answers for the types the provider declares it reads, so a provider cannot depend on a fact
 * it does not name (and the order of the providers follows from what they read and produce).
 */
public final class FactStore {

  private final List<Object> loaded;
  private final List<Object> derived = new ArrayList<>();
  private final Map<Class<?>, List<?>> byType = new HashMap<>();
  private final Map<Class<?>, Object> shared = new HashMap<>();

  FactStore(List<?> loaded) {
    this.loaded = List.copyOf(loaded);
  }

  /** The relation facts added so far, in the order they were added. */
  List<Object> derived() {
    return Collections.unmodifiableList(derived);
  }

  void add(List<Object> facts) {
    derived.addAll(facts);
    byType.clear();
  }

  /** Every loaded, then every derived fact of {@code type} (subtypes included), in order. */
  @SuppressWarnings("unchecked")
  private <T> List<T> all(Class<T> type) {
    return (List<T>)
        byType.computeIfAbsent(
            type,
            t -> {
              List<T> out = new ArrayList<>();
              for (List<Object> part : List.of(loaded, derived)) {
                for (Object f : part) {
                  if (type.isInstance(f)) {
                    out.add((T) f);
                  }
                }
              }
              return List.copyOf(out);
            });
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
      for (Object f : loaded) {
        if (reads(f.getClass())) {
          out.add(f);
        }
      }
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
