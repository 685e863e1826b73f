package io.eksnet.source;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over a text already in memory, with the same observable
 * behaviour (positions, marks, line counting, the printable-character check, the per-document code
 * point count) but linear in the length of a token.
 *
 * <p>SnakeYAML's own reader reads 1,023 characters at a time and copies its whole window forward on
 * every read; a token it must look ahead across (a plain scalar, a key) stays in the window, so a
 * single scalar of n characters costs about n²/1,023 copied code points: a 1 MiB line took 2.5 s,
 * and a 4 MiB line ran into the load deadline. Files are read whole before they are parsed (their
 * size is limited, see {@link Limits}), so nothing is gained by streaming here.
 *
 * <p>SnakeYAML reports a character that YAML does not allow when the chunk that holds it is read;
 * this reader reports it when the scanner first looks at it, with the same position.
 */
final class WholeTextReader extends StreamReader {
  private static final String NAME = "'reader'";

  /** How many code points may be consumed between two looks at the clock. */
  private static final int CLOCK_EVERY = 1 << 16;

  private final int[] text;
  private final int length;

  /** The index of the first character YAML does not allow, or the length if there is none. */
  private final int firstUnprintable;

  private final Runnable checkDeadline;
  private int pointer;
  private int documentIndex;
  private int line;
  private int column;
  private int sinceClock;

  /**
   * @param checkDeadline called every {@value #CLOCK_EVERY} code points consumed; it throws to stop
   *     a load whose time is up
   */
  WholeTextReader(String text, Runnable checkDeadline) {
    super(Reader.nullReader());
    this.text = text.codePoints().toArray();
    this.length = this.text.length;
    this.checkDeadline = checkDeadline;
    int bad = length;
    for (int i = 0; i < length; i++) {
      if (!isPrintable(this.text[i])) {
        bad = i;
        break;
      }
    }
    this.firstUnprintable = bad;
  }

  /** True when the code point {@code k} places ahead exists; fails on one YAML does not allow. */
  private boolean has(int k) {
    int at = pointer + k;
    if (at >= firstUnprintable && firstUnprintable < length) {
      throw new ReaderException(
          NAME, firstUnprintable, text[firstUnprintable], "special characters are not allowed");
    }
    return at < length;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, pointer, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && has(0); i++) {
      int c = text[pointer++];
      moved(1);
      if (Constant.LINEBR.has(c) || (c == '\r' && has(0) && text[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return has(0) ? text[pointer] : 0;
  }

  @Override
  public int peek(int index) {
    return has(index) ? text[pointer + index] : 0;
  }

  @Override
  public String prefix(int n) {
    if (n == 0) {
      return "";
    }
    has(n);
    return new String(text, pointer, Math.min(n, length - pointer));
  }

  @Override
  public String prefixForward(int n) {
    String s = prefix(n);
    pointer += n;
    moved(n);
    column += n;
    return s;
  }

  private void moved(int n) {
    documentIndex += n;
    sinceClock += n;
    if (sinceClock >= CLOCK_EVERY) {
      sinceClock = 0;
      checkDeadline.run();
    }
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
