package io.eksnet.relate.k8s;

import io.eksnet.model.CiliumPolicy;

/**
 * {@code provider} holds an egress rule that sends DNS through Cilium's proxy for (at least) the
 * pods that {@code policy}'s toFQDNs rules apply to, so those FQDNs can be learned.
 */
public final class DnsProxyProvider {
  private final CiliumPolicy policy;
  private final CiliumPolicy provider;

  public DnsProxyProvider(CiliumPolicy policy, CiliumPolicy provider) {
    this.policy = policy;
    this.provider = provider;
  }

  public CiliumPolicy getPolicy() {
    return policy;
  }

  public CiliumPolicy getProvider() {
    return provider;
  }
}
