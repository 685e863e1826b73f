package io.eksnet.model;

/** An {@code aws_internet_gateway} and the VPC it is attached to. */
public final class InternetGateway extends TerraformResource {

  private final String id;
  private final TfRefs vpc;

  public InternetGateway(Header h, String id, TfRefs vpc) {
    super(h);
    this.id = id;
    this.vpc = vpc;
  }

  public String getId() {
    return id;
  }

  public TfRefs getVpc() {
    return vpc;
  }
}
