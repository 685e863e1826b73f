package io.eksnet.relate.terraform;

import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Vpc;
import io.eksnet.model.VpcCidrAssociation;
import io.eksnet.net.Cidr;
import io.eksnet.net.Overlaps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Address ranges: subnets of one VPC whose CIDRs overlap, found by a sorted sweep per VPC ({@link
 * SubnetOverlap}: EKS-VPC-001), the address space of each cluster's VPC and subnets ({@link
 * ClusterAddressSpace}: EKS-VPC-002), and the secondary ranges of the VPC of each vpc-cni add-on's
 * cluster, from CIDR associations and from subnets outside the primary CIDR ({@link
 * ClusterNetwork}: EKS-IP-006).
 */
final class CidrRelations {

  private final TerraformIndex t;
  private final List<?> facts;
  private Map<String, List<Cidr>> secondaryByVpc;

  private CidrRelations(TerraformIndex t, List<?> facts) {
    this.t = t;
    this.facts = facts;
  }

  static void compute(TerraformIndex t, List<?> facts, List<Object> out) {
    CidrRelations r = new CidrRelations(t, facts);
    r.overlaps(out);
    r.addressSpaces(out);
    r.clusterNetworks(out);
  }

  private void overlaps(List<Object> out) {
    Map<String, List<Subnet>> byVpc = new LinkedHashMap<>();
    for (Subnet s : t.subnets) {
      if (s.getCidr() == null) {
        continue;
      }
      String vpc;
      if (s.getVpcAddress() != null) {
        vpc = TerraformResource.key(s.getFile(), s.getVpcAddress());
      } else if (s.getVpc().external().size() == 1) {
        vpc = s.getVpc().external().get(0); // an existing VPC, by id
      } else {
        continue;
      }
      byVpc.computeIfAbsent(vpc, k -> new ArrayList<>()).add(s);
    }
    for (List<Subnet> group : byVpc.values()) {
      overlaps(group, out);
    }
  }

  /**
   * The overlapping pairs of one VPC's subnets, without the n²/2 pairs of n subnets that share one
   * CIDR: each later subnet of a CIDR pairs with the first subnet of that CIDR, and distinct
   * overlapping CIDRs (nested blocks, at most 128 deep) pair through their first subnets. Every
   * subnet that overlaps another is still the later side of at least one pair.
   */
  private static void overlaps(List<Subnet> subnets, List<Object> out) {
    Map<Cidr, List<Subnet>> byCidr = new LinkedHashMap<>();
    for (Subnet s : subnets) {
      byCidr.computeIfAbsent(s.getCidr(), k -> new ArrayList<>()).add(s);
    }
    List<Subnet> firsts = new ArrayList<>();
    for (List<Subnet> same : byCidr.values()) {
      firsts.add(same.get(0));
    }
    List<Overlaps.Pair<Subnet>> pairs = new ArrayList<>(Overlaps.find(firsts, Subnet::getCidr));
    for (List<Subnet> same : byCidr.values()) {
      for (int i = 1; i < same.size(); i++) {
        pairs.add(new Overlaps.Pair<>(same.get(0), same.get(i)));
      }
    }
    Map<Subnet, Integer> position = new java.util.IdentityHashMap<>();
    for (Subnet s : subnets) {
      position.put(s, position.size());
    }
    // in input order of first, then second, as Overlaps.find gives them
    pairs.sort(
        java.util.Comparator.<Overlaps.Pair<Subnet>>comparingInt(p -> position.get(p.first()))
            .thenComparingInt(p -> position.get(p.second())));
    for (Overlaps.Pair<Subnet> p : pairs) {
      String a = p.first().getId();
      if (a != null && a.equals(p.second().getId())) {
        continue;
      }
      out.add(new SubnetOverlap(p.first(), p.second()));
    }
  }

  private List<Cidr> vpcCidrs(Vpc v) {
    List<Cidr> out = new ArrayList<>();
    if (v.getCidr() != null) {
      out.add(v.getCidr());
    }
    out.addAll(secondaryCidrs(v));
    return out;
  }

  private List<Cidr> secondaryCidrs(Vpc v) {
    if (secondaryByVpc == null) {
      secondaryByVpc = new HashMap<>();
      for (Object f : facts) {
        if (f instanceof VpcCidrAssociation a && a.getVpcAddress() != null && a.getCidr() != null) {
          secondaryByVpc
              .computeIfAbsent(
                  TerraformResource.key(a.getFile(), a.getVpcAddress()), k -> new ArrayList<>())
              .add(a.getCidr());
        }
      }
    }
    return secondaryByVpc.getOrDefault(v.getKey(), List.of());
  }

  private void addressSpaces(List<Object> out) {
    for (Object f : facts) {
      if (!(f instanceof EksCluster c)) {
        continue;
      }
      List<ClusterAddressSpace.Block> blocks = new ArrayList<>();
      Vpc vpc = t.get(c, c.getVpcAddress(), Vpc.class);
      if (vpc != null) {
        for (Cidr v : vpcCidrs(vpc)) {
          blocks.add(new ClusterAddressSpace.Block(v, "VPC CIDR " + v + " of " + vpc.getAddress()));
        }
      }
      for (String a : c.getSubnets().addresses()) {
        Subnet s = t.get(c, a, Subnet.class);
        if (s != null && s.getCidr() != null) {
          blocks.add(new ClusterAddressSpace.Block(s.getCidr(), "subnet " + s.describe()));
        }
      }
      out.add(new ClusterAddressSpace(c, blocks));
    }
  }

  private void clusterNetworks(List<Object> out) {
    for (EksAddon a : t.cniAddons) {
      EksCluster c = t.cluster(a, a.getClusterName());
      if (c == null) {
        List<EksCluster> same = new ArrayList<>();
        for (List<EksCluster> cs : t.clustersByName.values()) {
          cs.stream().filter(x -> x.getFile().equals(a.getFile())).forEach(same::add);
        }
        c = a.getClusterName() == null && same.size() == 1 ? same.get(0) : null;
      }
      Vpc vpc = c == null ? null : t.get(c, c.getVpcAddress(), Vpc.class);
      if (vpc == null) {
        continue;
      }
      List<Cidr> secondary = new ArrayList<>(secondaryCidrs(vpc));
      for (Subnet s : t.subnets) {
        if (s.getCidr() != null
            && vpc.getAddress().equals(s.getVpcAddress())
            && s.getFile().equals(vpc.getFile())
            && vpc.getCidr() != null
            && !vpc.getCidr().contains(s.getCidr())
            && !secondary.contains(s.getCidr())) {
          secondary.add(s.getCidr());
        }
      }
      out.add(new ClusterNetwork(a, vpc, secondary));
    }
  }
}
