package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * A Karpenter NodePool with its EC2NodeClass, read as a node group so that the capacity, prefix
 * delegation, max pods and trunk ENI rules and {@code eksnet capacity} treat it like one: its
 * subnets are those of the Terraform that the EC2NodeClass's subnet selector terms match, its
 * instance types those of the built-in table its requirements allow, its max size the nodes of the
 * smallest allowed type that fit in its {@code limits} (0 without limits: no demand is counted),
 * and its kubelet max pods where the API version puts it. A NodePool whose types cannot be told
 * (open-ended requirements) or without its EC2NodeClass is one of unknown types, which no capacity
 * is computed for. Findings point at the NodePool.
 *
 * <p>Its {@link #getFile()} is the Terraform file of its subnets (references resolve there); its
 * {@link #getLocation()} is in the NodePool's manifest.
 */
@PublicFact(
    "A Karpenter NodePool (with its EC2NodeClass) read as a node group: subnets by selector terms, allowed instance types, nodes at its limits, kubelet max pods; a NodeGroup whose location is the NodePool.")
public final class NodePoolNodes extends NodeGroup {

  private final KarpenterNodePool pool;
  private final Ec2NodeClass nodeClass;
  private final List<String> capacityTypes;
  private final String sizing;
  private final Integer kubeletMaxPods;
  private final Location kubeletMaxPodsLocation;

  /**
   * @param h the header: the Terraform file of the subnets, the NodePool's tree
   * @param pool the NodePool
   * @param nodeClass its EC2NodeClass
   * @param subnets the matched subnets (addresses in {@code h.file()})
   * @param types the instance types the requirements allow
   * @param typesKnown false when the requirements are open-ended or name a type or property not
   *     known here (then {@code types} is empty)
   * @param capacityTypes the type the capacity arithmetic assumes (the smallest allowed type), or
   *     all allowed types without limits
   * @param desiredNodes the nodes a static NodePool keeps ({@code spec.replicas}); 0 otherwise
   * @param maxNodes nodes at the limits (for a static NodePool: its replicas, or {@code
   *     limits.nodes} when higher); 0 without limits
   * @param sizing how {@code maxNodes} was found, for messages
   * @param kubeletMaxPods the kubelet's max pods, or null
   * @param kubeletMaxPodsLocation where it is set, or null
   */
  public NodePoolNodes(
      Header h,
      KarpenterNodePool pool,
      Ec2NodeClass nodeClass,
      TfRefs subnets,
      List<String> types,
      boolean typesKnown,
      List<String> capacityTypes,
      int desiredNodes,
      int maxNodes,
      String sizing,
      Integer kubeletMaxPods,
      Location kubeletMaxPodsLocation) {
    super(
        h,
        null,
        pool.getName(),
        subnets,
        types,
        typesKnown,
        desiredNodes,
        desiredNodes,
        maxNodes,
        TfRefs.NONE,
        null,
        null,
        null,
        Map.of(),
        true);
    this.pool = pool;
    this.nodeClass = nodeClass;
    this.capacityTypes = List.copyOf(capacityTypes);
    this.sizing = sizing;
    this.kubeletMaxPods = kubeletMaxPods;
    this.kubeletMaxPodsLocation = kubeletMaxPodsLocation;
  }

  @FactField("The NodePool.")
  public KarpenterNodePool getPool() {
    return pool;
  }

  @FactField("The EC2NodeClass the NodePool names.")
  public Ec2NodeClass getNodeClass() {
    return nodeClass;
  }

  @Override
  public List<String> getCapacityInstanceTypes() {
    return capacityTypes;
  }

  @Override
  public Integer getKubeletMaxPods() {
    return kubeletMaxPods;
  }

  @Override
  public String describeKubeletMaxPods() {
    if (kubeletMaxPods == null) {
      return null;
    }
    return nodeClass.getKubeletMaxPods() != null
        ? "spec.kubelet.maxPods of EC2NodeClass " + nodeClass.getName()
        : "spec.template.spec.kubelet.maxPods";
  }

  @Override
  public Location getKubeletMaxPodsLocation() {
    return kubeletMaxPodsLocation;
  }

  /**
   * What sizes the NodePool: {@code spec.replicas} of a static NodePool ({@code limits.nodes} when
   * it lets the pool grow beyond them), else its {@code limits}, else the NodePool itself.
   */
  @Override
  public Location getLocation() {
    if (pool.getReplicas() != null) {
      return pool.getNodesLimit() != null && pool.getNodesLimit() > pool.getReplicas()
          ? pool.at("spec", "limits", "nodes")
          : pool.at("spec", "replicas");
    }
    return pool.hasLimits() ? pool.at("spec", "limits") : pool.getLocation();
  }

  @Override
  public Location at(String... path) {
    return getLocation();
  }

  @Override
  public String getDisplayName() {
    return pool.describe();
  }

  @Override
  public String describeMaxSize() {
    return sizing;
  }

  @Override
  public String describe() {
    return pool.describe();
  }
}
