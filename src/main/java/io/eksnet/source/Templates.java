package io.eksnet.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a Go/Helm template in a {@code .yaml} or {@code .yml} file that is not in a chart's
 * {@code templates/} folder (those are skipped by {@link Discovery}). Such a file is skipped with a
 * note, never an input problem: it is not a manifest until it is rendered.
 *
 * <p>A YAML file is a template when a {@code {{ ... }}} action sits where YAML reads structure:
 *
 * <ul>
 *   <li>it parsed, but an action was read as a flow mapping ({@code name: {{ .Values.name }}});
 *       actions inside quoted or block scalars are strings (Prometheus and Alertmanager templates
 *       in a ConfigMap, GitHub's {@code ${{ }}}), and the file is read as usual;
 *   <li>or it did not parse, and a line holds {@code {{ ... }}} at its start (after indentation and
 *       an optional {@code - }) or as a value after {@code key: } ({@code {{- if .Values.x }}}).
 * </ul>
 *
 * <p>A file that does not parse because of a single-brace placeholder on the line of its syntax
 * error ({@code {TENANT_ID}}, filled in by {@code sed} or a release script), or of an angle-bracket
 * one a tutorial asks its reader to replace ({@code <EDIT: ...>}), is a template too.
 */
final class Templates {

  private static final Pattern ACTION =
      Pattern.compile(
          "^(?:[ \\t]*(?:-[ \\t]+)?|[^\\r\\n#]*?:[ \\t]+)\\{\\{[^\\r\\n]*?\\}\\}",
          Pattern.MULTILINE);

  /**
   * A placeholder in single braces that a script fills in before the file is applied ({@code name:
   * {TENANT_ID}-basic}, {@code version: "{RELEASE_VERSION}.x"}, {@code cidr: {IPv6}/128}): a
   * letter, then letters, digits and underscores. YAML reads such a brace as a flow mapping, so the
   * file does not parse (it is asked only at the line of the syntax error).
   */
  private static final Pattern BRACE_PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*\\}");

  /**
   * A placeholder in angle brackets that a reader replaces by hand ({@code <EDIT: UPDATE WITH THE
   * CONFIGURATION NEEDED>}, {@code <your-account-id>}, {@code <ACCOUNT_ID>}), as tutorials write
   * them: a letter after {@code <}, then letters, digits, spaces and {@code _-:./,'}, then {@code
   * >}. A merge key ({@code <<}) is not one.
   */
  private static final Pattern ANGLE_PLACEHOLDER =
      Pattern.compile("(?<!<)<[A-Za-z][A-Za-z0-9 _:./,'-]*>");

  /**
   * A Terraform template directive ({@code %{ if enabled }}, {@code %{~ for x in list ~}}, {@code
   * %{ endif }}) on a line of its own, as a file rendered by Terraform's {@code templatefile}
   * writes them. YAML reads {@code %} at the start of a line as a directive, so the file does not
   * parse.
   */
  private static final Pattern TERRAFORM_DIRECTIVE =
      Pattern.compile("^[ \\t]*%\\{~?[ \\t]*(?:if|for|else|endif|endfor)\\b", Pattern.MULTILINE);

  private Templates() {}

  /**
   * The 1-based line of the first Terraform template directive on a line of its own, or 0. Asked
   * only of a file that does not parse.
   */
  static int terraformDirectiveLine(String text) {
    if (!text.contains("%{")) {
      return 0;
    }
    Matcher m = TERRAFORM_DIRECTIVE.matcher(text);
    return m.find() ? lineOf(text, m.start()) : 0;
  }

  /**
   * The single-brace or angle-bracket placeholder on the given 1-based line ({@code {TENANT_ID}},
   * {@code <EDIT: ...>}), or null. Asked only of a file that does not parse, at the line of its
   * syntax error.
   */
  static String bracePlaceholderAt(String text, int line) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line < 1 || line > lines.length) {
      return null;
    }
    Matcher m = BRACE_PLACEHOLDER.matcher(lines[line - 1]);
    if (m.find()) {
      return m.group();
    }
    m = ANGLE_PLACEHOLDER.matcher(lines[line - 1]);
    return m.find() ? m.group() : null;
  }

  /** The 1-based line of the first template action where YAML reads structure, or 0. */
  static int actionLine(String text) {
    if (!text.contains("{{")) {
      return 0; // the common case, without running the pattern over every line
    }
    Matcher m = ACTION.matcher(text);
    return m.find() ? lineOf(text, m.start()) : 0;
  }

  /** The 1-based line of a character offset (LF, CRLF and CR line ends). */
  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
