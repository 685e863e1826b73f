package io.eksnet.net;

/**
 * Thrown by {@link Cidr#parse} for a CIDR whose address has host bits set, such as {@code
 * 10.196.0.0/12}. Such a CIDR means its network ({@code 10.192.0.0/12}) to AWS and Terraform, which
 * silently canonicalise it, so it is usually a typo worth reporting; {@link #network()} gives the
 * canonical block for callers that go on with it.
 */
public final class NonCanonicalCidrException extends AddressFormatException {
  private static final long serialVersionUID = 1L;

  private final IpAddress address;
  private final Cidr network;

  NonCanonicalCidrException(String input, IpAddress address, Cidr network) {
    super(input, nonCanonicalMessage(input, network));
    this.address = address;
    this.network = network;
  }

  static String nonCanonicalMessage(String input, Cidr network) {
    return input + " has host bits set; the network is " + network;
  }

  /** The address as written, host bits included (10.196.0.0 for {@code 10.196.0.0/12}). */
  public IpAddress address() {
    return address;
  }

  /** The canonical network the text denotes (10.192.0.0/12 for {@code 10.196.0.0/12}). */
  public Cidr network() {
    return network;
  }
}
