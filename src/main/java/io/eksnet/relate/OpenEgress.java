package io.eksnet.relate;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;

/**
 * An egress rule that lets the selected pods reach the whole internet on HTTPS or on every port:
 * ipBlocks (or Cilium toCIDR/toCIDRSet, toEntities world/all) whose union, less small except holes,
 * covers 0.0.0.0/0 or ::/0; or a NetworkPolicy egress rule without {@code to} ({@link
 * #isNoPeers()}), which allows every destination, in a policy that otherwise restricts egress.
 */
public final class OpenEgress {
  private final K8sObject policy;
  private final Location location;
  private final String destinations;
  private final String ports;
  private final boolean noPeers;

  public OpenEgress(K8sObject policy, Location location, String destinations, String ports) {
    this(policy, location, destinations, ports, false);
  }

  public OpenEgress(
      K8sObject policy, Location location, String destinations, String ports, boolean noPeers) {
    this.noPeers = noPeers;
    this.policy = policy;
    this.location = location;
    this.destinations = destinations;
    this.ports = ports;
  }

  public K8sObject getPolicy() {
    return policy;
  }

  public Location location() {
    return location;
  }

  /** E.g. {@code 0.0.0.0/0 except 10.0.0.0/8}. */
  public String getDestinations() {
    return destinations;
  }

  /** E.g. {@code all ports} or {@code port 443}. */
  public String getPorts() {
    return ports;
  }

  /** True for a rule without {@code to}: every destination, not only the internet. */
  public boolean isNoPeers() {
    return noPeers;
  }
}
