package io.eksnet.model;

/**
 * An {@code aws_iam_openid_connect_provider} of the Terraform in the scan: with an EKS cluster's
 * issuer URL it sets up IAM roles for service accounts (IRSA), whose pods get credentials from STS
 * ({@code AssumeRoleWithWebIdentity}).
 */
@PublicFact(
    "An `aws_iam_openid_connect_provider` of the Terraform in the scan (IAM roles for service accounts).")
public final class IamOidcProvider extends TerraformResource {

  private final String url;

  public IamOidcProvider(Header h, String url) {
    super(h);
    this.url = url;
  }

  @FactField("`url` (the issuer); null when unknown until apply.")
  public String getUrl() {
    return url;
  }
}
