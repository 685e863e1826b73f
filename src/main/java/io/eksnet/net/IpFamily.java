package io.eksnet.net;

/** The two IP address families, with their address width in bits. */
public enum IpFamily {
  /** IPv4: 32-bit addresses. */
  IPV4(32),
  /** IPv6: 128-bit addresses. */
  IPV6(128);

  private final int bits;

  IpFamily(int bits) {
    this.bits = bits;
  }

  /** Address width in bits: 32 or 128. */
  public int bits() {
    return bits;
  }
}
