package io.eksnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A Karpenter {@code NodePool} ({@code karpenter.sh/v1}, also {@code v1beta1}): the EC2NodeClass it
 * names, the requirements on its nodes, the kubelet's max pods where {@code v1beta1} puts it
 * ({@code spec.template.spec.kubelet}) and its {@code limits}.
 */
@PublicFact(
    "A Karpenter `NodePool` (`karpenter.sh/v1` or `v1beta1`): node class, requirements, kubelet max pods (v1beta1), limits.")
public final class KarpenterNodePool extends K8sObject {

  /** The API group. */
  public static final String API_GROUP = "karpenter.sh";

  /**
   * One entry of {@code spec.template.spec.requirements}.
   *
   * @param key the label, e.g. {@code node.kubernetes.io/instance-type}
   * @param operator {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}, {@code Gt},
   *     {@code Lt} (as written)
   * @param values the values as written
   */
  @PublicFact("A requirement of a Karpenter NodePool: key, operator and values as written.")
  public record Requirement(
      @FactField("The label, e.g. `node.kubernetes.io/instance-type`.") String key,
      @FactField("`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`, as written.")
          String operator,
      @FactField("The values as written.") List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }
  }

  private final String nodeClassName;
  private final boolean ec2NodeClass;
  private final boolean autoModeNodeClass;
  private final List<Requirement> requirements;
  private final Integer kubeletMaxPods;
  private final Double cpuLimit;
  private final Long memoryLimitMib;
  private final Integer replicas;
  private final Integer nodesLimit;

  public KarpenterNodePool(String file, Tree.TMap root) {
    super(file, root, "");
    Tree spec = Tree.path(root, "spec", "template", "spec");
    this.nodeClassName = Tree.text(Tree.path(spec, "nodeClassRef", "name"));
    String kind = Tree.text(Tree.path(spec, "nodeClassRef", "kind"));
    String group = Tree.text(Tree.path(spec, "nodeClassRef", "group"));
    String api = Tree.text(Tree.path(spec, "nodeClassRef", "apiVersion"));
    // an EKS Auto Mode NodePool names a NodeClass of eks.amazonaws.com instead
    this.ec2NodeClass =
        (kind == null || kind.equals("EC2NodeClass"))
            && (group == null || group.equals(Ec2NodeClass.API_GROUP))
            && (api == null || api.startsWith(Ec2NodeClass.API_GROUP + "/"));
    this.autoModeNodeClass = "NodeClass".equals(kind) && AutoModeNodeClass.API_GROUP.equals(group);
    List<Requirement> reqs = new ArrayList<>();
    for (Tree t : Tree.asList(Tree.path(spec, "requirements"))) {
      String key = Tree.text(Tree.path(t, "key"));
      String op = Tree.text(Tree.path(t, "operator"));
      if (key == null || op == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (Tree v : Tree.asList(Tree.path(t, "values"))) {
        String s = Tree.text(v);
        if (s != null) {
          values.add(s);
        }
      }
      reqs.add(new Requirement(key, op, values));
    }
    this.requirements = List.copyOf(reqs);
    this.kubeletMaxPods = Quantities.integer(Tree.path(spec, "kubelet", "maxPods"));
    this.cpuLimit = Quantities.cpu(Tree.text(Tree.path(root, "spec", "limits", "cpu")));
    this.memoryLimitMib = Quantities.mib(Tree.text(Tree.path(root, "spec", "limits", "memory")));
    this.replicas = Quantities.integer(Tree.path(root, "spec", "replicas"));
    this.nodesLimit = Quantities.integer(Tree.path(root, "spec", "limits", "nodes"));
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  /** {@code v1beta1} (kubelet settings in the NodePool) rather than {@code v1}. */
  public boolean isV1beta1() {
    return getApiVersion().endsWith("/v1beta1");
  }

  @FactField("`spec.template.spec.nodeClassRef.name`; null when unset.")
  public String getNodeClassName() {
    return nodeClassName;
  }

  /** True when {@code nodeClassRef} names an EC2NodeClass (not an EKS Auto Mode NodeClass). */
  @FactField(
      "True when `nodeClassRef` names a Karpenter EC2NodeClass (not an EKS Auto Mode NodeClass).")
  public boolean isEc2NodeClassRef() {
    return ec2NodeClass;
  }

  /**
   * True when {@code nodeClassRef} names an EKS Auto Mode NodeClass ({@code eks.amazonaws.com}).
   */
  @FactField(
      "True when `nodeClassRef` names an EKS Auto Mode NodeClass (group `eks.amazonaws.com`).")
  public boolean isAutoModeNodeClassRef() {
    return autoModeNodeClass;
  }

  @FactField("`spec.template.spec.requirements`, as written.")
  public List<Requirement> getRequirements() {
    return requirements;
  }

  /** {@code spec.template.spec.kubelet.maxPods} (v1beta1); null when unset. */
  @FactField("`spec.template.spec.kubelet.maxPods` (v1beta1); null when unset.")
  public Integer getKubeletMaxPods() {
    return kubeletMaxPods;
  }

  @FactField("`spec.limits.cpu` in cores; null when unset or unreadable.")
  public Double getCpuLimit() {
    return cpuLimit;
  }

  @FactField("`spec.limits.memory` in MiB; null when unset or unreadable.")
  public Long getMemoryLimitMib() {
    return memoryLimitMib;
  }

  /**
   * {@code spec.replicas}: a static NodePool keeps this many nodes whatever the pods ask; null for
   * a dynamic NodePool.
   */
  @FactField(
      "`spec.replicas` of a static NodePool (that many nodes, whatever the pods ask); null when unset.")
  public Integer getReplicas() {
    return replicas;
  }

  /** {@code spec.limits.nodes}; null when unset. */
  @FactField("`spec.limits.nodes`; null when unset.")
  public Integer getNodesLimit() {
    return nodesLimit;
  }

  /** True when {@code spec.limits} bounds CPU or memory. */
  public boolean hasLimits() {
    return cpuLimit != null || memoryLimitMib != null;
  }

  /** {@code NodePool default}, for messages. */
  public String describe() {
    return "Karpenter NodePool " + getName();
  }
}
