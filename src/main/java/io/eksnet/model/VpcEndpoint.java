package io.eksnet.model;

/** An {@code aws_vpc_endpoint}: a private path to an AWS service (ECR, S3, STS…). */
public final class VpcEndpoint extends TerraformResource {

  private final String serviceName;
  private final String endpointType;
  private final TfRefs vpc;

  public VpcEndpoint(Header h, String serviceName, String endpointType, TfRefs vpc) {
    super(h);
    this.serviceName = serviceName;
    this.endpointType = endpointType;
    this.vpc = vpc;
  }

  /** {@code service_name}, e.g. {@code com.amazonaws.eu-west-1.ecr.dkr}; null when unknown. */
  public String getServiceName() {
    return serviceName;
  }

  /** {@code Gateway} (the default), {@code Interface} or {@code GatewayLoadBalancer}. */
  public String getEndpointType() {
    return endpointType;
  }

  public TfRefs getVpc() {
    return vpc;
  }

  /** True for the ECR image endpoint, which private clusters use instead of a NAT gateway. */
  public boolean isEcrImages() {
    return "ecr.dkr".equals(getService());
  }

  private static final java.util.regex.Pattern REGION =
      java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

  /**
   * The service of {@code service_name} without its partition prefix and region: {@code ecr.dkr}
   * for {@code com.amazonaws.eu-west-1.ecr.dkr} (or {@code cn.com.amazonaws.cn-north-1.ecr.dkr}),
   * {@code s3}, {@code sts}; null when the name is unknown or names no region (an endpoint service
   * of another account, {@code com.amazonaws.vpce.…}).
   */
  public String getService() {
    return shortService(serviceName);
  }

  /** The short service name of a {@code service_name}, as {@link #getService}. */
  static String shortService(String serviceName) {
    if (serviceName == null) {
      return null;
    }
    String[] parts = serviceName.trim().split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      if (REGION.matcher(parts[i]).matches() && i > 0 && parts[i - 1].equals("amazonaws")) {
        return String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
      }
    }
    return null;
  }
}
