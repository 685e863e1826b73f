package io.eksnet.model;

/**
 * A {@code helm_release} of the Terraform in the scan: a chart Terraform installs into the cluster
 * (a CNI or network policy engine, a controller).
 */
@PublicFact("A `helm_release` of the Terraform in the scan: a Helm chart Terraform installs.")
public final class HelmRelease extends TerraformResource {

  private final String releaseName;
  private final String chart;
  private final String repository;
  private final String namespace;

  public HelmRelease(
      Header h, String releaseName, String chart, String repository, String namespace) {
    super(h);
    this.releaseName = releaseName;
    this.chart = chart;
    this.repository = repository;
    this.namespace = namespace;
  }

  @FactField("`name` (the release name); null when unknown.")
  public String getReleaseName() {
    return releaseName;
  }

  @FactField("`chart` as written (a name, a path or a URL); null when unknown.")
  public String getChart() {
    return chart;
  }

  @FactField("`repository`; null when unset or unknown.")
  public String getRepository() {
    return repository;
  }

  @FactField("`namespace`; null when unset (Helm's default namespace) or unknown.")
  public String getNamespace() {
    return namespace;
  }
}
