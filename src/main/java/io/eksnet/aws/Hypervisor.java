package io.eksnet.aws;

/** The hypervisor EC2 reports for an instance type. */
public enum Hypervisor {
  /** The Nitro system: needed for prefix delegation and security groups for pods. */
  NITRO,
  /** The older Xen hypervisor. */
  XEN,
  /**
   * None reported. EC2 reports no hypervisor for bare-metal types, most of which are Nitro-system
   * hosts nevertheless.
   */
  UNKNOWN;

  /** Reads {@code nitro}, {@code xen} or {@code unknown} (any case); anything else is unknown. */
  public static Hypervisor parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "nitro" -> NITRO;
      case "xen" -> XEN;
      default -> UNKNOWN;
    };
  }

  /** The lower-case name used by EC2 and the data files. */
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
