package io.eksnet.source;

import io.eksnet.model.Tree;

/** Recognises {@code terraform show -json} output (plan or state) by content. */
final class TerraformJson {

  private TerraformJson() {}

  static boolean isTerraform(Tree doc) {
    if (!(doc instanceof Tree.TMap m)) {
      return false;
    }
    if (m.get("format_version") == null) {
      // some tools strip the header: planned values with a root module still say what it is
      return Tree.path(m, "planned_values", "root_module") instanceof Tree.TMap
          && m.get("apiVersion") == null
          && m.get("kind") == null;
    }
    return m.get("terraform_version") != null
        || m.get("planned_values") != null
        || m.get("values") != null
        || m.get("resource_changes") != null;
  }
}
