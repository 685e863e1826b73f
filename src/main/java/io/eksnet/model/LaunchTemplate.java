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
  private final String imageId;
  private final boolean amiDefaultMaxPods;

  public LaunchTemplate(
      Header h,
      String id,
      String templateName,
      String instanceType,
      Integer maxPods,
      String maxPodsSource,
      TfRefs securityGroups,
      String imageId,
      boolean amiDefaultMaxPods) {
    super(h);
    this.imageId = imageId;
    this.amiDefaultMaxPods = amiDefaultMaxPods;
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

  /**
   * {@code image_id}: null when unset or unknown. A managed node group whose launch template names
   * an AMI (even an EKS optimized one) is a custom-AMI node group: EKS adds no bootstrap user data
   * and does not compute max pods for it.
   */
  public String getImageId() {
    return imageId;
  }

  /**
   * Whether max pods provably comes from the EKS AMI's table: {@code image_id} is set, and the user
   * data is known, is a {@code bootstrap.sh} script or a nodeadm {@code NodeConfig} (not
   * Bottlerocket settings, whose defaults eksnet does not model), and sets max pods in no form
   * ({@code --max-pods}, {@code --use-max-pods}, {@code maxPods}, {@code maxPodsExpression}).
   * {@code bootstrap.sh} then reads {@code eni-max-pods.txt} and nodeadm computes the same formula
   * from the default card's ENIs; neither knows about custom networking.
   */
  public boolean isAmiDefaultMaxPods() {
    return amiDefaultMaxPods;
  }
}
