package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void savedSchemaIsTheUnmodifiedOasisCopy() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/" + SarifSchema.RESOURCE)) {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertEquals(
          "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e",
          HexFormat.of().formatHex(hash));
    }
  }

  @Test
  void validatorNeverFetchesSchemasOverTheNetwork() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                SarifSchema.offlineFactory()
                    .getSchema(SchemaLocation.of("https://example.com/other-schema.json")));
    assertTrue(
        String.valueOf(e.getMessage()).contains("refusing to fetch")
            || String.valueOf(e.getCause()).contains("refusing to fetch"),
        e.toString());
  }

  @Test
  void validatorRejectsLineZeroAndWrongVersion() throws Exception {
    JsonNode log =
        MAPPER.readTree(SarifReport.render(ReportFixtures.sample(), ReportFixtures.options()));
    ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    ((ObjectNode) log).put("version", "2.0.0");
    List<String> errors = SarifSchema.errors(log);
    assertTrue(errors.stream().anyMatch(e -> e.contains("startLine")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("version")), errors.toString());
  }
}
