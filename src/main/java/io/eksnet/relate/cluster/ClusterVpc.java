package io.eksnet.relate.cluster;

import io.eksnet.model.ClusterEndpointAccess;
import io.eksnet.model.FactField;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Vpc;

/**
 * The VPC of an EKS cluster in the scan, with its DNS attributes as the Terraform gives them
 * ({@code enable_dns_support}, {@code enable_dns_hostnames}; null when unknown) and the cluster's
 * endpoint access.
 */
@PublicFact(
    "The VPC of an EKS cluster in the scan, with its DNS attributes and the cluster's endpoint access.")
public record ClusterVpc(
    @FactField("The cluster's endpoint access (and the cluster).") ClusterEndpointAccess access,
    @FactField("The cluster's VPC.") Vpc vpc,
    @FactField("`enable_dns_support` of the VPC; null when unknown.") Boolean dnsSupport,
    @FactField("`enable_dns_hostnames` of the VPC; null when unknown.") Boolean dnsHostnames) {

  /** {@code enable_dns_support = false and enable_dns_hostnames = false}, the ones that are off. */
  public String describeDnsOff() {
    if (Boolean.FALSE.equals(dnsSupport) && Boolean.FALSE.equals(dnsHostnames)) {
      return "enable_dns_support = false and enable_dns_hostnames = false";
    }
    return Boolean.FALSE.equals(dnsSupport)
        ? "enable_dns_support = false"
        : "enable_dns_hostnames = false";
  }

  /** The first attribute that is off. */
  public io.eksnet.model.Location location() {
    return Boolean.FALSE.equals(dnsSupport)
        ? vpc.at("enable_dns_support")
        : vpc.at("enable_dns_hostnames");
  }
}
