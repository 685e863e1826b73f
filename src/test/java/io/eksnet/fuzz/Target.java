package io.eksnet.fuzz;

/**
 * What a fuzz case feeds: the name the mutated file gets in the scanned directory decides which
 * loader reads it. Terraform JSON goes through the same whole-scan path as everything else, so the
 * Terraform loader is fuzzed by these cases as soon as it exists (today its documents are
 * recognised and set aside).
 */
enum Target {
  /** Kubernetes YAML manifests: {@code YamlLoader}, {@code K8sFactory}, relations, rules. */
  YAML("input.yaml"),
  /** Kubernetes JSON manifests: {@code JsonLoader}, then the same path. */
  JSON("input.json"),
  /** {@code terraform show -json} output. */
  TERRAFORM("plan.json"),
  /** The scan root's {@code .eksnet.yaml}: {@code ConfigLoader}. */
  CONFIG(".eksnet.yaml");

  final String fileName;

  Target(String fileName) {
    this.fileName = fileName;
  }

  boolean isYaml() {
    return this == YAML || this == CONFIG;
  }
}
