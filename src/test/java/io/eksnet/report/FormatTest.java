package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eksnet.scan.ScanResult;
import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void parsesNamesInAnyCase() {
    assertEquals(Format.TEXT, Format.parse("text"));
    assertEquals(Format.JSON, Format.parse(" JSON "));
    assertEquals(Format.SARIF, Format.parse("Sarif"));
    assertNull(Format.parse("xml"));
    assertNull(Format.parse(null));
  }

  @Test
  void rendersWithTheMatchingReport() {
    ScanResult r = ReportFixtures.sample();
    ReportOptions o = ReportFixtures.options();
    assertEquals(TextReport.render(r, o), Format.TEXT.render(r, o));
    assertEquals(JsonReport.render(r, o), Format.JSON.render(r, o));
    assertEquals(SarifReport.render(r, o), Format.SARIF.render(r, o));
  }
}
