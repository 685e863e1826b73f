package io.eksnet.relate;

import java.util.List;
import java.util.Set;

/**
 * One step of relating: it reads facts of the types it declares (loaded or derived) and adds
 * relation facts of the types it declares it produces. {@link Relations} runs a provider after
 * every provider that produces a type it reads, and checks both declarations.
 */
interface RelationProvider {

  /** A short name for messages ({@code services}, {@code join}). */
  String name();

  /** The fact types it reads (a type includes its subtypes). */
  Set<Class<?>> reads();

  /** The fact types it adds (a type includes its subtypes). */
  Set<Class<?>> produces();

  /** Adds its facts to {@code out}. */
  void compute(FactStore.View in, List<Object> out);
}
