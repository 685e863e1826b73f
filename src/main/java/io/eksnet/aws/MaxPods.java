package io.eksnet.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The maximum number of pods on a node of one instance type (DOMAIN.md 2.1-2.4):
 *
 * <ul>
 *   <li>secondary IPs: {@code ENIs * (ipv4PerEni - 1) + 2}, the formula of eni-max-pods.txt;
 *   <li>prefix delegation (Nitro or bare metal only; otherwise ipamd falls back to secondary IPs):
 *       {@code ENIs * ((ipv4PerEni - 1) * 16) + 2};
 *   <li>custom networking: one ENI fewer, since the primary ENI serves no pod;
 *   <li>then the {@link MaxPodsCap}.
 * </ul>
 *
 * <p>ENIs are the default network card's ({@link InstanceType#maxEnis()}). The {@code + 2} is
 * headroom for the host-network pods {@code aws-node} and {@code kube-proxy}.
 *
 * @param instanceType the type's name
 * @param mode the addressing mode actually in effect
 * @param enisForPods ENIs whose addresses go to pods
 * @param uncapped the formula's value ({@code --show-max-allowed} of the calculator)
 * @param value the max pods after the cap
 * @param caveats why the value may be off (unknown vCPUs, bare metal without a reported
 *     hypervisor); empty when the inputs are certain
 */
public record MaxPods(
    String instanceType,
    AddressingMode mode,
    int enisForPods,
    int uncapped,
    int value,
    List<String> caveats) {

  /** Pod addresses per /28 prefix. */
  static final int IPS_PER_PREFIX = 16;

  /** Host-network pods the formula leaves room for (aws-node and kube-proxy). */
  public static final int HOST_NETWORK_PODS = 2;

  /** Copies the caveat list. */
  public MaxPods {
    caveats = List.copyOf(caveats);
  }

  /** The eni-max-pods.txt value: secondary IPs, all ENIs, no cap. */
  public static MaxPods of(InstanceType type) {
    return of(type, CniSettings.eksDefaults(), MaxPodsCap.NONE);
  }

  /** Max pods for the type under the given CNI settings and cap. */
  public static MaxPods of(InstanceType type, CniSettings cni, MaxPodsCap cap) {
    List<String> caveats = new ArrayList<>();
    AddressingMode mode = cni.modeOn(type);
    if (mode == AddressingMode.PREFIX_DELEGATION && type.hypervisor() != Hypervisor.NITRO) {
      caveats.add(
          type.name()
              + " is bare metal with no reported hypervisor: ipamd allows prefix delegation on"
              + " it, but the EKS max-pods calculator uses the secondary-IP formula for it");
    }
    int enis = Math.max(0, type.maxEnis() - (cni.customNetworking() ? 1 : 0));
    int perEni = type.secondaryIpsPerEni();
    int uncapped =
        mode == AddressingMode.PREFIX_DELEGATION
            ? enis * (perEni * IPS_PER_PREFIX) + HOST_NETWORK_PODS
            : enis * perEni + HOST_NETWORK_PODS;
    int ceiling =
        switch (cap) {
          case NONE -> Integer.MAX_VALUE;
          case AUTO_MODE -> MaxPodsCap.SMALL;
          case EKS_RECOMMENDED -> {
            if (type.vcpus() != null) {
              yield type.vcpus() > MaxPodsCap.VCPU_THRESHOLD ? MaxPodsCap.LARGE : MaxPodsCap.SMALL;
            }
            if (uncapped > MaxPodsCap.SMALL) {
              caveats.add(
                  "the vCPU count of "
                      + type.name()
                      + " is unknown; assumed more than 30, so the cap is 250 rather than 110");
            }
            yield MaxPodsCap.LARGE;
          }
        };
    return new MaxPods(type.name(), mode, enis, uncapped, Math.min(uncapped, ceiling), caveats);
  }

  /**
   * Max pods for a node group of several instance types: managed node groups apply the smallest
   * value among the types to all nodes. Returns that type's result (the first on a tie).
   */
  public static MaxPods forNodeGroup(
      Collection<InstanceType> types, CniSettings cni, MaxPodsCap cap) {
    MaxPods smallest = null;
    for (InstanceType t : types) {
      MaxPods m = of(t, cni, cap);
      if (smallest == null || m.value < smallest.value) {
        smallest = m;
      }
    }
    if (smallest == null) {
      throw new IllegalArgumentException("a node group needs at least one instance type");
    }
    return smallest;
  }

  /** True when the cap lowered the value. */
  public boolean isCapped() {
    return value < uncapped;
  }

  /** True when a caveat applies. */
  public boolean isUncertain() {
    return !caveats.isEmpty();
  }
}
