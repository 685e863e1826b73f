package io.eksnet.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The hand-written page of each built-in rule ({@code docs/rules/<ID>.md}), shipped in the jar. */
public final class RuleDocs {

  private RuleDocs() {}

  /** The rule's page, or null (a user rule, or an unknown id). */
  public static String doc(String id) {
    try (InputStream in =
        RuleDocs.class.getResourceAsStream("/io/eksnet/docs/rules/" + id + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
