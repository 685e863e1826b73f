package io.eksnet.net;

/**
 * Thrown when a text is not a valid IP address or CIDR. The message names the input and the reason,
 * e.g. {@code "10.0.0.0/33" is not a valid CIDR: prefix length 33 is greater than 32}.
 */
public class AddressFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;

  AddressFormatException(String input, String message) {
    super(message);
    this.input = input;
  }

  /** The text that failed to parse, exactly as given. */
  public String input() {
    return input;
  }
}
