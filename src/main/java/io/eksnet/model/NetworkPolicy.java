package io.eksnet.model;

import java.util.List;

/** A Kubernetes NetworkPolicy: which pods it selects, its policy types and its rules. */
@PublicFact(
    "A Kubernetes NetworkPolicy (`networking.k8s.io`); its selector and rules are internal, the object's members are public.")
public final class NetworkPolicy extends K8sObject {

  private final LabelSelector podSelector;
  private final List<String> policyTypes;
  private final List<Rule> ingress;
  private final List<Rule> egress;

  /**
   * One ingress or egress rule. {@code everyPeer} is true when its {@code to}/{@code from} is
   * absent or an empty list, which matches every source or destination (pods, nodes and the
   * internet); false when peers are listed or the field could not be read.
   */
  public record Rule(List<String> path, List<Peer> peers, List<String> ports, boolean everyPeer) {
    public Rule {
      path = List.copyOf(path);
      peers = List.copyOf(peers);
      ports = List.copyOf(ports);
    }
  }

  /** A peer: pod and/or namespace selector, or an ipBlock with its exceptions. */
  public record Peer(
      LabelSelector podSelector,
      LabelSelector namespaceSelector,
      String cidr,
      List<String> except) {
    public Peer {
      except = List.copyOf(except);
    }
  }

  public NetworkPolicy(
      String file,
      Tree.TMap root,
      String defaultNamespace,
      LabelSelector podSelector,
      List<String> policyTypes,
      List<Rule> ingress,
      List<Rule> egress) {
    super(file, root, defaultNamespace);
    this.podSelector = podSelector;
    this.policyTypes = List.copyOf(policyTypes);
    this.ingress = List.copyOf(ingress);
    this.egress = List.copyOf(egress);
  }

  public LabelSelector getPodSelector() {
    return podSelector;
  }

  /** As Kubernetes reads it: written types, else Ingress plus Egress when egress rules exist. */
  public List<String> getPolicyTypes() {
    return policyTypes;
  }

  public List<Rule> getIngress() {
    return ingress;
  }

  public List<Rule> getEgress() {
    return egress;
  }
}
