package io.eksnet.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a file's bytes the way YAML 1.2 (§5.2) and JSON (RFC 8259 §8.1) detect encodings: a byte
 * order mark for UTF-8, UTF-16 or UTF-32, else the pattern of NUL bytes in the first four bytes
 * (for UTF-16, in both of its first two code units), else UTF-8. Decoding is strict: an invalid
 * byte sequence is an input problem with its line and column, never replaced silently (a Latin-1
 * file must not load with mangled names).
 */
final class Encoding {

  /** The text without its byte order mark, or the problem that stopped decoding. */
  record Decoded(String text, String charset, LoadException problem) {}

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private Encoding() {}

  static Decoded decode(byte[] b) {
    int bom = 0;
    Charset cs;
    if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
      cs = UTF_32BE;
      bom = 4;
    } else if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
      cs = UTF_32LE;
      bom = 4;
    } else if (starts(b, 0xEF, 0xBB, 0xBF)) {
      cs = StandardCharsets.UTF_8;
      bom = 3;
    } else if (starts(b, 0xFE, 0xFF)) {
      cs = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (starts(b, 0xFF, 0xFE)) {
      cs = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      cs = UTF_32BE;
    } else if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      cs = UTF_32LE;
    } else if (utf16Ascii(b, 0)) {
      cs = StandardCharsets.UTF_16BE;
    } else if (utf16Ascii(b, 1)) {
      cs = StandardCharsets.UTF_16LE;
    } else {
      cs = StandardCharsets.UTF_8;
    }
    return decode(b, bom, cs);
  }

  /**
   * True for UTF-8 (where NUL bytes mean binary); false when NUL bytes are part of the encoding.
   */
  static boolean isUtf8(Decoded d) {
    return d.charset().equals(StandardCharsets.UTF_8.name());
  }

  private static Decoded decode(byte[] b, int offset, Charset cs) {
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
    CharBuffer out =
        CharBuffer.allocate(
            (int) Math.min(Integer.MAX_VALUE - 16, (long) (b.length - offset) + 16));
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) {
      r = dec.flush(out);
    }
    out.flip();
    String text = out.toString();
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      int col = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          line++;
          col = 1;
        } else if (!Character.isLowSurrogate(c)) {
          col++;
        }
      }
      StringBuilder bytes = new StringBuilder();
      for (int i = bad; i < Math.min(b.length, bad + r.length()); i++) {
        bytes
            .append(bytes.isEmpty() ? "" : " ")
            .append(String.format(Locale.ROOT, "0x%02X", b[i] & 0xff));
      }
      String what =
          bytes.isEmpty() ? "a truncated character at the end of the file" : "the bytes " + bytes;
      return new Decoded(
          null,
          cs.name(),
          new LoadException(
              line,
              col,
              "not valid "
                  + cs.name()
                  + ": "
                  + what
                  + " (byte offset "
                  + bad
                  + ") cannot be decoded;"
                  + " save the file as UTF-8"));
    }
    return new Decoded(text, cs.name(), null);
  }

  /**
   * True when the file starts with two ASCII characters in BOM-less UTF-16 (one in a 2-byte file):
   * a NUL in the high byte ({@code zero} 0 for big-endian, 1 for little-endian) of both code units
   * and not in their low bytes. YAML and JSON look at the first unit only, which would read a UTF-8
   * file with one stray leading NUL byte as UTF-16 garbage and skip it silently; with both, such a
   * file stays UTF-8 and is reported as binary.
   */
  private static boolean utf16Ascii(byte[] b, int zero) {
    int low = 1 - zero;
    if (b.length < 2 || b[zero] != 0 || b[low] == 0) {
      return false;
    }
    return b.length < 4 || (b[2 + zero] == 0 && b[2 + low] != 0);
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
