package io.eksnet.source;

import io.eksnet.model.Tree;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a file is, or claims to be, a Kubernetes object or Terraform JSON: only such a file may
 * be an input problem for what its text holds (a syntax error, a duplicate key, a language tag).
 * Any other YAML or JSON in a repository (tsconfig.json with comments, mkdocs.yml with Python tags,
 * a CloudFormation template, CI configs) is none of eksnet's business.
 *
 * <p>A file claims when one of these holds:
 *
 * <ul>
 *   <li>a document read from it (before any error) is a mapping with a top-level {@code apiVersion}
 *       or {@code kind} key, or, in JSON, a {@code format_version} key or the shape of {@code
 *       terraform show -json} output ({@link TerraformJson});
 *   <li>its text says so where a parser could not read it: in YAML, a line starting in column 1
 *       with the key {@code apiVersion:} or {@code kind:} (plain or quoted, also after {@code ---
 *       }), or a flow document starting with {@code &#123;} that holds a JSON key below; in JSON, a
 *       key {@code "apiVersion"}, {@code "format_version"} or {@code "terraform_version"} anywhere.
 * </ul>
 *
 * {@code "kind"} alone does not make a JSON file claim: editor configs use it ({@code
 * .vscode/tasks.json}).
 */
final class Claims {

  private static final Pattern YAML_KEY =
      Pattern.compile(
          "^(?:---[ \\t]+)?(?:apiVersion|kind|\"apiVersion\"|\"kind\"|'apiVersion'|'kind')"
              + "[ \\t]*:(?:[ \\t]|\\r|$)",
          Pattern.MULTILINE);

  private static final Pattern JSON_KEY =
      Pattern.compile(
          "\"(?:apiVersion|format_version|terraform_version)\"\\s*:|\\A\\s*\\{\\s*\"kind\"\\s*:");

  private Claims() {}

  /** True when one of the documents, or else the text, claims (see the class comment). */
  static boolean claims(List<Tree> documents, String text, boolean json) {
    for (Tree doc : documents) {
      if (document(doc, json)) {
        return true;
      }
    }
    return json ? jsonText(text) : yamlText(text);
  }

  /** A mapping with {@code apiVersion} or {@code kind}, or Terraform JSON. */
  static boolean document(Tree doc, boolean json) {
    if (!(doc instanceof Tree.TMap m)) {
      return false;
    }
    if (m.get("apiVersion") != null || m.get("kind") != null) {
      return true;
    }
    return json
        && (m.get("format_version") != null
            || TerraformJson.isTerraform(doc)
            || TerraformState.isState(doc));
  }

  /**
   * A top-level {@code apiVersion:} or {@code kind:} line, or a JSON-style document that claims.
   */
  static boolean yamlText(String text) {
    return YAML_KEY.matcher(text).find() || (text.strip().startsWith("{") && jsonText(text));
  }

  /**
   * A key {@code "apiVersion"}, {@code "format_version"} or {@code "terraform_version"}, or a
   * document whose first key is {@code "kind"}.
   */
  static boolean jsonText(String text) {
    return JSON_KEY.matcher(text).find();
  }
}
