package io.eksnet.source;

import io.eksnet.model.Tree;

/** Recognises {@code terraform show -json} output (plan or state) by content. */
final class TerraformJson {

  private TerraformJson() {}

  static boolean isTerraform(Tree doc) {
    if (!(doc instanceof Tree.TMap m) || m.get("format_version") == null) {
      return false;
    }
    return m.get("terraform_version") != null
        || m.get("planned_values") != null
        || m.get("values") != null
        || m.get("resource_changes") != null;
  }
}
