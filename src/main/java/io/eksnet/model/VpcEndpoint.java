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
    return serviceName != null && serviceName.endsWith(".ecr.dkr");
  }
}
