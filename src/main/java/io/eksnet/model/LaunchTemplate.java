package io.eksnet.model;

/**
 * An {@code aws_launch_template}: the instance type and the kubelet max pods found in its user data
 * ({@code --max-pods} for bootstrap.sh, {@code maxPods} of a nodeadm NodeConfig).
 */
public final class LaunchTemplate extends TerraformResource {

  private final String id;
  private final String templateName;
  private final String instanceType;
  private final Integer maxPods;
  private final String maxPodsSource;
  private final TfRefs securityGroups;

  public LaunchTemplate(
      Header h,
      String id,
      String templateName,
      String instanceType,
      Integer maxPods,
      String maxPodsSource,
      TfRefs securityGroups) {
    super(h);
    this.id = id;
    this.templateName = templateName;
    this.instanceType = instanceType;
    this.maxPods = maxPods;
    this.maxPodsSource = maxPodsSource;
    this.securityGroups = securityGroups;
  }

  /**
   * {@code vpc_security_group_ids} and the {@code security_groups} of its {@code
   * network_interfaces}: the node security groups of a managed node group that uses it (EKS then
   * adds no cluster security group). {@link TfRefs#NONE} when it sets none.
   */
  public TfRefs getSecurityGroups() {
    return securityGroups;
  }

  public String getId() {
    return id;
  }

  /** {@code name} (or {@code name_prefix}); null when unknown. */
  public String getTemplateName() {
    return templateName;
  }

  /** {@code instance_type}; null when unset. */
  public String getInstanceType() {
    return instanceType;
  }

  /** The kubelet max pods set in the user data; null when none was found. */
  public Integer getMaxPods() {
    return maxPods;
  }

  /** How the user data sets it, e.g. {@code --max-pods=110}; null when it does not. */
  public String getMaxPodsSource() {
    return maxPodsSource;
  }
}
