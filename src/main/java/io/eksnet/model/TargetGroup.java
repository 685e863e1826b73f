package io.eksnet.model;

/** An {@code aws_lb_target_group} / {@code aws_alb_target_group}. */
public final class TargetGroup extends TerraformResource {

  private final String groupName;
  private final String targetType;
  private final Integer port;
  private final String protocol;
  private final TfRefs vpc;

  public TargetGroup(
      Header h, String groupName, String targetType, Integer port, String protocol, TfRefs vpc) {
    super(h);
    this.groupName = groupName;
    this.targetType = targetType;
    this.port = port;
    this.protocol = protocol;
    this.vpc = vpc;
  }

  public String getGroupName() {
    return groupName;
  }

  /** {@code instance} (the default), {@code ip}, {@code lambda} or {@code alb}. */
  public String getTargetType() {
    return targetType;
  }

  public Integer getPort() {
    return port;
  }

  public String getProtocol() {
    return protocol;
  }

  public TfRefs getVpc() {
    return vpc;
  }
}
