package io.eksnet.source;

import io.eksnet.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code resource "type" "name"} and {@code data "type" "name"} block lines of a
 * Terraform {@code .tf} file, so findings on a plan's resources can also point at their source. It
 * does not parse HCL: it skips comments and heredocs and matches block headers line by line.
 */
public final class TerraformSources {

  /**
   * A block header.
   *
   * @param dir the directory of the file relative to the scan root ({@code ""} at the root)
   * @param address {@code aws_subnet.private} or {@code data.aws_subnet.x}
   * @param location the header's line and column
   */
  public record Block(String dir, String address, Location location) {}

  private static final Pattern HEADER =
      Pattern.compile(
          "^(\\s*)(resource|data)\\s+\"?([A-Za-z0-9_-]+)\"?\\s+\"?([A-Za-z0-9_-]+)\"?\\s*\\{");
  private static final Pattern HEREDOC =
      Pattern.compile("<<-?\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*$");

  private TerraformSources() {}

  /** True for a {@code .tf} file. */
  public static boolean isTerraformSource(String name) {
    return name.endsWith(".tf");
  }

  /** The block headers of one file; an unreadable file gives none. */
  public static List<Block> read(SourceFile f) {
    String text;
    try {
      text = Files.readString(f.path(), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
    String rel = f.relative();
    int slash = rel.lastIndexOf('/');
    return blocks(slash < 0 ? "" : rel.substring(0, slash), rel, text);
  }

  static List<Block> blocks(String dir, String file, String text) {
    List<Block> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String heredoc = null;
    boolean comment = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (heredoc != null) {
        if (line.trim().equals(heredoc)) {
          heredoc = null;
        }
        continue;
      }
      if (comment) {
        int end = line.indexOf("*/");
        if (end < 0) {
          continue;
        }
        comment = false;
        line = " ".repeat(end + 2) + line.substring(end + 2);
      }
      Matcher m = HEADER.matcher(line);
      if (m.find()) {
        String address = (m.group(2).equals("data") ? "data." : "") + m.group(3) + "." + m.group(4);
        out.add(
            new Block(
                dir, address, new Location(file, i + 1, m.group(1).length() + 1, address, "")));
      }
      Matcher h = HEREDOC.matcher(line);
      if (h.find()) {
        heredoc = h.group(1);
      } else if (line.contains("/*")
          && !line.substring(line.indexOf("/*")).contains("*/")
          && !line.trim().startsWith("#")
          && !line.trim().startsWith("//")) {
        comment = true;
      }
    }
    return out;
  }
}
