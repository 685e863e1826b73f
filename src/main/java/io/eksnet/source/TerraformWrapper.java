package io.eksnet.source;

import java.util.regex.Pattern;

/**
 * Recognises {@code terraform show -json} output captured through the wrapper that the {@code
 * hashicorp/setup-terraform} GitHub Action installs by default ({@code terraform_wrapper: true}):
 * the wrapper prints the command line first ({@code [command]/.../terraform-bin show -json
 * plan.tfplan}), then Terraform's output (the JSON on one line), then workflow commands ({@code
 * ::debug::} lines, and {@code ::set-output} lines in older versions). Such a file is common in
 * pipelines, and the JSON on its second line is the plan.
 */
final class TerraformWrapper {

  private static final Pattern COMMAND =
      Pattern.compile(
          "^\\[command\\]\\S*terraform(?:-bin)?(?:\\.exe)?\\s+(?:-\\S+\\s+)*show\\b.*-json\\b.*");

  private TerraformWrapper() {}

  /** The captured output: the text with only the JSON line left, and that line's number. */
  record Unwrapped(String text, int jsonLine) {}

  /**
   * The text with every line but the JSON blanked (so line and column numbers stay those of the
   * file), or null when the text is not wrapper output.
   */
  static Unwrapped unwrap(String text) {
    if (!text.startsWith("[command]")) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    if (!COMMAND.matcher(stripCr(lines[0])).matches()) {
      return null;
    }
    int json = -1;
    for (int i = 1; i < lines.length; i++) {
      if (stripCr(lines[i]).startsWith("{")) {
        json = i;
        break;
      }
    }
    if (json < 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      if (i == json) {
        sb.append(lines[i]);
      }
    }
    return new Unwrapped(sb.toString(), json + 1);
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
