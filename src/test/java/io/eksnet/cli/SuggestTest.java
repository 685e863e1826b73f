package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

  @Test
  void aTypoWithinTwoEditsFindsItsWordAndAnUnrelatedWordNothing() {
    List<String> options = List.of("--fail-on", "--format", "--root", "--rules");
    assertEquals("--fail-on", Suggest.closest("--fial-on", options)); // a transposition
    assertEquals("--rules", Suggest.closest("--rule", options));
    assertEquals("--format", Suggest.closest("--FROMAT", options));
    assertNull(Suggest.closest("--verbose", options));
    assertNull(Suggest.closest("--format", options), "an exact match is no typo");
    assertNull(Suggest.closest("ab", List.of("xy")));
  }
}
