package io.github.gatlingssh.client.exec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One output stream of a command (stdout or stderr) as checks see it. An output short enough to be
 * kept whole arrives undecoded: {@link #text()} decodes it on its first call and {@link #lines()}
 * counts on its first call, so a command whose output no check reads is never decoded.
 */
public final class CommandOutput {
  /** A stream that carried no byte. */
  public static final CommandOutput EMPTY = new CommandOutput("", 0, 0, false);

  // charsets whose lines are the 0x0A bytes and in which a byte after the last one is a character
  private static final Set<Charset> BYTE_LINES =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

  private final long bytes;
  private final boolean truncated;
  private final Undecoded undecoded; // null when built decoded
  private volatile String text;
  private volatile long lines;

  /** The bytes of a whole stream, {@code length} of {@code raw}, and how to decode them. */
  private record Undecoded(byte[] raw, int length, Charset charset) {}

  /**
   * An output already decoded.
   *
   * @param text the decoded text, at most the configured number of characters
   * @param bytes every byte received, kept or not
   * @param lines lines of the whole stream (a last line without '\n' counts)
   * @param truncated whether {@code text} stops before the end of the stream
   */
  public CommandOutput(String text, long bytes, long lines, boolean truncated) {
    this.text = text;
    this.bytes = bytes;
    this.lines = lines;
    this.truncated = truncated;
    this.undecoded = null;
  }

  private CommandOutput(Undecoded undecoded) {
    this.undecoded = undecoded;
    this.bytes = undecoded.length();
    this.lines = -1;
    this.truncated = false;
  }

  /** The whole stream, {@code length} bytes of {@code raw} (not copied), decoded when asked. */
  static CommandOutput undecoded(byte[] raw, int length, Charset charset) {
    return new CommandOutput(new Undecoded(raw, length, charset));
  }

  /**
   * The decoded text (invalid input is U+FFFD), at most the configured number of characters. The
   * first call decodes an undecoded output; a race between two first calls decodes it twice, to the
   * same text.
   */
  public String text() {
    String t = text;
    if (t == null) {
      t = new String(undecoded.raw(), 0, undecoded.length(), undecoded.charset());
      text = t;
    }
    return t;
  }

  /** Every byte received, kept or not. */
  public long bytes() {
    return bytes;
  }

  /**
   * Lines of the whole stream, a last line without '\n' included (past a truncated text, counted
   * only for charsets that encode '\n' as one byte, e.g. UTF-8). '\r' is part of a line: CRLF is
   * one line end.
   */
  public long lines() {
    long n = lines;
    if (n < 0) {
      n = BYTE_LINES.contains(undecoded.charset()) ? byteLines() : charLines(text());
      lines = n;
    }
    return n;
  }

  /** Whether {@link #text()} stops before the end of the stream. */
  public boolean truncated() {
    return truncated;
  }

  private long byteLines() {
    byte[] raw = undecoded.raw();
    int rawLength = undecoded.length();
    long n = 0;
    for (int i = 0; i < rawLength; i++) {
      if (raw[i] == '\n') {
        n++;
      }
    }
    return rawLength > 0 && raw[rawLength - 1] != '\n' ? n + 1 : n;
  }

  private static long charLines(String s) {
    long n = 0;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      n++;
    }
    return !s.isEmpty() && s.charAt(s.length() - 1) != '\n' ? n + 1 : n;
  }

  @Override
  public String toString() {
    return "CommandOutput[" + bytes + " bytes, " + lines() + " lines, truncated=" + truncated + "]";
  }
}
