package io.eksnet.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's location-independent identity, for baselines: the first 32 hex digits of the SHA-256
 * of {@code ruleId \0 file \0 object \0 field}. Line numbers and the message are left out, so edits
 * elsewhere in the file or changed numbers in the message keep it stable. Written to SARIF ({@code
 * properties["eksnet/fingerprint"]}) and to the JSON report.
 */
public final class Fingerprint {

  /** The SARIF property key under {@code result.properties}. */
  public static final String SARIF_PROPERTY = "eksnet/fingerprint";

  private Fingerprint() {}

  /** The fingerprint of {@code f}: 32 lower-case hex digits. */
  public static String of(Finding f) {
    String key =
        f.ruleId()
            + '\0'
            + f.location().file()
            + '\0'
            + f.location().object()
            + '\0'
            + f.location().field();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
