package io.eksnet.net;

/**
 * Text forms of addresses: strict parsing (dotted-quad IPv4 without leading zeros, RFC 4291 IPv6
 * with optional trailing dotted quad, no zone) and canonical formatting (RFC 5952 for IPv6). Never
 * touches DNS.
 */
final class AddressText {
  private AddressText() {}

  /** A parse failure reason; entry points wrap it with the input and context. */
  static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String reason) {
      super(reason, null, false, false);
    }
  }

  static IpAddress parseAddress(String s) {
    if (s.isEmpty()) {
      throw new Bad("the address is empty");
    }
    if (s.indexOf(':') >= 0) {
      long[] v = parseIpv6(s);
      return new IpAddress(IpFamily.IPV6, v[0], v[1]);
    }
    return new IpAddress(IpFamily.IPV4, 0, parseIpv4(s, 0, s.length()));
  }

  /** Parses s[from, to) as a dotted quad. */
  static long parseIpv4(String s, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        if (i < to && s.charAt(i) != '.') {
          throw new Bad("unexpected character '" + s.charAt(i) + "'");
        }
        throw new Bad("an IPv4 address has 4 decimal octets separated by dots");
      }
      if (i - start > 1 && s.charAt(start) == '0') {
        throw new Bad(
            "octet "
                + s.substring(start, i)
                + " has a leading zero (ambiguous: some tools read it as octal)");
      }
      if (i - start > 3 || Integer.parseInt(s, start, i, 10) > 255) {
        throw new Bad("octet " + s.substring(start, i) + " is greater than 255");
      }
      value = (value << 8) | Integer.parseInt(s, start, i, 10);
      octets++;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != '.') {
        throw new Bad("unexpected character '" + s.charAt(i) + "'");
      }
      if (octets == 4) {
        throw new Bad("an IPv4 address has 4 decimal octets separated by dots");
      }
      i++;
    }
    if (octets != 4) {
      throw new Bad("an IPv4 address has 4 decimal octets separated by dots");
    }
    return value;
  }

  /** Parses an IPv6 address into {high, low}. */
  static long[] parseIpv6(String s) {
    if (s.indexOf('%') >= 0) {
      throw new Bad("zone identifiers (%...) are not allowed");
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1; // index in groups where "::" stands
    int n = s.length();
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (n == 2) {
        return new long[] {0, 0};
      }
    } else if (s.startsWith(":")) {
      throw new Bad("a single leading ':' is not allowed (use '::')");
    }
    while (i < n) {
      int start = i;
      while (i < n && isHexDigit(s.charAt(i))) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // trailing dotted quad: the last 32 bits
        if (count > 6) {
          throw new Bad("too many groups before the embedded IPv4 address");
        }
        long v4 = parseIpv4(s, start, n);
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xFFFF);
        i = n;
        break;
      }
      if (i == start) {
        throw new Bad(
            i < n ? "unexpected character '" + s.charAt(i) + "'" : "the address ends with ':'");
      }
      if (i - start > 4) {
        throw new Bad("group " + s.substring(start, i) + " has more than 4 hex digits");
      }
      if (count == 8) {
        throw new Bad("more than 8 groups");
      }
      groups[count++] = Integer.parseInt(s, start, i, 16);
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        throw new Bad("unexpected character '" + s.charAt(i) + "'");
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (gap >= 0) {
          throw new Bad("'::' may appear only once");
        }
        gap = count;
        i++;
      } else if (i == n) {
        throw new Bad("the address ends with a single ':'");
      }
    }
    if (gap < 0 && count != 8) {
      throw new Bad("an IPv6 address has 8 groups, or fewer with '::' (found " + count + ")");
    }
    if (gap >= 0 && count > 7) {
      throw new Bad("'::' must stand for at least one group, but 8 groups are given");
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    long high = 0;
    long low = 0;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | full[g];
      low = (low << 16) | full[g + 4];
    }
    return new long[] {high, low};
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static String format(IpAddress a) {
    return a.family() == IpFamily.IPV4 ? formatIpv4(a.low()) : formatIpv6(a.high(), a.low());
  }

  private static String formatIpv4(long v) {
    return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
  }

  /** RFC 5952: lower case, no leading zeros, longest (first) run of 2+ zero groups as "::". */
  private static String formatIpv6(long high, long low) {
    if (high == 0 && (low >>> 32) == 0xFFFFL) {
      // IPv4-mapped address: RFC 5952 section 5 recommends the mixed notation.
      return "::ffff:" + formatIpv4(low & 0xFFFFFFFFL);
    }
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((high >>> (48 - 16 * i)) & 0xFFFF);
      g[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is never compressed
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
