package io.eksnet.relate.terraform;

import io.eksnet.model.EksCluster;
import io.eksnet.net.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The address space an EKS cluster's network occupies: the CIDR blocks of its VPC (primary and
 * secondary associations) and of its subnets, each with a description ({@code VPC CIDR 10.0.0.0/16
 * of aws_vpc.main}, {@code subnet aws_subnet.a (10.0.1.0/24)}).
 */
public final class ClusterAddressSpace {

  /** One block of the cluster's address space. */
  public record Block(Cidr cidr, String description) {}

  private final EksCluster cluster;
  private final List<Block> blocks;

  public ClusterAddressSpace(EksCluster cluster, List<Block> blocks) {
    this.cluster = cluster;
    this.blocks = List.copyOf(blocks);
  }

  public EksCluster getCluster() {
    return cluster;
  }

  public List<Block> getBlocks() {
    return blocks;
  }

  /** The descriptions of the blocks that overlap {@code range}, in order (VPC, then subnets). */
  public List<String> overlapping(Cidr range) {
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.cidr().overlaps(range)) {
        out.add(b.description());
      }
    }
    return out;
  }

  /** True when a block overlaps {@code range}. */
  public boolean anyOverlaps(Cidr range) {
    return range != null && !overlapping(range).isEmpty();
  }

  /** The overlapping blocks' descriptions, comma-separated. */
  public String describeOverlapping(Cidr range) {
    return String.join(", ", overlapping(range));
  }
}
