package io.eksnet.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * The tab-separated form of the built-in instance table ({@code instance-types.tsv}): {@code #}
 * comment lines, one header line, then one row per type; an empty cell means unknown.
 */
final class InstanceTable {
  private InstanceTable() {}

  static final String RESOURCE = "instance-types.tsv";

  static final String HEADER =
      String.join(
          "\t",
          "instance_type",
          "max_enis",
          "ipv4_per_eni",
          "hypervisor",
          "is_bare_metal",
          "network_cards",
          "all_cards_max_enis",
          "is_trunking_compatible",
          "branch_interfaces",
          "default_vcpus",
          "memory_mib");

  static String format(List<String> comments, List<InstanceType> types) {
    StringBuilder sb = new StringBuilder();
    for (String c : comments) {
      sb.append(c.isEmpty() ? "#" : "# " + c).append('\n');
    }
    sb.append(HEADER).append('\n');
    for (InstanceType t : types) {
      sb.append(t.name())
          .append('\t')
          .append(t.maxEnis())
          .append('\t')
          .append(t.ipv4PerEni())
          .append('\t')
          .append(t.hypervisor().text())
          .append('\t')
          .append(t.bareMetal())
          .append('\t')
          .append(t.networkCards())
          .append('\t')
          .append(t.allCardsMaxEnis())
          .append('\t')
          .append(t.trunkingCompatible() == null ? "" : t.trunkingCompatible().toString())
          .append('\t')
          .append(t.branchInterfaces() == null ? "" : t.branchInterfaces().toString())
          .append('\t')
          .append(t.vcpus() == null ? "" : t.vcpus().toString())
          .append('\t')
          .append(t.memoryMib() == null ? "" : t.memoryMib().toString())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses the table. It ships inside the jar, so a malformed row is a build defect.
   *
   * @throws IllegalStateException naming the line, for a malformed table
   */
  static List<InstanceType> parse(String text) {
    List<InstanceType> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean header = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw new IllegalStateException("line " + (i + 1) + ": unexpected header: " + line);
        }
        header = true;
        continue;
      }
      String[] f = line.split("\t", -1);
      try {
        if (f.length != 11) {
          throw new IllegalArgumentException("expected 11 columns, found " + f.length);
        }
        out.add(
            new InstanceType(
                f[0],
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Hypervisor.parse(f[3]),
                parseBoolean(f[4]),
                Integer.parseInt(f[5]),
                Integer.parseInt(f[6]),
                f[7].isEmpty() ? null : parseBoolean(f[7]),
                f[8].isEmpty() ? null : Integer.valueOf(f[8]),
                f[9].isEmpty() ? null : Integer.valueOf(f[9]),
                f[10].isEmpty() ? null : Integer.valueOf(f[10])));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            RESOURCE + " line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
      }
    }
    if (!header) {
      throw new IllegalStateException(RESOURCE + " has no header line");
    }
    return out;
  }

  private static boolean parseBoolean(String s) {
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean: '" + s + "'");
    };
  }
}
