package io.eksnet.relate.join;

import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.model.EksAddon;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.Workload;
import io.eksnet.relate.terraform.CniConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The VPC CNI as the scope configures it: the settings both the Terraform vpc-cni add-on and the
 * aws-node DaemonSet write ({@link CniSettingBothSides}: EKS-IP-013), and whether nodes can offer
 * branch ENIs to pods with security groups ({@link PodEniSupport}: EKS-IP-014).
 */
final class CniRelations {

  private CniRelations() {}

  static void conflicts(JoinIndex j, List<Object> out) {
    CniConfig cni = j.cni();
    if (!cni.isBothSides() || !cni.isKnown()) {
      return;
    }
    EksAddon a = cni.getAddon();
    Workload awsNode = j.awsNode;
    for (Map.Entry<String, String> e : new TreeMap<>(a.getEnv()).entrySet()) {
      String ds = awsNode.env(e.getKey());
      if (ds != null) {
        out.add(new CniSettingBothSides(a, awsNode, e.getKey(), e.getValue().trim(), ds.trim()));
      }
    }
  }

  /**
   * Whether the cluster's nodes can offer branch ENIs ({@link PodEniSupport}): the add-on's {@code
   * ENABLE_POD_ENI}, and whether every node group's instance types are known and none can attach a
   * trunk ENI.
   */
  static void podEniSupport(JoinIndex j, List<Object> out) {
    CniConfig cni = j.cni();
    boolean off =
        cni != null && cni.getAddon() != null && cni.isKnown() && !cni.isTrue("ENABLE_POD_ENI");
    List<String> groups = noTrunkingNodeGroups(j);
    out.add(
        new PodEniSupport(
            off,
            off ? cni.describeSetting("ENABLE_POD_ENI") : null,
            off ? cni.settingLocation("ENABLE_POD_ENI") : null,
            groups != null,
            groups == null ? null : String.join("; ", groups),
            groups == null ? null : j.nodeGroups.get(0).getLocation()));
  }

  /**
   * The node groups with their instance types when the cluster has node groups, all their types are
   * known and in the instance table, and none can attach a trunk ENI; null otherwise.
   */
  private static List<String> noTrunkingNodeGroups(JoinIndex j) {
    if (j.nodeGroups.isEmpty()) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (NodeGroup g : j.nodeGroups) {
      List<String> types = instanceTypes(j, g);
      if (types == null) {
        return null;
      }
      for (String t : types) {
        Optional<InstanceType> it = InstanceTypes.builtIn().find(t);
        if (it.isEmpty() || it.get().trunkingCompatible() == null) {
          return null;
        }
        if (it.get().trunkingCompatible()) {
          return null; // pods can run on this node group
        }
      }
      groups.add(g.describe() + ": " + String.join(", ", types));
    }
    return groups;
  }

  /** The instance types of a node group; null when unknown. */
  private static List<String> instanceTypes(JoinIndex j, NodeGroup g) {
    if (!g.isInstanceTypesKnown()) {
      return null;
    }
    if (!g.getInstanceTypes().isEmpty()) {
      return g.getInstanceTypes();
    }
    LaunchTemplate lt = j.launchTemplate(g);
    if (lt != null && lt.getInstanceType() != null) {
      return List.of(lt.getInstanceType());
    }
    return g.hasLaunchTemplate() ? null : List.of(NodeGroup.DEFAULT_INSTANCE_TYPE);
  }

  /**
   * The CNI settings when {@link JoinRelations} has not tied the add-on and the DaemonSet to one
   * cluster: the aws-node DaemonSet (kube-system) alone when the scan has one, else the vpc-cni
   * add-on when the scan has exactly one; null otherwise.
   */
  static CniConfig fallback(List<?> facts) {
    Workload awsNode = null;
    List<EksAddon> addons = new java.util.ArrayList<>();
    for (Object f : facts) {
      if (f instanceof Workload w && awsNode == null && w.isAwsNode()) {
        awsNode = w;
      } else if (f instanceof EksAddon a && a.isVpcCni()) {
        addons.add(a);
      }
    }
    if (awsNode != null) {
      return new CniConfig(null, awsNode);
    }
    return addons.size() == 1 ? new CniConfig(addons.get(0), null) : null;
  }
}
