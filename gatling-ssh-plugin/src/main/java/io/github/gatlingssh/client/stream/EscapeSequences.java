package io.github.gatlingssh.client.stream;

/**
 * Terminal escape sequences (what a PTY shell mixes into its output: colours, cursor moves, window
 * titles), stripped before matching when the user asks, and control characters escaped in KO
 * messages so that a message stays one readable line.
 */
final class EscapeSequences {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  private EscapeSequences() {}

  /**
   * Text without escape sequences, and where each of its characters was in the raw text.
   *
   * @param text the stripped text
   * @param rawIndex {@code rawIndex[i]} is the raw index of {@code text.charAt(i)}
   */
  record Stripped(String text, int[] rawIndex) {
    /** The raw index just past stripped index {@code end} (exclusive), {@code from} for 0. */
    int rawEnd(int end, int from) {
      return end == 0 ? from : rawIndex[end - 1] + 1;
    }
  }

  /**
   * Strips, from {@code raw} starting at {@code from}: CSI ({@code ESC [ ... final}), OSC ({@code
   * ESC ] ... BEL} or {@code ESC \}), character-set selections ({@code ESC ( B}) and other
   * two-character escapes. An incomplete sequence at the end is dropped too (the rest comes later).
   */
  static Stripped strip(CharSequence raw, int from) {
    int n = raw.length();
    StringBuilder out = new StringBuilder(n - from);
    int[] index = new int[n - from];
    int i = from;
    while (i < n) {
      char c = raw.charAt(i);
      if (c != ESC) {
        index[out.length()] = i;
        out.append(c);
        i++;
        continue;
      }
      i = skipSequence(raw, i + 1, n);
    }
    return new Stripped(out.toString(), index);
  }

  /** The index just past the sequence whose ESC was at {@code i - 1}. */
  private static int skipSequence(CharSequence raw, int i, int n) {
    if (i >= n) {
      return n;
    }
    char kind = raw.charAt(i);
    if (kind == '[') {
      // parameters and intermediates, then one final byte in @..~
      for (int j = i + 1; j < n; j++) {
        char c = raw.charAt(j);
        if (c >= 0x40 && c <= 0x7e) {
          return j + 1;
        }
      }
      return n;
    }
    if (kind == ']') {
      for (int j = i + 1; j < n; j++) {
        char c = raw.charAt(j);
        if (c == BEL) {
          return j + 1;
        }
        if (c == ESC && j + 1 < n && raw.charAt(j + 1) == '\\') {
          return j + 2;
        }
      }
      return n;
    }
    if (kind == '(' || kind == ')' || kind == '#' || kind == '%') {
      return Math.min(n, i + 2);
    }
    return i + 1;
  }

  /** {@code s} with \r, \n, \t, ESC and other control characters written as escapes. */
  static String escape(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
