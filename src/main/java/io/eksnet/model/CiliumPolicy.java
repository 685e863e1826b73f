package io.eksnet.model;

import java.util.List;

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy, flattened to its egress rules (from
 * {@code spec} and every entry of {@code specs}).
 */
public final class CiliumPolicy extends K8sObject {

  private final List<EgressRule> egress;

  /**
   * One egress rule. {@code path} leads to it from the object root. {@code fqdns} holds its {@code
   * toFQDNs} selectors; {@code dnsProxy} is true when its {@code toPorts} carry {@code rules.dns}
   * (the rule that sends DNS through Cilium's proxy); {@code toEndpoints} holds the matchLabels of
   * its endpoint selectors; {@code endpointSelector} is the selector of the spec the rule belongs
   * to (the pods it applies to); {@code toCidrs}/{@code toCidrExcept} come from toCIDR and
   * toCIDRSet, {@code toEntities} from toEntities ({@code world}, {@code all}, ...).
   */
  public record EgressRule(
      LabelSelector endpointSelector,
      List<String> path,
      List<Fqdn> fqdns,
      boolean dnsProxy,
      List<java.util.Map<String, String>> toEndpoints,
      List<String> ports,
      List<String> toCidrs,
      List<String> toCidrExcept,
      List<String> toEntities) {
    public EgressRule {
      toCidrs = List.copyOf(toCidrs);
      toCidrExcept = List.copyOf(toCidrExcept);
      toEntities = List.copyOf(toEntities);
      path = List.copyOf(path);
      fqdns = List.copyOf(fqdns);
      toEndpoints = List.copyOf(toEndpoints);
      ports = List.copyOf(ports);
    }

    /** True when the rule sends DNS on port 53 through the DNS proxy. */
    public boolean allowsDnsThroughProxy() {
      return dnsProxy && (ports.isEmpty() || ports.contains("53"));
    }
  }

  /** A {@code toFQDNs} entry: exactly one of matchName / matchPattern is set. */
  public record Fqdn(String matchName, String matchPattern, List<String> path) {
    public Fqdn {
      path = List.copyOf(path);
    }

    public String describe() {
      return matchName != null ? matchName : matchPattern;
    }
  }

  private final List<LabelSelector> endpointSelectors;

  public CiliumPolicy(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      List<LabelSelector> endpointSelectors,
      List<EgressRule> egress) {
    super(file, root, defaultNamespace);
    this.endpointSelectors = List.copyOf(endpointSelectors);
    this.egress = List.copyOf(egress);
  }

  /** The endpoint (or node) selector of each spec: the pods the policy applies to. */
  public List<LabelSelector> getEndpointSelectors() {
    return endpointSelectors;
  }

  @Override
  protected boolean isNamespaced() {
    return !"CiliumClusterwideNetworkPolicy".equals(Tree.text(getRoot().get("kind")));
  }

  public List<EgressRule> getEgress() {
    return egress;
  }

  /** True when some egress rule uses {@code toFQDNs}. */
  public boolean hasFqdnRules() {
    return egress.stream().anyMatch(r -> !r.fqdns().isEmpty());
  }

  /** True when some egress rule lets DNS through Cilium's DNS proxy. */
  public boolean hasDnsProxyRule() {
    return egress.stream().anyMatch(EgressRule::allowsDnsThroughProxy);
  }

  /** The first egress rule with toFQDNs (where a finding about them points), or null. */
  public EgressRule firstFqdnRule() {
    return egress.stream().filter(r -> !r.fqdns().isEmpty()).findFirst().orElse(null);
  }

  /**
   * The names and patterns of all toFQDNs selectors, for messages ({@code api.example.com,
   * *.s3.amazonaws.com}).
   */
  public String describeFqdns() {
    StringBuilder sb = new StringBuilder();
    for (EgressRule r : egress) {
      for (Fqdn f : r.fqdns()) {
        if (f.describe() != null) {
          sb.append(sb.isEmpty() ? "" : ", ").append(f.describe());
        }
      }
    }
    return sb.toString();
  }

  /** A toFQDNs entry with {@code matchPattern: "*"} (allows every name), or null. */
  public Fqdn getMatchAllFqdn() {
    for (EgressRule r : egress) {
      for (Fqdn f : r.fqdns()) {
        if (f.matchPattern() != null && f.matchPattern().trim().equals("*")) {
          return f;
        }
      }
    }
    return null;
  }

  public Location fqdnAt(Fqdn f) {
    return at(f.path());
  }

  public Location ruleAt(EgressRule r, String... rest) {
    java.util.ArrayList<String> p = new java.util.ArrayList<>(r.path());
    p.addAll(List.of(rest));
    return at(p);
  }
}
