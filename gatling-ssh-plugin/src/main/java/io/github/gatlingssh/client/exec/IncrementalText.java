package io.github.gatlingssh.client.exec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The first {@code maxLength} characters of one output stream, decoded as the packets arrive
 * (malformed input becomes U+FFFD), for an output too long to keep undecoded ({@link
 * OutputCollector}): keeps at most {@code maxLength} characters and counts the rest (bytes, and
 * lines when the charset encodes '\n' as the single byte 0x0A, as UTF-8 and ISO-8859 do), so that
 * memory stays bounded whatever the command prints.
 *
 * <p>Thread confinement: as {@link OutputCollector}, which feeds it.
 */
final class IncrementalText {
  private static final int DECODE_CHUNK = 8192;

  private final CharsetDecoder decoder;
  private final int maxLength;
  private final StringBuilder text = new StringBuilder();
  private CharBuffer chars;
  private ByteBuffer carry; // an incomplete multi-byte sequence left from the previous packet
  private long bytes;
  private long lines;
  private boolean openLine; // characters seen since the last '\n'
  private boolean truncated;
  private final boolean asciiNewline;

  IncrementalText(Charset charset, int maxLength) {
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.maxLength = maxLength;
    byte[] newline = "\n".getBytes(charset);
    this.asciiNewline = newline.length == 1 && newline[0] == '\n';
  }

  /** Takes the next {@code len} bytes of the stream. */
  void write(byte[] b, int off, int len) {
    bytes += len;
    if (truncated) {
      countNewlines(b, off, len);
      return;
    }
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    if (carry != null && carry.position() > 0) {
      in = join(carry, in);
    }
    decode(in, false);
    if (truncated) {
      // the limit was reached inside this packet: the undecoded rest is only counted
      countNewlines(in.array(), in.arrayOffset() + in.position(), in.remaining());
      carry = null;
      return;
    }
    if (in.hasRemaining()) {
      if (carry == null) {
        carry = ByteBuffer.allocate(16);
      }
      carry.clear();
      carry.put(in);
    } else if (carry != null) {
      carry.clear();
    }
  }

  /** Past the kept text, lines are still counted (raw bytes; ASCII-compatible charsets only). */
  private void countNewlines(byte[] b, int off, int len) {
    if (!asciiNewline) {
      return;
    }
    for (int i = off, end = off + len; i < end; i++) {
      if (b[i] == '\n') {
        lines++;
        openLine = false;
      } else {
        openLine = true;
      }
    }
  }

  private static ByteBuffer join(ByteBuffer carry, ByteBuffer in) {
    carry.flip();
    ByteBuffer joined = ByteBuffer.allocate(carry.remaining() + in.remaining());
    joined.put(carry).put(in).flip();
    carry.clear();
    return joined;
  }

  private void decode(ByteBuffer in, boolean endOfInput) {
    if (chars == null) {
      chars = CharBuffer.allocate(DECODE_CHUNK);
    }
    while (true) {
      CoderResult r = decoder.decode(in, chars, endOfInput);
      drain();
      if (truncated || !r.isOverflow()) {
        return;
      }
    }
  }

  /** Moves decoded characters into the kept text, counting lines, up to the limit. */
  private void drain() {
    chars.flip();
    int n = chars.remaining();
    char[] a = chars.array();
    int room = maxLength - text.length();
    int keep = Math.min(n, room);
    for (int i = 0; i < keep; i++) {
      if (a[i] == '\n') {
        lines++;
        openLine = false;
      } else {
        openLine = true;
      }
    }
    text.append(a, 0, keep);
    if (keep < n) {
      truncated = true;
      countRest(a, keep, n);
    }
    chars.clear();
  }

  private void countRest(char[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        lines++;
        openLine = false;
      } else {
        openLine = true;
      }
    }
  }

  /** Flushes the decoder at end of stream; call once, after the channel closed. */
  CommandOutput result() {
    if (bytes == 0) {
      return CommandOutput.EMPTY;
    }
    if (!truncated) {
      ByteBuffer rest = carry != null ? carry.flip() : ByteBuffer.allocate(0);
      decode(rest, true);
      decoder.flush(chars);
      drain();
      carry = null;
    }
    return new CommandOutput(text.toString(), bytes, lines + (openLine ? 1 : 0), truncated);
  }
}
