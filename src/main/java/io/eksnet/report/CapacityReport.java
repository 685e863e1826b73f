package io.eksnet.report;

import io.eksnet.relate.terraform.CapacityTable;
import io.eksnet.relate.terraform.CapacityTable.Mode;
import io.eksnet.relate.terraform.CapacityTable.NodeGroupRow;
import io.eksnet.relate.terraform.CapacityTable.PodSubnetRow;
import io.eksnet.relate.terraform.CapacityTable.SubnetRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code eksnet capacity} report: per subnet and per node group, usable addresses, demand at
 * desired and max size in the current mode, and what prefix delegation or custom networking would
 * need, as a text table, Markdown, JSON or a self-contained HTML page (a bar per subnet, no
 * JavaScript).
 */
public final class CapacityReport {

  /** Output formats. */
  public enum Format {
    TEXT,
    MARKDOWN,
    JSON,
    HTML;

    /** {@code text}, {@code markdown}, {@code json}, {@code html}; null for anything else. */
    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s)) {
          return f;
        }
      }
      return null;
    }
  }

  private static final String[] SUBNET_HEADERS = {
    "subnet",
    "CIDR",
    "AZ",
    "usable",
    "free /28",
    "at desired",
    "at max",
    "use at max",
    "with PD",
    "with CN",
    "node groups"
  };
  private static final String[] GROUP_HEADERS = {
    "node group",
    "types",
    "mode",
    "max pods",
    "IPs/node",
    "desired/max",
    "at desired",
    "at max",
    "subnet IPs",
    "fullest",
    "pod subnet",
    "status",
    "with PD (pods, IPs/node, at max)",
    "with CN (pods, at max)"
  };

  private static final String[] POD_HEADERS = {
    "pod subnet",
    "CIDR",
    "AZ",
    "ENIConfigs",
    "usable",
    "at desired",
    "at max",
    "use at max",
    "node groups (zone): nodes x IPs/node at max"
  };

  private CapacityReport() {}

  public static String render(CapacityTable t, Format f) {
    return switch (f) {
      case TEXT -> text(t);
      case MARKDOWN -> markdown(t);
      case JSON -> json(t);
      case HTML -> html(t);
    };
  }

  // ---- rows as cells ----

  private static List<String> files(CapacityTable t) {
    Set<String> files = new LinkedHashSet<>();
    t.subnets().forEach(s -> files.add(s.file()));
    t.nodeGroups().forEach(g -> files.add(g.file()));
    t.podSubnets().forEach(p -> files.add(p.file()));
    return List.copyOf(files);
  }

  private static String[] cells(SubnetRow s) {
    return new String[] {
      s.address(),
      s.cidr(),
      s.availabilityZone() == null ? "?" : s.availabilityZone(),
      str(s.usable()),
      str(s.freePrefixBlocks()),
      str(s.demandAtDesired()),
      str(s.demandAtMax()),
      s.utilizationPercent() + "%",
      s.prefixDelegationDemandAtMax() < 0 ? "n/a" : str(s.prefixDelegationDemandAtMax()),
      str(s.customNetworkingDemandAtMax()),
      s.nodeGroups().isEmpty() ? "-" : String.join(", ", s.nodeGroups())
    };
  }

  private static String[] cells(NodeGroupRow g, int threshold) {
    Mode pd = g.prefixDelegation();
    Mode cn = g.customNetworking();
    return new String[] {
      g.address(),
      String.join(", ", g.instanceTypes()),
      g.current().name(),
      str(g.current().maxPods()),
      str(g.current().ipsPerNode()),
      g.desired() + "/" + g.max(),
      str(g.demandAtDesired()),
      str(g.current().demandAtMax()),
      g.subnetUsable() < 0 ? "?" : str(g.subnetUsable()),
      g.fullestPercent() < 0 ? "?" : g.fullestPercent() + "%",
      g.podSubnetPercent() < 0 ? "-" : g.podSubnetPercent() + "%",
      g.status(threshold),
      pd == null
          ? "n/a (not Nitro)"
          : pd.maxPods() + ", " + pd.ipsPerNode() + ", " + pd.demandAtMax(),
      cn.maxPods() + ", " + cn.demandAtMax()
    };
  }

  private static String[] cells(PodSubnetRow p) {
    return new String[] {
      p.address(),
      p.cidr(),
      p.availabilityZone() == null ? "?" : p.availabilityZone(),
      String.join(", ", p.eniConfigs()),
      str(p.usable()),
      str(p.demandAtDesired()),
      str(p.demandAtMax()),
      p.utilizationPercent() + "%",
      String.join(", ", p.nodeGroups())
    };
  }

  private static List<String[]> podRows(CapacityTable t, String file) {
    List<String[]> rows = new ArrayList<>();
    t.podSubnets().stream().filter(p -> p.file().equals(file)).forEach(p -> rows.add(cells(p)));
    return rows;
  }

  private static String str(long n) {
    return Long.toString(n);
  }

  // ---- text ----

  private static String text(CapacityTable t) {
    StringBuilder sb = new StringBuilder();
    if (t.subnets().isEmpty() && t.nodeGroups().isEmpty()) {
      return "No subnets or node groups with known CIDRs and sizes in the Terraform input.\n";
    }
    for (String file : files(t)) {
      sb.append(file).append('\n');
      List<String[]> rows = new ArrayList<>();
      t.subnets().stream().filter(s -> s.file().equals(file)).forEach(s -> rows.add(cells(s)));
      if (!rows.isEmpty()) {
        sb.append("\nSubnets\n");
        table(sb, upper(SUBNET_HEADERS), rows);
      }
      List<String[]> groups = new ArrayList<>();
      t.nodeGroups().stream()
          .filter(g -> g.file().equals(file))
          .forEach(g -> groups.add(cells(g, t.thresholdPercent())));
      if (!groups.isEmpty()) {
        sb.append("\nNode groups\n");
        table(sb, upper(GROUP_HEADERS), groups);
      }
      List<String[]> pods = podRows(t, file);
      if (!pods.isEmpty()) {
        sb.append("\nPod subnets (custom networking)\n");
        table(sb, upper(POD_HEADERS), pods);
      }
      sb.append('\n');
    }
    sb.append(legend(t));
    return sb.toString();
  }

  private static String legend(CapacityTable t) {
    return "Demand counts full nodes (max pods, warm pool included), spread over the subnets' AZs; other\n"
        + "consumers of the subnets are not counted. PD: prefix delegation; CN: custom networking (one\n"
        + "node-subnet address a node, pods in a secondary CIDR). Pod subnets: the ENIConfigs' subnets\n"
        + "with custom networking on, the pods' addresses of the nodes that select them. Status warns\n"
        + "above "
        + t.thresholdPercent()
        + "% (subnetUtilizationPercent), node and pod subnets together.\n";
  }

  private static String[] upper(String[] h) {
    String[] out = new String[h.length];
    for (int i = 0; i < h.length; i++) {
      out[i] = h[i].toUpperCase(Locale.ROOT);
    }
    return out;
  }

  private static void table(StringBuilder sb, String[] headers, List<String[]> rows) {
    int[] w = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      w[i] = headers[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    line(sb, headers, w);
    for (String[] r : rows) {
      line(sb, r, w);
    }
  }

  private static void line(StringBuilder sb, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      l.append(cells[i]);
      if (i < cells.length - 1) {
        l.append(" ".repeat(w[i] - cells[i].length() + 2));
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  // ---- markdown ----

  private static String markdown(CapacityTable t) {
    StringBuilder sb = new StringBuilder("# IP capacity\n\n");
    if (t.subnets().isEmpty() && t.nodeGroups().isEmpty()) {
      return sb.append(
              "No subnets or node groups with known CIDRs and sizes in the Terraform input.\n")
          .toString();
    }
    for (String file : files(t)) {
      sb.append("## `").append(file).append("`\n\n");
      List<String[]> rows = new ArrayList<>();
      t.subnets().stream().filter(s -> s.file().equals(file)).forEach(s -> rows.add(cells(s)));
      if (!rows.isEmpty()) {
        sb.append("### Subnets\n\n");
        mdTable(sb, SUBNET_HEADERS, rows);
      }
      List<String[]> groups = new ArrayList<>();
      t.nodeGroups().stream()
          .filter(g -> g.file().equals(file))
          .forEach(g -> groups.add(cells(g, t.thresholdPercent())));
      if (!groups.isEmpty()) {
        sb.append("### Node groups\n\n");
        mdTable(sb, GROUP_HEADERS, groups);
      }
      List<String[]> pods = podRows(t, file);
      if (!pods.isEmpty()) {
        sb.append("### Pod subnets (custom networking)\n\n");
        mdTable(sb, POD_HEADERS, pods);
      }
    }
    return sb.append(legend(t).replace("\n", " ").trim()).append('\n').toString();
  }

  private static void mdTable(StringBuilder sb, String[] headers, List<String[]> rows) {
    sb.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    sb.append("---|".repeat(headers.length)).append('\n');
    for (String[] r : rows) {
      List<String> cs = new ArrayList<>();
      for (int i = 0; i < r.length; i++) {
        String c = r[i].replace("|", "\\|");
        cs.add(i == 0 ? "`" + c + "`" : c);
      }
      sb.append("| ").append(String.join(" | ", cs)).append(" |\n");
    }
    sb.append('\n');
  }

  // ---- json ----

  private static String json(CapacityTable t) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("thresholdPercent", t.thresholdPercent());
    List<Map<String, Object>> subnets = new ArrayList<>();
    for (SubnetRow s : t.subnets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", s.file());
      m.put("address", s.address());
      m.put("cidr", s.cidr());
      m.put("availabilityZone", s.availabilityZone());
      m.put("usable", s.usable());
      m.put("freePrefixBlocks", s.freePrefixBlocks());
      m.put("demandAtDesired", s.demandAtDesired());
      m.put("demandAtMax", s.demandAtMax());
      m.put("utilizationPercent", s.utilizationPercent());
      m.put(
          "prefixDelegationDemandAtMax",
          s.prefixDelegationDemandAtMax() < 0 ? null : s.prefixDelegationDemandAtMax());
      m.put("customNetworkingDemandAtMax", s.customNetworkingDemandAtMax());
      m.put("nodeGroups", s.nodeGroups());
      subnets.add(m);
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (NodeGroupRow g : t.nodeGroups()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", g.file());
      m.put("address", g.address());
      m.put("name", g.name());
      m.put("instanceTypes", g.instanceTypes());
      m.put("cni", g.cniSource());
      m.put("desired", g.desired());
      m.put("max", g.max());
      m.put("current", mode(g.current()));
      m.put("demandAtDesired", g.demandAtDesired());
      m.put("subnetUsable", g.subnetUsable() < 0 ? null : g.subnetUsable());
      m.put("fullestPercent", g.fullestPercent() < 0 ? null : g.fullestPercent());
      m.put("status", g.status(t.thresholdPercent()));
      m.put("prefixDelegation", g.prefixDelegation() == null ? null : mode(g.prefixDelegation()));
      m.put("customNetworking", mode(g.customNetworking()));
      m.put("subnets", g.subnets());
      m.put("podSubnetPercent", g.podSubnetPercent() < 0 ? null : g.podSubnetPercent());
      groups.add(m);
    }
    List<Map<String, Object>> pods = new ArrayList<>();
    for (PodSubnetRow p : t.podSubnets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("address", p.address());
      m.put("cidr", p.cidr());
      m.put("availabilityZone", p.availabilityZone());
      m.put("eniConfigs", p.eniConfigs());
      m.put("usable", p.usable());
      m.put("demandAtDesired", p.demandAtDesired());
      m.put("demandAtMax", p.demandAtMax());
      m.put("utilizationPercent", p.utilizationPercent());
      m.put("nodeGroups", p.nodeGroups());
      pods.add(m);
    }
    root.put("subnets", subnets);
    root.put("nodeGroups", groups);
    root.put("podSubnets", pods);
    return Json.write(root);
  }

  private static Map<String, Object> mode(Mode m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", m.name());
    out.put("maxPods", m.maxPods());
    out.put("ipsPerNode", m.ipsPerNode());
    out.put("demandAtMax", m.demandAtMax());
    return out;
  }

  // ---- html ----

  private static String html(CapacityTable t) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>eksnet IP capacity</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
        .append("table{border-collapse:collapse;margin-bottom:2em}\n")
        .append(
            "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:middle}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append(
            ".bar{position:relative;width:16em;height:1.1em;background:#e6e6e6;border:1px solid #999}\n")
        .append(
            ".used{height:100%;background:#4a8}\n.warn .used{background:#e9a23b}\n.over .used{background:#d9453d}\n")
        .append(".limit{position:absolute;top:-2px;bottom:-2px;border-left:2px dashed #333}\n")
        .append("code{font-size:.95em}\n</style>\n</head>\n<body>\n<h1>IP capacity</h1>\n");
    if (t.subnets().isEmpty() && t.nodeGroups().isEmpty()) {
      sb.append(
          "<p>No subnets or node groups with known CIDRs and sizes in the Terraform input.</p>\n");
    }
    for (String file : files(t)) {
      sb.append("<h2><code>").append(esc(file)).append("</code></h2>\n");
      List<SubnetRow> subnets = t.subnets().stream().filter(s -> s.file().equals(file)).toList();
      if (!subnets.isEmpty()) {
        sb.append("<h3>Subnets</h3>\n<table>\n<tr><th>used at max size (dashed: ")
            .append(t.thresholdPercent())
            .append("%)</th>");
        for (String h : SUBNET_HEADERS) {
          sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (SubnetRow s : subnets) {
          bar(sb, s.utilizationPercent(), s.demandAtMax(), s.usable(), t.thresholdPercent());
          cellsHtml(sb, cells(s));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      }
      List<NodeGroupRow> groups =
          t.nodeGroups().stream().filter(g -> g.file().equals(file)).toList();
      if (!groups.isEmpty()) {
        sb.append("<h3>Node groups</h3>\n<table>\n<tr>");
        for (String h : GROUP_HEADERS) {
          sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (NodeGroupRow g : groups) {
          sb.append("<tr class=\"").append(g.status(t.thresholdPercent())).append("\">");
          cellsHtml(sb, cells(g, t.thresholdPercent()));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      }
      List<PodSubnetRow> pods = t.podSubnets().stream().filter(p -> p.file().equals(file)).toList();
      if (!pods.isEmpty()) {
        sb.append(
            "<h3>Pod subnets (custom networking)</h3>\n<table>\n<tr><th>used at max size</th>");
        for (String h : POD_HEADERS) {
          sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (PodSubnetRow p : pods) {
          bar(sb, p.utilizationPercent(), p.demandAtMax(), p.usable(), t.thresholdPercent());
          cellsHtml(sb, cells(p));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      }
    }
    sb.append("<p>")
        .append(esc(legend(t).replace("\n", " ").trim()))
        .append("</p>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** Opens a row with the bar cell: used vs usable, the threshold dashed. */
  private static void bar(StringBuilder sb, int pct, long used, long usable, int threshold) {
    String cls = pct > 100 ? "over" : pct > threshold ? "warn" : "ok";
    sb.append("<tr class=\"")
        .append(cls)
        .append("\"><td><div class=\"bar\" title=\"")
        .append(used)
        .append(" of ")
        .append(usable)
        .append(" usable addresses\">")
        .append("<div class=\"used\" style=\"width:")
        .append(Math.min(100, pct))
        .append("%\"></div>")
        .append("<div class=\"limit\" style=\"left:")
        .append(Math.min(100, threshold))
        .append("%\"></div></div></td>");
  }

  private static void cellsHtml(StringBuilder sb, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      boolean number =
          !cells[i].isEmpty()
              && cells[i].chars().allMatch(c -> Character.isDigit(c) || c == '%' || c == '/');
      sb.append(number ? "<td class=\"n\">" : "<td>");
      sb.append(i == 0 ? "<code>" + esc(cells[i]) + "</code>" : esc(cells[i])).append("</td>");
    }
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
