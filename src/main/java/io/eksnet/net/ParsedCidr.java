package io.eksnet.net;

/**
 * The outcome of {@link Cidr#tryParse(String)}, for loaders that report bad input instead of
 * throwing.
 *
 * @param input the text as given
 * @param cidr the canonical network, or null when the text is not a CIDR at all
 * @param problem null when the text is a canonical CIDR; otherwise a message for the user, e.g.
 *     {@code 10.196.0.0/12 has host bits set; the network is 10.192.0.0/12}
 */
public record ParsedCidr(String input, Cidr cidr, String problem) {

  /** True when the text denotes a network, canonical or not ({@link #cidr()} is non-null). */
  public boolean isValid() {
    return cidr != null;
  }

  /** True when the text is exactly a canonical CIDR (no host bits set). */
  public boolean isCanonical() {
    return cidr != null && problem == null;
  }

  /** True when the text is a CIDR whose address has host bits set, like 10.196.0.0/12. */
  public boolean hasHostBitsSet() {
    return cidr != null && problem != null;
  }
}
