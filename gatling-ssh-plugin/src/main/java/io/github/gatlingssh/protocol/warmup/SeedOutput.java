package io.github.gatlingssh.protocol.warmup;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;

/**
 * The warm-up server's command: writes the seed workload's output (the reference benchmark's file:
 * {@value #LINE_COUNT} lines of {@value #LINE_WIDTH} bytes, {@code L} and the zero-padded line
 * number) with MINA's async output stream, then exits with status 0 once it is written. No thread
 * of its own: the write completes on MINA's I/O threads.
 */
final class SeedOutput implements AsyncCommand {

  static final int LINE_COUNT = 333;
  static final int LINE_WIDTH = 80;
  private static final byte[] CONTENT = content();

  private IoOutputStream out;
  private ExitCallback exit;

  private static byte[] content() {
    byte[] bytes = new byte[LINE_COUNT * LINE_WIDTH];
    for (int line = 0; line < LINE_COUNT; line++) {
      int end = (line + 1) * LINE_WIDTH - 1;
      bytes[end] = '\n';
      bytes[line * LINE_WIDTH] = 'L';
      int n = line;
      for (int i = end - 1; i > line * LINE_WIDTH; i--) {
        bytes[i] = (byte) ('0' + n % 10);
        n /= 10;
      }
    }
    return bytes;
  }

  @Override
  public void setIoInputStream(org.apache.sshd.common.io.IoInputStream in) {}

  @Override
  public void setIoOutputStream(IoOutputStream out) {
    this.out = out;
  }

  @Override
  public void setIoErrorStream(IoOutputStream err) {}

  // The blocking stream setters are not called for an AsyncCommand; required by Command.
  @Override
  public void setInputStream(InputStream in) {}

  @Override
  public void setOutputStream(OutputStream out) {}

  @Override
  public void setErrorStream(OutputStream err) {}

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws java.io.IOException {
    IoWriteFuture written =
        ThreadUtils.runAsInternal(new ByteArrayBuffer(CONTENT), out::writeBuffer);
    written.addListener(
        f -> {
          if (f.isWritten() && !channel.isClosing()) {
            exit.onExit(0);
          }
        });
  }

  @Override
  public void destroy(ChannelSession channel) {}
}
