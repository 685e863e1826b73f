package io.eksnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * Validates SARIF against the saved OASIS 2.1.0 schema ({@code sarif-schema-2.1.0.json} on the test
 * classpath, draft-04), offline: the schema's id is mapped to the classpath copy, and any other
 * non-classpath IRI is refused instead of fetched. Reusable by other tests.
 */
public final class SarifSchema {

  static final String RESOURCE = "sarif-schema-2.1.0.json";

  private static final JsonSchema SCHEMA = load();

  private SarifSchema() {}

  /** Schema violations, one line each ({@code $.runs[0]...: message}); empty when valid. */
  public static List<String> errors(JsonNode sarif) {
    return SCHEMA.validate(sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private static JsonSchema load() {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return offlineFactory().getSchema(SchemaLocation.of(SarifReport.SCHEMA_URI), config);
  }

  /** A draft-04 factory that serves the SARIF schema from the classpath and fetches nothing. */
  static JsonSchemaFactory offlineFactory() {
    return JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V4,
        b ->
            b.schemaMappers(m -> m.mapPrefix(SarifReport.SCHEMA_URI, "classpath:" + RESOURCE))
                .schemaLoaders(
                    l ->
                        l.add(
                            iri -> {
                              if (iri.toString().startsWith("classpath:")) {
                                return null; // served by the default classpath loader
                              }
                              throw new IllegalStateException(
                                  "offline schema validation: refusing to fetch " + iri);
                            })));
  }
}
