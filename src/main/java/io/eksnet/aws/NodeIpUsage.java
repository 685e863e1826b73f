package io.eksnet.aws;

/**
 * The VPC addresses one node holds under the warm-pool settings (DOMAIN.md 2.7, derived from the
 * worked tables of the VPC CNI docs), counting every ENI's primary address:
 *
 * <ul>
 *   <li>secondary IPs, {@code WARM_ENI_TARGET=W}: {@code ceil(p/s) + W} ENIs, each holding all
 *       {@code ipv4PerEni} addresses ({@code s = ipv4PerEni - 1}, {@code p} the pods that are not
 *       host-network);
 *   <li>secondary IPs, {@code WARM_IP_TARGET=w} / {@code MINIMUM_IP_TARGET=m}: {@code max(m, p +
 *       w)} secondary IPs plus one primary per ENI;
 *   <li>prefixes, {@code WARM_PREFIX_TARGET=P}: {@code ceil(p/16) + P} prefixes, or {@code
 *       ceil(max(m, p + w) / 16)} with IP targets; 16 addresses each plus one primary per ENI.
 * </ul>
 *
 * Growth stops at the instance's ENI limit ({@code MAX_ENI} if lower) and once the pool reaches the
 * node's max pods, as ipamd does. With custom networking the primary ENI keeps only the node's own
 * address in the node subnet and the pod ENIs draw from the ENIConfig subnet.
 *
 * @param mode the addressing mode in effect
 * @param pods non-host-network pods counted (at most what the node can address)
 * @param enis attached ENIs, the primary ENI included
 * @param secondaryIps secondary IPs held (secondary-IP mode)
 * @param prefixes /28 prefixes held (prefix mode)
 * @param nodeSubnetIps addresses taken from the node's subnet
 * @param podSubnetIps addresses taken from the custom-networking pod subnet (0 without it)
 */
public record NodeIpUsage(
    AddressingMode mode,
    int pods,
    int enis,
    int secondaryIps,
    int prefixes,
    int nodeSubnetIps,
    int podSubnetIps) {

  /** Addresses of all subnets held by the node. */
  public int totalIps() {
    return nodeSubnetIps + podSubnetIps;
  }

  /**
   * Usage with {@code pods} non-host-network pods on a node whose kubelet max pods is {@code
   * maxPods}.
   */
  public static NodeIpUsage of(InstanceType type, CniSettings cni, int maxPods, int pods) {
    if (pods < 0 || maxPods < 0) {
      throw new IllegalArgumentException("pods and maxPods must not be negative");
    }
    int eniLimit = cni.maxEni() > 0 ? Math.min(type.maxEnis(), cni.maxEni()) : type.maxEnis();
    int podEniLimit = Math.max(0, eniLimit - (cni.customNetworking() ? 1 : 0));
    int s = type.secondaryIpsPerEni();
    AddressingMode mode = cni.modeOn(type);

    int podEnis;
    int secondaries = 0;
    int prefixes = 0;
    int p;
    if (mode == AddressingMode.PREFIX_DELEGATION) {
      int prefixCapacity = podEniLimit * s;
      p = Math.min(pods, Math.min(prefixCapacity * MaxPods.IPS_PER_PREFIX, maxPods));
      int needed = ceilDiv(p, MaxPods.IPS_PER_PREFIX);
      int target =
          cni.usesIpTargets()
              ? ceilDiv(
                  Math.max(cni.minimumIpTarget(), p + Math.max(0, cni.warmIpTarget())),
                  MaxPods.IPS_PER_PREFIX)
              : needed + cni.warmPrefixTarget();
      int growthCeiling = Math.max(needed, ceilDiv(maxPods, MaxPods.IPS_PER_PREFIX));
      prefixes = min(target, growthCeiling, prefixCapacity);
      podEnis = ceilDiv(prefixes, s);
    } else {
      int capacity = podEniLimit * s;
      p = Math.min(pods, Math.min(capacity, maxPods));
      if (cni.usesIpTargets()) {
        int target = Math.max(cni.minimumIpTarget(), p + Math.max(0, cni.warmIpTarget()));
        secondaries = min(target, capacity, Math.max(p, maxPods));
        podEnis = ceilDiv(secondaries, s);
      } else {
        int needed = ceilDiv(p, s);
        podEnis =
            min(needed + cni.warmEniTarget(), podEniLimit, Math.max(needed, ceilDiv(maxPods, s)));
        secondaries = podEnis * s;
      }
    }
    int podAddresses = secondaries + prefixes * MaxPods.IPS_PER_PREFIX;
    if (cni.customNetworking()) {
      // The primary ENI holds only the node's address; pod ENIs sit in the ENIConfig subnet.
      return new NodeIpUsage(
          mode, p, 1 + podEnis, secondaries, prefixes, 1, podEnis + podAddresses);
    }
    int enis = Math.max(1, podEnis);
    return new NodeIpUsage(mode, p, enis, secondaries, prefixes, enis + podAddresses, 0);
  }

  /**
   * Usage on a full node: {@code maxPods - 2} non-host-network pods (the formula's two host-network
   * pods, aws-node and kube-proxy, use the node's own address).
   */
  public static NodeIpUsage atMaxPods(InstanceType type, CniSettings cni, int maxPods) {
    return of(type, cni, maxPods, Math.max(0, maxPods - MaxPods.HOST_NETWORK_PODS));
  }

  private static int ceilDiv(int a, int b) {
    return b == 0 ? 0 : Math.floorDiv(a + b - 1, b);
  }

  private static int min(int a, int b, int c) {
    return Math.min(a, Math.min(b, c));
  }
}
