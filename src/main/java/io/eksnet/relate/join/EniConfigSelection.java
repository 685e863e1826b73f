package io.eksnet.relate.join;

import io.eksnet.model.NodeGroup;
import io.eksnet.relate.terraform.CniConfig;
import java.util.Set;

/**
 * Which ENIConfig a node takes under custom networking, as the VPC CNI decides it ({@code
 * GetNodeSpecificENIConfigName} in {@code pkg/eniconfig/eniconfig.go} of aws/amazon-vpc-cni-k8s):
 * the value of the node label {@code vpc.amazonaws.com/externalEniConfig}; else of the node
 * annotation named by {@code ENI_CONFIG_ANNOTATION_DEF}; else of the node label named by {@code
 * ENI_CONFIG_LABEL_DEF} (both default to {@code k8s.amazonaws.com/eniConfig}); else the ENIConfig
 * named {@code default}.
 *
 * <p>What the scan can tell, from the merged VPC CNI view and an {@code aws_eks_node_group}: a
 * label the node group sets in {@code labels}; the zone label, which every node carries, when
 * {@code ENI_CONFIG_LABEL_DEF} names it; the node group label EKS puts on managed nodes. Node
 * annotations are set at run time (the EKS guide's {@code kubectl annotate node}), which a
 * repository does not show: without {@code ENI_CONFIG_LABEL_DEF} or a label on the node group, or
 * with {@code ENI_CONFIG_ANNOTATION_DEF} written, the choice is unknown; so is a custom label the
 * node group does not set (user data or a controller may add it).
 */
final class EniConfigSelection {

  static final String EXTERNAL_LABEL = "vpc.amazonaws.com/externalEniConfig";
  static final String DEFAULT_KEY = "k8s.amazonaws.com/eniConfig";
  static final String LABEL_DEF = "ENI_CONFIG_LABEL_DEF";
  static final String ANNOTATION_DEF = "ENI_CONFIG_ANNOTATION_DEF";
  static final String NODEGROUP_LABEL = "eks.amazonaws.com/nodegroup";
  static final Set<String> ZONE_LABELS =
      Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");

  /** The ENIConfig name a node takes, and how, for messages ({@code by their zone label ...}). */
  record Choice(String name, String how) {}

  private final CniConfig cni;

  EniConfigSelection(CniConfig cni) {
    this.cni = cni;
  }

  private static String nonEmpty(String v) {
    return v == null || v.trim().isEmpty() ? null : v.trim();
  }

  /** {@code ENI_CONFIG_LABEL_DEF} as it applies; the default key when unset or empty. */
  String labelDef() {
    String v = nonEmpty(cni.value(LABEL_DEF));
    return v == null ? DEFAULT_KEY : v;
  }

  /** True when nodes select their ENIConfig by their zone name (a zone label is the label def). */
  boolean isByZone() {
    return ZONE_LABELS.contains(labelDef()) && !annotationsWritten();
  }

  private boolean annotationsWritten() {
    return nonEmpty(cni.value(ANNOTATION_DEF)) != null;
  }

  /** {@code by their zone label (ENI_CONFIG_LABEL_DEF=... in ...)}, for messages. */
  String describeByZone() {
    return "by their zone label (" + cni.describeSetting(LABEL_DEF) + ")";
  }

  /** The ENIConfig the nodes of this group in this zone take; null when the scan cannot tell. */
  Choice choose(NodeGroup g, String zone) {
    if (!g.isLabelsKnown()) {
      return null;
    }
    String external = nonEmpty(g.getLabels().get(EXTERNAL_LABEL));
    if (external != null) {
      return new Choice(external, byGroupLabel(g, EXTERNAL_LABEL, external));
    }
    if (annotationsWritten()) {
      return null; // selection by node annotations, set outside the repository
    }
    String def = labelDef();
    String labelled = nonEmpty(g.getLabels().get(def));
    if (labelled != null) {
      return new Choice(labelled, byGroupLabel(g, def, labelled));
    }
    if (ZONE_LABELS.contains(def)) {
      return zone == null ? null : new Choice(zone, describeByZone());
    }
    if (def.equals(NODEGROUP_LABEL) && g.getNodeGroupName() != null) {
      return new Choice(
          g.getNodeGroupName(),
          "by their label "
              + NODEGROUP_LABEL
              + "="
              + g.getNodeGroupName()
              + " ("
              + cni.describeSetting(LABEL_DEF)
              + ")");
    }
    return null;
  }

  private static String byGroupLabel(NodeGroup g, String key, String value) {
    return "by their label " + key + "=" + value + ", set in the labels of " + g.getAddress();
  }
}
