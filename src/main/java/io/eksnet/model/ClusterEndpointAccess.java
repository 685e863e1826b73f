package io.eksnet.model;

import java.util.List;

/**
 * Who can reach an EKS cluster's API server endpoint, as its {@code aws_eks_cluster} configures it,
 * with the EKS defaults where the configuration leaves an argument unset: {@code
 * endpoint_public_access} true, {@code endpoint_private_access} false, {@code public_access_cidrs}
 * {@code 0.0.0.0/0}.
 */
@PublicFact(
    "Who can reach an EKS cluster's API server endpoint (`vpc_config`), with the EKS defaults where the configuration leaves an argument unset.")
public record ClusterEndpointAccess(
    @FactField("The cluster.") EksCluster cluster,
    @FactField(
            "The public endpoint is on (`endpoint_public_access`, default true); null when unknown.")
        Boolean publicAccess,
    @FactField(
            "The private endpoint is on (`endpoint_private_access`, default false); null when unknown.")
        Boolean privateAccess,
    @FactField(
            "The CIDRs allowed to the public endpoint (`public_access_cidrs`; `0.0.0.0/0` when unset); empty when unknown.")
        List<String> publicAccessCidrs,
    @FactField(
            "True when `public_access_cidrs` is not written, so EKS's default `0.0.0.0/0` applies.")
        boolean publicAccessCidrsDefaulted) {

  public ClusterEndpointAccess {
    publicAccessCidrs = List.copyOf(publicAccessCidrs);
  }

  /** True when a public-access CIDR is {@code 0.0.0.0/0} or {@code ::/0}. */
  @FactField("True when the public endpoint admits every address (`0.0.0.0/0` or `::/0`).")
  public boolean isOpenToAll() {
    for (String c : publicAccessCidrs) {
      String t = c.trim();
      if (t.equals("0.0.0.0/0") || t.equals("::/0")) {
        return true;
      }
    }
    return false;
  }

  /** Where the public-access setting is written: the CIDRs, else the flag, else vpc_config. */
  public Location location() {
    if (!publicAccessCidrsDefaulted) {
      return cluster.at("vpc_config", "0", "public_access_cidrs");
    }
    return cluster.at("vpc_config", "0", "endpoint_public_access");
  }

  /** {@code public_access_cidrs = ["0.0.0.0/0"]} or the default, for messages. */
  public String describeCidrs() {
    return publicAccessCidrsDefaulted
        ? "public_access_cidrs unset, so EKS allows 0.0.0.0/0"
        : "public_access_cidrs = " + publicAccessCidrs;
  }
}
