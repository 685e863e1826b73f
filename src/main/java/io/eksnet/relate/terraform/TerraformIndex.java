package io.eksnet.relate.terraform;

import io.eksnet.model.EksAddon;
import io.eksnet.model.EksCluster;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Thresholds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Terraform resources of a scan indexed for the {@link TerraformRelations}: every resource by
 * file and address (so a reference resolves in the file that makes it), the subnets and node groups
 * in scan order, EKS clusters and vpc-cni add-ons by cluster name, and the subnet utilization
 * threshold. It derives no fact itself: {@link RoutingRelations}, {@link CapacityRelations} and
 * {@link CidrRelations} read it.
 */
final class TerraformIndex {

  final Map<String, TerraformResource> byKey = new HashMap<>();
  final List<Subnet> subnets = new ArrayList<>();
  final List<NodeGroup> nodeGroups = new ArrayList<>();
  final Map<String, List<EksCluster>> clustersByName = new HashMap<>();
  final List<EksAddon> cniAddons = new ArrayList<>();
  private final Map<String, List<EksAddon>> cniByCluster = new HashMap<>();

  /** The {@code subnetUtilizationPercent} threshold. */
  final int threshold;

  /** The {@code prefixDelegationPodMemoryMib} threshold. */
  final int podMemoryMib;

  TerraformIndex(List<?> facts) {
    long t = Thresholds.DEFAULTS.get("subnetUtilizationPercent");
    long pm = Thresholds.DEFAULTS.get("prefixDelegationPodMemoryMib");
    for (Object f : facts) {
      if (f instanceof Thresholds th) {
        t = th.get("subnetUtilizationPercent");
        pm = th.get("prefixDelegationPodMemoryMib");
      }
      if (!(f instanceof TerraformResource r)) {
        continue;
      }
      byKey.put(r.getKey(), r);
      if (r instanceof Subnet s) {
        subnets.add(s);
      } else if (r instanceof NodeGroup g) {
        nodeGroups.add(g);
      } else if (r instanceof EksCluster c && c.getClusterName() != null) {
        clustersByName.computeIfAbsent(c.getClusterName(), k -> new ArrayList<>()).add(c);
      } else if (r instanceof EksAddon a && a.isVpcCni()) {
        cniAddons.add(a);
        if (a.getClusterName() != null) {
          cniByCluster.computeIfAbsent(a.getClusterName(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    this.threshold = (int) t;
    this.podMemoryMib = (int) Math.max(1, Math.min(pm, Integer.MAX_VALUE));
  }

  /** The resource of that type an address names from {@code from}'s file, or null. */
  <T> T get(TerraformResource from, String address, Class<T> type) {
    if (address == null) {
      return null;
    }
    TerraformResource r = byKey.get(TerraformResource.key(from.getFile(), address));
    return type.isInstance(r) ? type.cast(r) : null;
  }

  List<Subnet> subnetsOf(NodeGroup g) {
    List<Subnet> out = new ArrayList<>();
    for (String a : g.getSubnets().addresses()) {
      Subnet s = get(g, a, Subnet.class);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The cluster of that name, preferring the same file. */
  EksCluster cluster(TerraformResource from, String name) {
    return sameFileFirst(
        from, name == null ? List.of() : clustersByName.getOrDefault(name, List.of()));
  }

  /**
   * The vpc-cni add-on of the named cluster: from the file of the cluster when the cluster is in
   * the scan (a cluster without one runs the defaults), else by cluster name from any file (an
   * add-on managed in another state).
   */
  EksAddon addon(TerraformResource from, String clusterName) {
    if (clusterName == null) {
      // a single vpc-cni add-on in the same file is the cluster's
      List<EksAddon> same =
          cniAddons.stream().filter(a -> a.getFile().equals(from.getFile())).toList();
      return same.size() == 1 ? same.get(0) : null;
    }
    List<EksAddon> candidates = cniByCluster.getOrDefault(clusterName, List.of());
    EksCluster cluster = cluster(from, clusterName);
    if (cluster != null) {
      return candidates.stream()
          .filter(a -> a.getFile().equals(cluster.getFile()))
          .findFirst()
          .orElse(null);
    }
    return sameFileFirst(from, candidates);
  }

  private static <T extends TerraformResource> T sameFileFirst(
      TerraformResource from, List<T> candidates) {
    for (T c : candidates) {
      if (c.getFile().equals(from.getFile())) {
        return c;
      }
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }
}
