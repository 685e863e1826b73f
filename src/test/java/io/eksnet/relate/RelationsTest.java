package io.eksnet.relate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import io.eksnet.relate.k8s.AlbIngress;
import io.eksnet.relate.k8s.ScanInventory;
import io.eksnet.relate.k8s.Selects;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relate run: providers ordered by what they read and produce, both declarations checked. */
class RelationsTest {

  private static RelationProvider provider(
      String name, Set<Class<?>> reads, Set<Class<?>> produces, List<Object> adds) {
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
        for (Class<?> r : reads) {
          in.all(r);
        }
        out.addAll(adds);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  @Test
  void aProviderRunsAfterTheProvidersOfWhatItReads() {
    RelationProvider reader =
        provider("reader", Set.of(ScanInventory.class), Set.of(Selects.class), List.of());
    RelationProvider other =
        provider("other", Set.of(Service.class), Set.of(Selects.class), List.of());
    RelationProvider maker =
        provider("maker", Set.of(Workload.class), Set.of(ScanInventory.class), List.of());
    assertEquals(List.of(other, maker, reader), Relations.ordered(List.of(reader, other, maker)));
  }

  @Test
  void providersThatReadEachOthersFactsAreABug() {
    RelationProvider a =
        provider("a", Set.of(ScanInventory.class), Set.of(Selects.class), List.of());
    RelationProvider b =
        provider("b", Set.of(Selects.class), Set.of(ScanInventory.class), List.of());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Relations.ordered(List.of(a, b)));
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
  }

  @Test
  void theBuiltInProvidersAreDeclaredInAnOrderTheirDeclarationsAllow() {
    assertEquals(Relations.PROVIDERS, Relations.ordered(Relations.PROVIDERS));
  }

  @Test
  void readingAnUndeclaredTypeIsABug() {
    RelationProvider p = provider("p", Set.of(Service.class), Set.of(), List.of());
    FactStore store = new FactStore(List.of());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.new View(p).all(Workload.class));
    assertEquals("p reads Workload without declaring it", e.getMessage());
  }

  @Test
  void onlyTheProvidersOfWhatIsReadRunAndThoseTheyReadFrom() {
    RelationProvider maker =
        provider("maker", Set.of(Workload.class), Set.of(ScanInventory.class), List.of());
    RelationProvider reader =
        provider("reader", Set.of(ScanInventory.class), Set.of(Selects.class), List.of());
    RelationProvider unread =
        provider("unread", Set.of(Service.class), Set.of(AlbIngress.class), List.of());
    List<RelationProvider> all = List.of(maker, reader, unread);
    assertEquals(List.of(maker, reader), Relations.needed(all, Set.of(Selects.class)));
    assertEquals(List.of(maker), Relations.needed(all, Set.of(ScanInventory.class)));
    assertEquals(List.of(), Relations.needed(all, Set.of(Service.class))); // loaded, not derived
    assertEquals(all, Relations.needed(all, Set.of(Object.class))); // a pattern on Object
  }
}
