package io.eksnet.model;

/**
 * An {@code aws_eks_pod_identity_association} of the Terraform in the scan: pods of the service
 * account get credentials from the EKS Pod Identity Agent, which calls the EKS Auth API.
 */
@PublicFact(
    "An `aws_eks_pod_identity_association` of the Terraform in the scan (EKS Pod Identity).")
public final class PodIdentityAssociation extends TerraformResource {

  private final String namespace;
  private final String serviceAccount;

  public PodIdentityAssociation(Header h, String namespace, String serviceAccount) {
    super(h);
    this.namespace = namespace;
    this.serviceAccount = serviceAccount;
  }

  @FactField("`namespace`; null when unknown.")
  public String getNamespace() {
    return namespace;
  }

  @FactField("`service_account`; null when unknown.")
  public String getServiceAccount() {
    return serviceAccount;
  }
}
