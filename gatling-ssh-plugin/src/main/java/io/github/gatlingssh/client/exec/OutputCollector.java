package io.github.gatlingssh.client.exec;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Receives one output stream of a command (stdout or stderr) as the packets arrive, on MINA's I/O
 * thread, without decoding it: the bytes are copied into one buffer and decoded (and their lines
 * counted) only if a check or the session asks for them ({@link CommandOutput}), so a command whose
 * output no check reads costs one copy. That holds while the bytes cannot decode to more than
 * {@code maxLength} characters (for UTF-8, {@code maxLength} bytes); past that the output is
 * decoded as it arrives and cut at {@code maxLength} characters ({@link IncrementalText}), so
 * memory stays bounded whatever the command prints. Never blocks, so MINA can release the channel
 * window at once.
 *
 * <p>Thread confinement: MINA delivers a channel's data on one thread at a time, in order; the
 * result is read after the channel closed (a happens-before edge through MINA's close future).
 */
final class OutputCollector extends OutputStream {
  private static final int FIRST_BUFFER = 8192;

  private final Charset charset;
  private final int maxLength;
  private final int rawLimit; // bytes that cannot decode to more than maxLength characters
  private byte[] raw = new byte[0];
  private int rawLength;
  private IncrementalText decoded; // once the output went past rawLimit

  OutputCollector(Charset charset, int maxLength) {
    this.charset = charset;
    this.maxLength = maxLength;
    float charsPerByte = charset.newDecoder().maxCharsPerByte();
    this.rawLimit = (int) Math.min(Integer.MAX_VALUE - 8, Math.floor(maxLength / charsPerByte));
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (decoded == null) {
      if (len <= rawLimit - rawLength) {
        keep(b, off, len);
        return;
      }
      decoded = new IncrementalText(charset, maxLength);
      decoded.write(raw, 0, rawLength);
      raw = null;
    }
    decoded.write(b, off, len);
  }

  private void keep(byte[] b, int off, int len) {
    int needed = rawLength + len;
    if (needed > raw.length) {
      int grown = Math.max(FIRST_BUFFER, raw.length * 2);
      raw = Arrays.copyOf(raw, (int) Math.min(rawLimit, Math.max(needed, grown)));
    }
    System.arraycopy(b, off, raw, rawLength, len);
    rawLength = needed;
  }

  /** The stream as checks see it; call once, after the channel closed. */
  CommandOutput result() {
    if (decoded != null) {
      return decoded.result();
    }
    if (rawLength == 0) {
      return CommandOutput.EMPTY;
    }
    return CommandOutput.undecoded(raw, rawLength, charset);
  }
}
