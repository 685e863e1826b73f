package io.eksnet.model;

import java.util.List;

/**
 * One security group rule, whichever way Terraform wrote it (an inline block, {@code
 * aws_security_group_rule}, or {@code aws_vpc_security_group_ingress_rule}/{@code _egress_rule}).
 *
 * @param ingress true for ingress, false for egress
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} (all)
 * @param fromPort first port; null when unknown or not applicable (all protocols)
 * @param toPort last port; null when unknown or not applicable
 * @param cidrs IPv4 CIDRs as written
 * @param ipv6Cidrs IPv6 CIDRs as written
 * @param prefixLists prefix list ids
 * @param sourceGroups the other security groups (addresses in the file, external ids, or unknown)
 * @param self true when the group admits itself
 * @param description the rule's description, or null
 */
public record SgRule(
    boolean ingress,
    String protocol,
    Integer fromPort,
    Integer toPort,
    List<String> cidrs,
    List<String> ipv6Cidrs,
    List<String> prefixLists,
    TfRefs sourceGroups,
    boolean self,
    String description) {

  public SgRule {
    cidrs = List.copyOf(cidrs);
    ipv6Cidrs = List.copyOf(ipv6Cidrs);
    prefixLists = List.copyOf(prefixLists);
  }

  /** True when the rule covers every protocol ({@code -1} or {@code all}). */
  public boolean allProtocols() {
    return "-1".equals(protocol) || "all".equalsIgnoreCase(protocol);
  }

  /** True when the rule admits {@code port} of {@code proto} ({@code tcp}/{@code udp}). */
  public boolean coversPort(String proto, int port) {
    if (allProtocols()) {
      return true;
    }
    if (!proto.equalsIgnoreCase(protocol)
        && !("tcp".equalsIgnoreCase(proto) && "6".equals(protocol))
        && !("udp".equalsIgnoreCase(proto) && "17".equals(protocol))) {
      return false;
    }
    if (fromPort == null || toPort == null) {
      return false;
    }
    return fromPort <= port && port <= toPort;
  }
}
