package io.eksnet.aws;

import java.util.Objects;

/**
 * The networking limits of one EC2 instance type, as the VPC CNI uses them.
 *
 * @param name the instance type, e.g. {@code m5.large}
 * @param maxEnis ENIs the VPC CNI may use: on multi-card types only the <b>default network
 *     card's</b> {@code MaximumNetworkInterfaces}, as in eni-max-pods.txt and nodeadm
 * @param ipv4PerEni IPv4 addresses per ENI, the ENI's own primary address included
 * @param hypervisor the reported hypervisor
 * @param bareMetal whether the type is bare metal
 * @param networkCards number of network cards
 * @param allCardsMaxEnis ENIs over all cards (differs from {@code maxEnis} on multi-card types)
 * @param trunkingCompatible whether a trunk ENI can be attached (security groups for pods); null
 *     when unknown
 * @param branchInterfaces branch ENIs per node for security groups for pods; null when unknown
 * @param vcpus {@code VCpuInfo.DefaultVCpus}; null when unknown
 * @param memoryMib {@code MemoryInfo.SizeInMiB}; null when unknown
 */
public record InstanceType(
    String name,
    int maxEnis,
    int ipv4PerEni,
    Hypervisor hypervisor,
    boolean bareMetal,
    int networkCards,
    int allCardsMaxEnis,
    Boolean trunkingCompatible,
    Integer branchInterfaces,
    Integer vcpus,
    Integer memoryMib) {

  /**
   * GPU, machine-learning or FPGA families (p, g, inf, trn, dl, f, vt, gr): their nodes are sized
   * for their accelerators, which a pod or a few claim, not for pod density.
   */
  private static final java.util.regex.Pattern ACCELERATED =
      java.util.regex.Pattern.compile("(p|g|inf|trn|dl|f|vt|gr)[0-9].*");

  /** True for an accelerated family (GPU, Inferentia, Trainium, Gaudi, FPGA, video transcoding). */
  public boolean isAccelerated() {
    String family = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    return ACCELERATED.matcher(family).matches();
  }

  /** A type whose memory is unknown. */
  public InstanceType(
      String name,
      int maxEnis,
      int ipv4PerEni,
      Hypervisor hypervisor,
      boolean bareMetal,
      int networkCards,
      int allCardsMaxEnis,
      Boolean trunkingCompatible,
      Integer branchInterfaces,
      Integer vcpus) {
    this(
        name,
        maxEnis,
        ipv4PerEni,
        hypervisor,
        bareMetal,
        networkCards,
        allCardsMaxEnis,
        trunkingCompatible,
        branchInterfaces,
        vcpus,
        null);
  }

  /** Checks that the limits are positive and consistent. */
  public InstanceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hypervisor, "hypervisor");
    if (name.isBlank()) {
      throw new IllegalArgumentException("instance type name is blank");
    }
    if (maxEnis < 1 || ipv4PerEni < 1 || networkCards < 1 || allCardsMaxEnis < maxEnis) {
      throw new IllegalArgumentException(
          name
              + ": implausible limits maxEnis="
              + maxEnis
              + " ipv4PerEni="
              + ipv4PerEni
              + " networkCards="
              + networkCards
              + " allCardsMaxEnis="
              + allCardsMaxEnis);
    }
    if ((branchInterfaces != null && branchInterfaces < 0)
        || (vcpus != null && vcpus < 1)
        || (memoryMib != null && memoryMib < 1)) {
      throw new IllegalArgumentException(
          name
              + ": implausible branchInterfaces="
              + branchInterfaces
              + " vcpus="
              + vcpus
              + " memoryMib="
              + memoryMib);
    }
  }

  /** Secondary IPv4 addresses (or /28 prefix slots) per ENI: {@code ipv4PerEni - 1}. */
  public int secondaryIpsPerEni() {
    return ipv4PerEni - 1;
  }

  /**
   * Whether ipamd allows prefix delegation here: Nitro, or bare metal (ipamd's {@code
   * IsPrefixDelegationSupported}; the VPC CNI supports Nitro bare metal since v1.11).
   */
  public boolean prefixDelegationSupported() {
    return hypervisor == Hypervisor.NITRO || bareMetal;
  }

  /** This type with the unknown fields (null) filled from {@code base}. */
  InstanceType withUnknownsFrom(InstanceType base) {
    return new InstanceType(
        name,
        maxEnis,
        ipv4PerEni,
        hypervisor,
        bareMetal,
        networkCards,
        allCardsMaxEnis,
        trunkingCompatible != null ? trunkingCompatible : base.trunkingCompatible,
        branchInterfaces != null ? branchInterfaces : base.branchInterfaces,
        vcpus != null ? vcpus : base.vcpus,
        memoryMib != null ? memoryMib : base.memoryMib);
  }
}
