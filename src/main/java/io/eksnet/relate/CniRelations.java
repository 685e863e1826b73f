package io.eksnet.relate;

import io.eksnet.aws.InstanceType;
import io.eksnet.aws.InstanceTypes;
import io.eksnet.model.EksAddon;
import io.eksnet.model.LaunchTemplate;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The VPC CNI as the scope configures it: the settings on which the Terraform vpc-cni add-on and
 * the aws-node DaemonSet disagree ({@link CniSettingConflict}: EKS-IP-013), and the
 * SecurityGroupPolicies whose pods cannot get a branch ENI because {@code ENABLE_POD_ENI} is off or
 * no node group has a trunking-capable instance type ({@link SgpNodeProblem}: EKS-IP-014).
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
      if (ds != null && !sameSetting(ds, e.getValue())) {
        out.add(new CniSettingConflict(a, awsNode, e.getKey(), e.getValue().trim(), ds.trim()));
      }
    }
  }

  /** Env values compare trimmed, booleans without case. */
  static boolean sameSetting(String a, String b) {
    String x = a.trim();
    String y = b.trim();
    boolean bools =
        (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"))
            && (y.equalsIgnoreCase("true") || y.equalsIgnoreCase("false"));
    return bools ? x.equalsIgnoreCase(y) : x.equals(y);
  }

  static void securityGroupPolicies(JoinIndex j, List<Object> out) {
    if (j.policies.isEmpty()) {
      return;
    }
    CniConfig cni = j.cni();
    if (cni != null && cni.getAddon() != null && cni.isKnown() && !cni.isTrue("ENABLE_POD_ENI")) {
      for (SecurityGroupPolicy p : j.policies) {
        out.add(
            new SgpNodeProblem(
                p,
                false,
                cni.describeSetting("ENABLE_POD_ENI"),
                cni.settingLocation("ENABLE_POD_ENI")));
      }
      return;
    }
    if (j.nodeGroups.isEmpty()) {
      return;
    }
    List<String> groups = new ArrayList<>();
    for (NodeGroup g : j.nodeGroups) {
      List<String> types = instanceTypes(j, g);
      if (types == null) {
        return;
      }
      for (String t : types) {
        Optional<InstanceType> it = InstanceTypes.builtIn().find(t);
        if (it.isEmpty() || it.get().trunkingCompatible() == null) {
          return;
        }
        if (it.get().trunkingCompatible()) {
          return; // pods can run on this node group
        }
      }
      groups.add(g.describe() + ": " + String.join(", ", types));
    }
    for (SecurityGroupPolicy p : j.policies) {
      out.add(
          new SgpNodeProblem(
              p, true, String.join("; ", groups), j.nodeGroups.get(0).getLocation()));
    }
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
