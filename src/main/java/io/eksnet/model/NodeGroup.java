package io.eksnet.model;

import java.util.List;
import java.util.Map;

/** An {@code aws_eks_node_group}: instance types, scaling, subnets and launch template. */
@PublicFact("An `aws_eks_node_group`: cluster, subnets, instance types, scaling.")
public class NodeGroup extends TerraformResource {

  /** The provider's default {@code instance_types}. */
  public static final String DEFAULT_INSTANCE_TYPE = "t3.medium";

  private final String clusterName;
  private final String nodeGroupName;
  private final TfRefs subnets;
  private final List<String> instanceTypes;
  private final boolean instanceTypesKnown;
  private final Integer desiredSize;
  private final Integer minSize;
  private final Integer maxSize;
  private final TfRefs launchTemplate;
  private final String launchTemplateKey;
  private final String amiType;
  private final String capacityType;
  private final Map<String, String> labels;
  private final boolean labelsKnown;

  public NodeGroup(
      Header h,
      String clusterName,
      String nodeGroupName,
      TfRefs subnets,
      List<String> instanceTypes,
      boolean instanceTypesKnown,
      Integer desiredSize,
      Integer minSize,
      Integer maxSize,
      TfRefs launchTemplate,
      String launchTemplateKey,
      String amiType,
      String capacityType,
      Map<String, String> labels,
      boolean labelsKnown) {
    super(h);
    this.clusterName = clusterName;
    this.nodeGroupName = nodeGroupName;
    this.subnets = subnets;
    this.instanceTypes = List.copyOf(instanceTypes);
    this.instanceTypesKnown = instanceTypesKnown;
    this.desiredSize = desiredSize;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.launchTemplate = launchTemplate;
    this.launchTemplateKey = launchTemplateKey;
    this.amiType = amiType;
    this.capacityType = capacityType;
    this.labels = Map.copyOf(labels);
    this.labelsKnown = labelsKnown;
  }

  /** {@code cluster_name}; null when unknown. */
  @FactField("`cluster_name`.")
  public String getClusterName() {
    return clusterName;
  }

  /** {@code node_group_name} (or its prefix); null when unknown. */
  @FactField("`node_group_name` (or its prefix); null when unknown.")
  public String getNodeGroupName() {
    return nodeGroupName;
  }

  public TfRefs getSubnets() {
    return subnets;
  }

  /**
   * {@code instance_types} as set; empty when not set (then the launch template's type, else
   * {@value #DEFAULT_INSTANCE_TYPE}) or unknown.
   */
  @FactField(
      "`instance_types` as set; empty when not set (then the launch template's type, else the EKS default) or unknown.")
  public List<String> getInstanceTypes() {
    return instanceTypes;
  }

  /** False when {@code instance_types} is unknown until apply. */
  public boolean isInstanceTypesKnown() {
    return instanceTypesKnown;
  }

  @FactField("`scaling_config.desired_size`, or null when unknown.")
  public Integer getDesiredSize() {
    return desiredSize;
  }

  @FactField("`scaling_config.min_size`, or null when unknown.")
  public Integer getMinSize() {
    return minSize;
  }

  @FactField("`scaling_config.max_size`, or null when unknown.")
  public Integer getMaxSize() {
    return maxSize;
  }

  /** {@code launch_template[0]} resolved by id or name. */
  public TfRefs getLaunchTemplate() {
    return launchTemplate;
  }

  /** The launch template id or name as written; null without a launch template. */
  public String getLaunchTemplateKey() {
    return launchTemplateKey;
  }

  public boolean hasLaunchTemplate() {
    return launchTemplateKey != null || !launchTemplate.isEmpty();
  }

  /** {@code ami_type}; null when unset or unknown. */
  @FactField("`ami_type`; null when unset or unknown.")
  public String getAmiType() {
    return amiType;
  }

  @FactField("`capacity_type` (`ON_DEMAND` or `SPOT`); null when unset or unknown.")
  public String getCapacityType() {
    return capacityType;
  }

  /** {@code labels}: the Kubernetes labels EKS puts on the group's nodes; empty when unset. */
  public Map<String, String> getLabels() {
    return labels;
  }

  /** False when {@code labels} (or one of its values) is unknown until apply. */
  public boolean isLabelsKnown() {
    return labelsKnown;
  }

  /**
   * The instance types the capacity arithmetic assumes: {@link #getInstanceTypes()}, except where a
   * subtype sizes its nodes by one assumed type.
   */
  public List<String> getCapacityInstanceTypes() {
    return instanceTypes;
  }

  /**
   * The kubelet's max pods the group sets itself (not through a launch template); null for an
   * {@code aws_eks_node_group}, whose max pods come from its launch template or from EKS.
   */
  public Integer getKubeletMaxPods() {
    return null;
  }

  /** Where {@link #getKubeletMaxPods()} is set, and what sets it; null when it is not. */
  public Location getKubeletMaxPodsLocation() {
    return null;
  }

  /** What sets {@link #getKubeletMaxPods()}, for messages; null when it is not set. */
  public String describeKubeletMaxPods() {
    return null;
  }

  /** {@code max_size 6}: the size the capacity rules count, for messages. */
  public String describeMaxSize() {
    return "max_size " + maxSize;
  }

  /** {@code node group main (aws_eks_node_group.main)}, for messages. */
  public String describe() {
    return nodeGroupName == null
        ? getAddress()
        : "node group " + nodeGroupName + " (" + getAddress() + ")";
  }
}
