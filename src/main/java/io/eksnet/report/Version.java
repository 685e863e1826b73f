package io.eksnet.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The eksnet version, from the build-filtered resource {@code io/eksnet/version.properties} ({@code
 * version=${project.version}}).
 */
public final class Version {

  /** Reported when the resource is missing or was not filtered (e.g. run from an IDE). */
  static final String UNKNOWN = "0.0.0-dev";

  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}; never null or blank. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/io/eksnet/version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/eksnet/version.properties", e);
    }
  }
}
