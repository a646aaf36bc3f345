package io.github.gatlingssh.client.sftp;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The read side of an SFTP transport: a loop that always keeps one read pending on the channel and
 * cuts the stream into messages, each handed to the handler of its request id (VERSION to the
 * version listener). A reply that cannot be parsed stops the transport: the stream can no longer be
 * trusted.
 */
final class SftpReader {
  /** A reply longer than this is a broken stream, not a message (OpenSSH's limit is 256 KiB). */
  private static final int MAX_MESSAGE = 4 * 1024 * 1024;

  private final IoInputStream in;
  private final SftpTransport.VersionListener versionListener;
  private final IntFunction<ReplyHandler> takeHandler;
  private final BooleanSupplier stopped;
  private final Consumer<SftpException> onBroken;
  private Buffer readBuffer = new ByteArrayBuffer(128 * 1024, false);

  /**
   * @param takeHandler removes and returns the handler of a request id, or null if none waits
   * @param stopped whether the transport stopped: the loop ends then
   * @param onBroken told when the channel closes or a reply cannot be parsed
   */
  SftpReader(
      IoInputStream in,
      SftpTransport.VersionListener versionListener,
      IntFunction<ReplyHandler> takeHandler,
      BooleanSupplier stopped,
      Consumer<SftpException> onBroken) {
    this.in = in;
    this.versionListener = versionListener;
    this.takeHandler = takeHandler;
    this.stopped = stopped;
    this.onBroken = onBroken;
  }

  /** Starts the read loop; call once, when the channel is open. */
  void start() {
    readLoop();
  }

  private void readLoop() {
    while (!stopped.getAsBoolean()) {
      IoReadFuture f;
      try {
        f = in.read(readBuffer);
      } catch (RuntimeException e) {
        onBroken.accept(SftpTransport.channelClosed(e));
        return;
      }
      if (!f.isDone()) {
        f.addListener(
            r -> {
              if (onRead(r)) {
                readLoop();
              }
            });
        return;
      }
      // data was already there: loop instead of recursing through the listener
      if (!onRead(f)) {
        return;
      }
    }
  }

  private boolean onRead(IoReadFuture r) {
    if (r.getException() != null || r.getRead() < 0) {
      onBroken.accept(
          SftpException.of(
              SftpException.CONNECTION_LOST,
              null,
              "the sftp channel closed"
                  + (r.getException() != null
                      ? " (" + SftpTransport.describe(r.getException()) + ")"
                      : "")));
      return false;
    }
    try {
      dispatchMessages();
    } catch (RuntimeException e) {
      // a reply we cannot parse: the stream can no longer be trusted
      onBroken.accept(malformed(e));
      return false;
    }
    return !stopped.getAsBoolean();
  }

  private void dispatchMessages() {
    Buffer b = readBuffer;
    byte[] a = b.array();
    while (b.available() >= 4) {
      int start = b.rpos();
      long len =
          ((a[start] & 0xffL) << 24)
              | ((a[start + 1] & 0xff) << 16)
              | ((a[start + 2] & 0xff) << 8)
              | (a[start + 3] & 0xff);
      if (len < 1 || len > MAX_MESSAGE) {
        throw new IllegalStateException("message length " + len);
      }
      if (b.available() < 4 + len) {
        ensureRoom((int) len + 4);
        return;
      }
      int end = start + 4 + (int) len;
      int type = a[start + 4] & 0xff;
      Buffer body = new ByteArrayBuffer(a, start + 5, (int) len - 1, true);
      b.rpos(end);
      if (type == SftpMessages.VERSION) {
        versionListener.onVersion(body);
        continue;
      }
      int id = body.getInt();
      ReplyHandler h = takeHandler.apply(id);
      if (h != null) {
        try {
          h.onReply(type, body);
        } catch (RuntimeException e) {
          // a reply too short for its type: this request fails now, the others with the channel
          h.onFailure(malformed(e));
          throw e;
        }
      } // else: the reply to a request already failed by an abort; nothing waits for it
    }
    b.compact();
  }

  private static SftpException malformed(RuntimeException e) {
    return SftpException.of(
        SftpException.SFTP,
        null,
        "malformed reply from server (" + SftpTransport.describe(e) + ")");
  }

  /** Makes room for a whole message of {@code need} bytes in the read buffer. */
  private void ensureRoom(int need) {
    Buffer b = readBuffer;
    b.compact();
    if (b.capacity() < need) {
      Buffer bigger = new ByteArrayBuffer(need + 1024, false);
      bigger.putBuffer(b);
      readBuffer = bigger;
    }
  }

  /** Reads and drops the channel's stderr (extended data), so it never holds the window shut. */
  static void discard(IoInputStream err) {
    Buffer b = new ByteArrayBuffer(8192, false);
    while (true) {
      IoReadFuture f;
      try {
        f = err.read(b);
      } catch (RuntimeException e) {
        return;
      }
      if (!f.isDone()) {
        f.addListener(
            r -> {
              if (r.getException() == null && r.getRead() >= 0) {
                r.getBuffer().rpos(0);
                r.getBuffer().wpos(0);
                discard(err);
              }
            });
        return;
      }
      if (f.getException() != null || f.getRead() < 0) {
        return;
      }
      b.rpos(0);
      b.wpos(0);
    }
  }
}
