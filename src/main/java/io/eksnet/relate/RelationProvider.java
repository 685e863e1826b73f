package io.eksnet.relate;

import java.util.List;
import java.util.Set;

/**
 * One step of relating: it reads facts of the types it declares (loaded or derived) and adds
 * relation facts of the types it declares it produces. {@link Relations} runs a provider after
 * every provider that produces a type it reads, and checks both declarations.
 */
public interface RelationProvider {

  /** A short name for messages ({@code services}, {@code join}). */
  String name();

  /** The fact types it reads (a type includes its subtypes). */
  Set<Class<?>> reads();

  /** The fact types it adds (a type includes its subtypes). */
  Set<Class<?>> produces();

  /** Adds its facts to {@code out}. */
  void compute(FactStore.View in, List<Object> out);

  /** The work of a provider. */
  interface Body {
    void compute(FactStore.View in, List<Object> out);
  }

  /** A provider with these declarations. */
  static RelationProvider of(String name, Set<Class<?>> reads, Set<Class<?>> produces, Body body) {
    return new RelationProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<Class<?>> reads() {
        return reads;
      }

      @Override
      public Set<Class<?>> produces() {
        return produces;
      }

      @Override
      public void compute(FactStore.View in, List<Object> out) {
        body.compute(in, out);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
