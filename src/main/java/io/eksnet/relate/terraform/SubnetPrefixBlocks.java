package io.eksnet.relate.terraform;

import io.eksnet.model.Subnet;
import java.util.List;

/**
 * A subnet that prefix-delegation nodes draw /28 blocks from: the blocks they need at max size, the
 * aligned /28 blocks free in the subnet, and the single addresses (node and ENI primaries, and
 * secondary IPs of other nodes) that EC2 scatters over it and that can each break up a block.
 */
public final class SubnetPrefixBlocks {

  private final Subnet subnet;
  private final long needed;
  private final long free;
  private final long singles;
  private final boolean prefixReservation;
  private final List<String> nodeGroups;

  public SubnetPrefixBlocks(
      Subnet subnet,
      long needed,
      long free,
      long singles,
      boolean prefixReservation,
      List<String> nodeGroups) {
    this.subnet = subnet;
    this.needed = needed;
    this.free = free;
    this.singles = singles;
    this.prefixReservation = prefixReservation;
    this.nodeGroups = List.copyOf(nodeGroups);
  }

  public Subnet getSubnet() {
    return subnet;
  }

  /** /28 blocks the nodes hold at max size. */
  public long getNeeded() {
    return needed;
  }

  /** Aligned /28 blocks free in a fresh subnet. */
  public long getFree() {
    return free;
  }

  /** Single addresses that can land anywhere in the subnet. */
  public long getSingles() {
    return singles;
  }

  /** True when a {@code prefix} CIDR reservation keeps blocks for prefixes. */
  public boolean isPrefixReservation() {
    return prefixReservation;
  }

  public List<String> getNodeGroups() {
    return nodeGroups;
  }

  /**
   * The free /28 blocks left when each single address the subnet also gives (node primary
   * addresses, other ENIs) breaks up one block: the worst case without a prefix reservation.
   */
  public long getFreeAfterSingles() {
    return free - Math.min(singles, free);
  }

  public String describeNodeGroups() {
    return String.join(", ", nodeGroups);
  }
}
