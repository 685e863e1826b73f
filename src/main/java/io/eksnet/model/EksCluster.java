package io.eksnet.model;

import io.eksnet.net.Cidr;
import java.util.List;

/** An {@code aws_eks_cluster}: its VPC configuration and Kubernetes network configuration. */
@PublicFact("An `aws_eks_cluster`.")
public final class EksCluster extends TerraformResource {

  private final String clusterName;
  private final TfRefs vpc;
  private final TfRefs subnets;
  private final TfRefs securityGroups;
  private final String serviceIpv4CidrText;
  private final Cidr serviceIpv4Cidr;
  private final String ipFamily;
  private final Boolean endpointPublicAccess;
  private final Boolean endpointPrivateAccess;
  private final List<String> publicAccessCidrs;
  private final String clusterSecurityGroupId;

  public EksCluster(
      Header h,
      String clusterName,
      TfRefs vpc,
      TfRefs subnets,
      TfRefs securityGroups,
      String serviceIpv4CidrText,
      Cidr serviceIpv4Cidr,
      String ipFamily,
      Boolean endpointPublicAccess,
      Boolean endpointPrivateAccess,
      List<String> publicAccessCidrs,
      String clusterSecurityGroupId) {
    super(h);
    this.clusterName = clusterName;
    this.vpc = vpc;
    this.subnets = subnets;
    this.securityGroups = securityGroups;
    this.serviceIpv4CidrText = serviceIpv4CidrText;
    this.serviceIpv4Cidr = serviceIpv4Cidr;
    this.ipFamily = ipFamily;
    this.endpointPublicAccess = endpointPublicAccess;
    this.endpointPrivateAccess = endpointPrivateAccess;
    this.publicAccessCidrs = List.copyOf(publicAccessCidrs);
    this.clusterSecurityGroupId = clusterSecurityGroupId;
  }

  /**
   * {@code vpc_config[0].cluster_security_group_id}: the security group EKS creates for the cluster
   * and gives managed nodes without launch-template security groups; null until apply.
   */
  public String getClusterSecurityGroupId() {
    return clusterSecurityGroupId;
  }

  /**
   * True for a local cluster on AWS Outposts ({@code outpost_config}): its control plane runs on
   * the Outpost, whose subnets are all in the Outpost's one availability zone.
   */
  @FactField("True for a local cluster on AWS Outposts (`outpost_config` is set).")
  public boolean isLocalOnOutpost() {
    return !Tree.asList(getValues() == null ? null : getValues().get("outpost_config")).isEmpty();
  }

  /**
   * True for an EKS Auto Mode cluster: {@code compute_config[0].enabled} is true (EKS requires the
   * storage and load balancing capabilities to be on with it).
   */
  @FactField("True for an EKS Auto Mode cluster (`compute_config { enabled = true }`).")
  public boolean isAutoMode() {
    return "true".equals(str("compute_config", "0", "enabled"));
  }

  /** {@code name}; null when unknown. */
  @FactField("`name`.")
  public String getClusterName() {
    return clusterName;
  }

  /** {@code vpc_config[0].vpc_id} when known, else the VPC of the cluster's subnets. */
  public TfRefs getVpc() {
    return vpc;
  }

  public String getVpcAddress() {
    return vpc.single();
  }

  /** {@code vpc_config[0].subnet_ids}. */
  public TfRefs getSubnets() {
    return subnets;
  }

  /** {@code vpc_config[0].security_group_ids}. */
  public TfRefs getSecurityGroups() {
    return securityGroups;
  }

  /** {@code kubernetes_network_config[0].service_ipv4_cidr} as written; null when EKS picks it. */
  public String getServiceIpv4CidrText() {
    return serviceIpv4CidrText;
  }

  public Cidr getServiceIpv4Cidr() {
    return serviceIpv4Cidr;
  }

  /** {@code ipv4} (the default) or {@code ipv6}. */
  @FactField("`ipv4` (the default) or `ipv6`.")
  public String getIpFamily() {
    return ipFamily;
  }

  @FactField("True for an IPv6 cluster.")
  public boolean isIpv6() {
    return "ipv6".equalsIgnoreCase(ipFamily);
  }

  public Boolean getEndpointPublicAccess() {
    return endpointPublicAccess;
  }

  public Boolean getEndpointPrivateAccess() {
    return endpointPrivateAccess;
  }

  public List<String> getPublicAccessCidrs() {
    return publicAccessCidrs;
  }
}
