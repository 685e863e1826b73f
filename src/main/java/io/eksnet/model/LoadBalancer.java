package io.eksnet.model;

/** An {@code aws_lb} / {@code aws_alb}: type, scheme, subnets and security groups. */
public final class LoadBalancer extends TerraformResource {

  private final String lbName;
  private final String loadBalancerType;
  private final Boolean internal;
  private final TfRefs subnets;
  private final TfRefs securityGroups;

  public LoadBalancer(
      Header h,
      String lbName,
      String loadBalancerType,
      Boolean internal,
      TfRefs subnets,
      TfRefs securityGroups) {
    super(h);
    this.lbName = lbName;
    this.loadBalancerType = loadBalancerType;
    this.internal = internal;
    this.subnets = subnets;
    this.securityGroups = securityGroups;
  }

  public String getLbName() {
    return lbName;
  }

  /** {@code application} (the default), {@code network} or {@code gateway}. */
  public String getLoadBalancerType() {
    return loadBalancerType;
  }

  /** {@code internal}; null when unknown. */
  public Boolean getInternal() {
    return internal;
  }

  /** {@code subnets} and {@code subnet_mapping[].subnet_id}. */
  public TfRefs getSubnets() {
    return subnets;
  }

  public TfRefs getSecurityGroups() {
    return securityGroups;
  }
}
