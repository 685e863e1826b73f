package io.eksnet.source;

import java.util.Arrays;

/**
 * Turns a code point offset into a text (what SnakeYAML's marks carry) into the 1-based line and
 * column that editors and GitHub show: LF, CRLF and a lone CR end a line, and columns count UTF-16
 * code units (SARIF's {@code columnKind}). SnakeYAML's own line numbers follow YAML 1.1, where NEL,
 * LINE SEPARATOR and PARAGRAPH SEPARATOR end lines too, so a file holding one of them would get
 * findings below its last line.
 */
final class Positions {

  private final String text;
  private final boolean bmpOnly;

  /** Per line: the code point offset and the char offset where it starts. */
  private final int[] startCp;

  private final int[] startChar;

  Positions(String text) {
    this.text = text;
    this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
    int[] cps = new int[16];
    int[] chars = new int[16];
    int n = 1;
    int cp = 0;
    for (int i = 0; i < text.length(); cp++) {
      char c = text.charAt(i);
      int len =
          Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1))
              ? 2
              : 1;
      i += len;
      boolean end = c == '\n' || (c == '\r' && (i == text.length() || text.charAt(i) != '\n'));
      if (end) {
        if (n == cps.length) {
          cps = Arrays.copyOf(cps, n * 2);
          chars = Arrays.copyOf(chars, n * 2);
        }
        cps[n] = cp + 1;
        chars[n] = i;
        n++;
      }
    }
    this.startCp = Arrays.copyOf(cps, n);
    this.startChar = Arrays.copyOf(chars, n);
  }

  /** The char offset of a code point offset (clamped to the text). */
  int charOffset(int cpOffset) {
    int[] at = at(cpOffset);
    return Math.min(text.length(), startChar[at[0] - 1] + at[1] - 1);
  }

  /** {line, column} of a code point offset (clamped to the text). */
  int[] at(int cpOffset) {
    int idx = Arrays.binarySearch(startCp, Math.max(0, cpOffset));
    int line = idx >= 0 ? idx : -idx - 2;
    int inLine = cpOffset - startCp[line];
    int col;
    if (bmpOnly) {
      col = Math.min(inLine, text.length() - startChar[line]) + 1;
    } else {
      int ch = startChar[line];
      for (int k = 0; k < inLine && ch < text.length(); k++) {
        ch += Character.charCount(text.codePointAt(ch));
      }
      col = ch - startChar[line] + 1;
    }
    return new int[] {line + 1, Math.max(1, col)};
  }
}
