package io.eksnet.fuzz;

/**
 * Inputs shaped to make a step of a scan quadratic or exponential (issue 12), generated at any
 * size: regression tests ({@code HostileInputTest}) and the fuzzer's seeds use them.
 */
public final class HostileShapes {

  private HostileShapes() {}

  /** A ConfigMap with {@code keys} data keys. */
  public static String wideConfigMap(int keys) {
    StringBuilder sb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n");
    for (int i = 0; i < keys; i++) {
      sb.append("  k").append(i).append(": v\n");
    }
    return sb.toString();
  }

  /**
   * A plan with {@code depth} nested modules, each output using the nested module's output three
   * times, and a node group whose unknown subnet_ids come from the outermost output.
   */
  public static String moduleOutputFanOut(int depth) {
    String subnet =
        "{\"address\": \"%s\", \"mode\": \"managed\", \"type\": \"aws_subnet\","
            + " \"name\": \"s\", \"values\": {\"id\": \"subnet-1\", \"cidr_block\":"
            + " \"10.0.0.0/24\", \"vpc_id\": \"vpc-1\"}}";
    String module = "";
    for (int i = 0; i < depth; i++) {
      module += (module.isEmpty() ? "" : ".") + "module.m";
    }
    String values =
        "{\"address\": \""
            + module
            + "\", \"resources\": ["
            + String.format(subnet, module + ".aws_subnet.s")
            + "]}";
    String m = module;
    while (m.contains(".module.")) {
      m = m.substring(0, m.lastIndexOf(".module.m"));
      values = "{\"address\": \"" + m + "\", \"child_modules\": [" + values + "]}";
    }
    String config =
        "{\"outputs\": {\"o\": {\"expression\": {\"references\": [\"aws_subnet.s.id\","
            + " \"aws_subnet.s\"]}}}, \"resources\": [{\"address\": \"aws_subnet.s\", \"mode\":"
            + " \"managed\", \"type\": \"aws_subnet\", \"name\": \"s\"}]}";
    for (int i = 0; i < depth - 1; i++) {
      config =
          "{\"outputs\": {\"o\": {\"expression\": {\"references\": [\"module.m.o\","
              + " \"module.m\", \"module.m.o\", \"module.m\", \"module.m.o\", \"module.m\"]}}},"
              + " \"module_calls\": {\"m\": {\"source\": \"./m\", \"module\": "
              + config
              + "}}}";
    }
    String ng =
        "{\"address\": \"aws_eks_node_group.ng\", \"mode\": \"managed\", \"type\":"
            + " \"aws_eks_node_group\", \"name\": \"ng\", \"values\": {\"cluster_name\":"
            + " \"c\", \"node_group_name\": \"ng\"}}";
    String plan =
        "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.0\",\n"
            + " \"planned_values\": {\"root_module\": {\"resources\": ["
            + ng
            + "], \"child_modules\": ["
            + values
            + "]}},\n \"resource_changes\": [{\"address\": \"aws_eks_node_group.ng\","
            + " \"mode\": \"managed\", \"type\": \"aws_eks_node_group\", \"name\": \"ng\","
            + " \"change\": {\"actions\": [\"create\"], \"after\": {\"cluster_name\": \"c\"},"
            + " \"after_unknown\": {\"subnet_ids\": true}}}],\n \"configuration\":"
            + " {\"root_module\": {\"resources\": [{\"address\": \"aws_eks_node_group.ng\","
            + " \"mode\": \"managed\", \"type\": \"aws_eks_node_group\", \"name\": \"ng\","
            + " \"expressions\": {\"subnet_ids\": {\"references\": [\"module.m.o\","
            + " \"module.m\"]}}}], \"module_calls\": {\"m\": {\"source\": \"./m\","
            + " \"module\": "
            + config
            + "}}}}}\n";
    return plan;
  }

  /** A VPC whose subnets all share one CIDR: n²/2 overlapping pairs before. */
  public static String sameCidrPlan(int subnets) {
    StringBuilder res = new StringBuilder();
    res.append(
        "{\"address\": \"aws_vpc.v\", \"mode\": \"managed\", \"type\": \"aws_vpc\", \"name\":"
            + " \"v\", \"values\": {\"id\": \"vpc-1\", \"cidr_block\": \"10.0.0.0/16\"}}");
    for (int i = 0; i < subnets; i++) {
      res.append(",\n{\"address\": \"aws_subnet.s[")
          .append(i)
          .append(
              "]\", \"mode\": \"managed\", \"type\": \"aws_subnet\", \"name\": \"s\","
                  + " \"index\": ")
          .append(i)
          .append(", \"values\": {\"id\": \"subnet-")
          .append(i)
          .append("\", \"vpc_id\": \"vpc-1\", \"cidr_block\": \"10.0.0.0/24\"}}");
    }
    return "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
        + res
        + "]}}}\n";
  }

  /** A config whose exclude and ignore globs are all stars (the JDK's matcher backtracks). */
  public static String manyStarConfig(int stars) {
    String glob = "*a".repeat(stars) + "*b";
    return "exclude: ['"
        + glob
        + "']\nignore:\n  - {rule: EKS-SVC-002, path: '"
        + glob
        + "', reason: generated}\n";
  }

  /** {@code text} after one NUL byte, padded to an even length (read as UTF-16 before). */
  public static byte[] leadingNul(byte[] text) {
    int len = text.length + 1;
    byte[] out = new byte[len + (len % 2)];
    System.arraycopy(text, 0, out, 1, text.length);
    if (out.length > len) {
      out[len] = '\n';
    }
    return out;
  }
}
