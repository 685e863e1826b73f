package io.eksnet.relate.k8s;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;

/**
 * What one egress rule that applies lets the selected pods reach: a NetworkPolicy egress rule (of a
 * policy whose policyTypes include Egress) or a Cilium egress rule. {@link #isInternet()}: the
 * destinations cover the whole internet (ipBlocks, toCIDR/toCIDRSet whose union, less the except
 * holes larger than the threshold, covers 0.0.0.0/0 or ::/0; toEntities world or all; a
 * NetworkPolicy rule without {@code to}, {@link #isEveryDestination()}). {@link
 * #isPolicyLimitsEgress()}: another rule of the policy names its destinations or a rule limits its
 * ports (a NetworkPolicy whose egress rules are all {@code {}} is a written allow-all).
 */
public final class EgressReach {
  private final K8sObject policy;
  private final Location location;
  private final String destinations;
  private final String ports;
  private final boolean allPorts;
  private final boolean https;
  private final boolean internet;
  private final boolean everyDestination;
  private final boolean policyLimitsEgress;

  public EgressReach(
      K8sObject policy,
      Location location,
      String destinations,
      String ports,
      boolean allPorts,
      boolean https,
      boolean internet,
      boolean everyDestination,
      boolean policyLimitsEgress) {
    this.policy = policy;
    this.location = location;
    this.destinations = destinations;
    this.ports = ports;
    this.allPorts = allPorts;
    this.https = https;
    this.internet = internet;
    this.everyDestination = everyDestination;
    this.policyLimitsEgress = policyLimitsEgress;
  }

  public K8sObject getPolicy() {
    return policy;
  }

  public Location location() {
    return location;
  }

  /**
   * E.g. {@code 0.0.0.0/0 except 10.0.0.0/8}, {@code toEntities world}, {@code every destination}.
   */
  public String getDestinations() {
    return destinations;
  }

  /** E.g. {@code all ports}, {@code port 443} or {@code ports 53, 8080}. */
  public String getPorts() {
    return ports;
  }

  /** True when the rule lists no ports or has a port entry without a port. */
  public boolean isAllPorts() {
    return allPorts;
  }

  /** True when the rule's ports include 443 (or the name https). */
  public boolean isHttps() {
    return https;
  }

  /** True when the destinations cover all of IPv4 or all of IPv6. */
  public boolean isInternet() {
    return internet;
  }

  /** True for a NetworkPolicy rule without {@code to}: every destination, not only the internet. */
  public boolean isEveryDestination() {
    return everyDestination;
  }

  /** True when the policy's egress rules name destinations or limit ports somewhere. */
  public boolean isPolicyLimitsEgress() {
    return policyLimitsEgress;
  }
}
