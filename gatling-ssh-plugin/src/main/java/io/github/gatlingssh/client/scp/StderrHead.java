package io.github.gatlingssh.client.scp;

import java.nio.charset.StandardCharsets;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The start of a remote command's stderr, for KO messages ("bash: scp: command not found"): read to
 * its end, since unread stderr would hold the channel window, and its first characters kept.
 */
final class StderrHead {
  private static final int KEPT = 512;

  private final StringBuilder text = new StringBuilder();

  /** Reads {@code in} to its end, one read pending at a time, from MINA's callbacks. */
  void readFrom(IoInputStream in) {
    read(in, new ByteArrayBuffer(1024, false));
  }

  private void read(IoInputStream in, Buffer b) {
    in.read(b)
        .addListener(
            f -> {
              if (f.getException() != null || f.getRead() < 0) {
                return;
              }
              Buffer x = f.getBuffer();
              synchronized (text) {
                if (text.length() < KEPT) {
                  String s = new String(x.array(), x.rpos(), x.available(), StandardCharsets.UTF_8);
                  text.append(s, 0, Math.min(s.length(), KEPT - text.length()));
                }
              }
              x.rpos(0);
              x.wpos(0);
              read(in, b);
            });
  }

  /** What was kept, without surrounding white space. */
  String text() {
    synchronized (text) {
      return text.toString().strip();
    }
  }
}
