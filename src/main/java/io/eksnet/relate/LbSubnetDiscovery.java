package io.eksnet.relate;

import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;

/**
 * An ALB Ingress or NLB Service without a subnets annotation for which the AWS Load Balancer
 * Controller's subnet discovery finds too few subnets in the cluster's VPC: subnets with the role
 * tag of its scheme ({@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}),
 * not tagged for another cluster, one per AZ; or, with no subnet tagged, the public (or private)
 * subnets by their route to an internet gateway (controller 2.12.1+).
 */
public final class LbSubnetDiscovery {

  private final K8sObject object;
  private final String kind;
  private final String scheme;
  private final Location location;
  private final TerraformResource vpc;
  private final String tag;
  private final String found;
  private final int required;

  public LbSubnetDiscovery(
      K8sObject object,
      String kind,
      String scheme,
      Location location,
      TerraformResource vpc,
      String tag,
      String found,
      int required) {
    this.object = object;
    this.kind = kind;
    this.scheme = scheme;
    this.location = location;
    this.vpc = vpc;
    this.tag = tag;
    this.found = found;
    this.required = required;
  }

  public K8sObject getObject() {
    return object;
  }

  /** {@code ALB} or {@code NLB}. */
  public String getKind() {
    return kind;
  }

  public String getScheme() {
    return scheme;
  }

  public TerraformResource getVpc() {
    return vpc;
  }

  public String getTag() {
    return tag;
  }

  /** What discovery finds, for messages. */
  public String getFound() {
    return found;
  }

  /** {@code subnets in at least 2 availability zones} or {@code at least one subnet}. */
  public String describeRequired() {
    return required == 1
        ? "at least one subnet"
        : "subnets in at least " + required + " availability zones";
  }

  /** The scheme annotation, else where the controller is chosen. */
  public Location location() {
    return location;
  }
}
