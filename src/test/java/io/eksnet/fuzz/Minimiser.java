package io.eksnet.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin): shrinks a failing input to one where removing any line, then
 * any byte, makes the failure go away (or the probe budget runs out). The predicate says whether a
 * candidate still fails the same way.
 */
final class Minimiser {

  private final Predicate<byte[]> fails;
  private int probes;

  Minimiser(Predicate<byte[]> fails, int maxProbes) {
    this.fails = fails;
    this.probes = maxProbes;
  }

  /** By lines (each keeps its line end), then by blocks of 1024 and 32 bytes, then by bytes. */
  byte[] minimise(byte[] input) {
    byte[] b = join(ddmin(splitLines(input)));
    for (int block : new int[] {1024, 32, 1}) {
      if (b.length > block) {
        b = join(ddmin(blocks(b, block)));
      }
    }
    return b;
  }

  private static List<byte[]> blocks(byte[] b, int size) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < b.length; i += size) {
      out.add(java.util.Arrays.copyOfRange(b, i, Math.min(b.length, i + size)));
    }
    return out;
  }

  private List<byte[]> ddmin(List<byte[]> units) {
    int n = 2;
    while (units.size() >= 2 && probes > 0) {
      List<List<byte[]>> chunks = split(units, n);
      boolean reduced = false;
      for (List<byte[]> c : chunks) {
        if (test(c)) {
          units = c;
          n = 2;
          reduced = true;
          break;
        }
      }
      if (!reduced && n > 2) {
        for (int i = 0; i < chunks.size(); i++) {
          List<byte[]> complement = new ArrayList<>();
          for (int j = 0; j < chunks.size(); j++) {
            if (j != i) {
              complement.addAll(chunks.get(j));
            }
          }
          if (test(complement)) {
            units = complement;
            n = Math.max(n - 1, 2);
            reduced = true;
            break;
          }
        }
      }
      if (!reduced) {
        if (n >= units.size()) {
          break;
        }
        n = Math.min(units.size(), n * 2);
      }
    }
    if (units.size() == 1 && probes > 0 && test(List.of())) {
      return List.of();
    }
    return units;
  }

  private boolean test(List<byte[]> candidate) {
    if (probes-- <= 0) {
      return false;
    }
    return fails.test(join(candidate));
  }

  private static List<List<byte[]>> split(List<byte[]> units, int n) {
    List<List<byte[]>> out = new ArrayList<>();
    int size = units.size();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (size - start) / (n - i);
      if (end > start) {
        out.add(new ArrayList<>(units.subList(start, end)));
      }
      start = end;
    }
    return out;
  }

  static List<byte[]> splitLines(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      out.add(java.util.Arrays.copyOfRange(b, start, b.length));
    }
    return out;
  }

  static byte[] join(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
