package io.eksnet.report;

import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Set;

/**
 * The one JSON writer of the reports: two-space indent, {@code "key": value}, {@code \n} line ends
 * on every platform, map keys sorted, a final newline.
 *
 * <p>The SARIF bindings are annotated {@code @JsonInclude(NON_DEFAULT)}: a property equal to the
 * bindings' own default is left out. That drops noise ({@code kind: fail}, {@code rank: -1}, empty
 * sets) but also values that must always be written; the mix-ins below keep those: {@code results}
 * even when empty (GitHub rejects a run without it), {@code rules}, and every {@code level} (a
 * result's {@code warning} must override an {@code error} rule default).
 */
final class Json {

  private static final ObjectWriter WRITER = createWriter();

  private Json() {}

  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise report", e);
    }
  }

  private static ObjectWriter createWriter() {
    ObjectMapper mapper =
        new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .addMixIn(Run.class, RunMixin.class)
            .addMixIn(ToolComponent.class, ToolComponentMixin.class)
            .addMixIn(Result.class, LevelMixin.class)
            .addMixIn(ReportingConfiguration.class, LevelMixin.class)
            .addMixIn(Notification.class, LevelMixin.class);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }

  @SuppressWarnings("unused")
  private abstract static class RunMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    List<Result> results;
  }

  @SuppressWarnings("unused")
  private abstract static class ToolComponentMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    Set<?> rules;
  }

  @SuppressWarnings("unused")
  private abstract static class LevelMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Object level;
  }
}
