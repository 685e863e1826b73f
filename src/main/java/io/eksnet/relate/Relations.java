package io.eksnet.relate;

import io.eksnet.relate.cluster.ClusterFacts;
import io.eksnet.relate.join.JoinRelations;
import io.eksnet.relate.join.KarpenterNodes;
import io.eksnet.relate.k8s.KubernetesRelations;
import io.eksnet.relate.terraform.TerraformRelations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Computes the relation facts the rules match on, with indexes (never a pairwise loop over two
 * large fact sets). The loaded facts go into one typed {@link FactStore}; each {@link
 * RelationProvider} below declares the fact types it reads and produces, and runs after the
 * providers that produce what it reads (so no step depends on the order of a list). The work itself
 * is split by concern: {@link ServiceRelations}, {@link IngressRelations}, {@link PolicyRelations},
 * {@link ClusterRelations}, and the Terraform and manifest-with-Terraform relations ({@link
 * TerraformRelations}, {@link JoinRelations}).
 */
public final class Relations {

  private Relations() {}

  /** The providers, in a valid order (the run re-checks it against the declarations). */
  static final List<RelationProvider> PROVIDERS =
      Stream.of(
              KubernetesRelations.PROVIDERS,
              List.of(KarpenterNodes.PROVIDER, TerraformRelations.PROVIDER),
              JoinRelations.PROVIDERS,
              ClusterFacts.PROVIDERS)
          .flatMap(List::stream)
          .toList();

  /** The derived facts for these loaded facts. */
  public static List<Object> compute(List<?> facts) {
    return compute(facts, null);
  }

  /**
   * The derived facts of the types {@code read} (and those their providers read, transitively) for
   * these loaded facts; every relation when {@code read} is null. Providers whose facts nothing
   * reads are not run.
   */
  public static List<Object> compute(List<?> facts, Set<Class<?>> read) {
    return compute(facts, read, null);
  }

  /**
   * As {@link #compute(List, Set)}, adding each provider's thread CPU time (nanoseconds, by name)
   * to {@code cost} when it is not null: for the benchmarks.
   */
  public static List<Object> compute(List<?> facts, Set<Class<?>> read, Map<String, Long> cost) {
    ThreadMXBean cpu = cost == null ? null : ManagementFactory.getThreadMXBean();
    long mark = cost == null ? 0 : cpu.getCurrentThreadCpuTime();
    FactStore store = new FactStore(facts);
    if (cost != null) {
      long now = cpu.getCurrentThreadCpuTime();
      cost.merge("(fact store)", now - mark, Long::sum);
      mark = now;
    }
    for (RelationProvider p : ordered(read == null ? PROVIDERS : needed(PROVIDERS, read))) {
      List<Object> out = new ArrayList<>();
      p.compute(store.new View(p), out);
      Set<Class<?>> declared = new HashSet<>();
      for (Object f : out) {
        if (!declared.contains(f.getClass())) {
          if (p.produces().stream().noneMatch(t -> t.isInstance(f))) {
            throw new IllegalStateException(
                p.name() + " produced " + f.getClass().getSimpleName() + " without declaring it");
          }
          declared.add(f.getClass());
        }
      }
      store.add(out);
      if (cost != null) {
        long now = cpu.getCurrentThreadCpuTime();
        cost.merge(p.name(), now - mark, Long::sum);
        mark = now;
      }
    }
    return new ArrayList<>(store.derived());
  }

  /**
   * The providers that produce a type in {@code read} (a subtype or supertype of one), and those
   * that produce what these read, and so on; in the given order.
   */
  static List<RelationProvider> needed(List<RelationProvider> providers, Set<Class<?>> read) {
    Set<Class<?>> wanted = new HashSet<>(read);
    Set<RelationProvider> keep = new HashSet<>();
    for (boolean grew = true; grew; ) {
      grew = false;
      for (RelationProvider p : providers) {
        if (!keep.contains(p) && producesAny(p, wanted)) {
          keep.add(p);
          wanted.addAll(p.reads());
          grew = true;
        }
      }
    }
    return providers.stream().filter(keep::contains).toList();
  }

  private static boolean producesAny(RelationProvider p, Set<Class<?>> types) {
    for (Class<?> made : p.produces()) {
      for (Class<?> t : types) {
        if (t.isAssignableFrom(made) || made.isAssignableFrom(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The providers so that each runs after every other provider that produces a type it reads,
   * keeping the given order where the declarations leave it free.
   */
  static List<RelationProvider> ordered(List<RelationProvider> providers) {
    List<RelationProvider> left = new ArrayList<>(providers);
    List<RelationProvider> out = new ArrayList<>();
    while (!left.isEmpty()) {
      RelationProvider next = null;
      for (RelationProvider p : left) {
        if (left.stream().noneMatch(q -> q != p && feeds(q, p))) {
          next = p;
          break;
        }
      }
      if (next == null) {
        throw new IllegalStateException("relation providers read each other's facts: " + left);
      }
      left.remove(next);
      out.add(next);
    }
    return out;
  }

  /** True when {@code from} produces a type that {@code to} reads. */
  static boolean feeds(RelationProvider from, RelationProvider to) {
    for (Class<?> made : from.produces()) {
      for (Class<?> read : to.reads()) {
        if (read.isAssignableFrom(made) || made.isAssignableFrom(read)) {
          return true;
        }
      }
    }
    return false;
  }
}
