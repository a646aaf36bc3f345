package io.github.gatlingssh.client.sftp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Moves SFTP messages over an open subsystem channel and keeps the table of requests in flight,
 * matched to their replies by id in whatever order the replies come. Writing is {@link
 * SftpWriter}'s job, reading {@link SftpReader}'s. When the channel goes, every request still in
 * flight fails, once, with the reason.
 */
final class SftpTransport {
  interface VersionListener {
    void onVersion(Buffer body);
  }

  private final Runnable onFailed;
  private final Map<Integer, ReplyHandler> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final SftpWriter writer;
  private final SftpReader reader;
  private volatile SftpException closedReason;

  /**
   * @param onFailed runs once, after the transport failed: the channel it runs on is of no more use
   *     (a broken write, an unparsable reply) and must be closed
   * @param packetSize the largest SSH packet the server accepts on the channel
   */
  SftpTransport(
      IoOutputStream out,
      IoInputStream in,
      VersionListener versionListener,
      Runnable onFailed,
      LongSupplier packetSize) {
    this.onFailed = onFailed;
    this.writer = new SftpWriter(out, packetSize, () -> closedReason != null, this::fail);
    this.reader =
        new SftpReader(
            in, versionListener, pending::remove, () -> closedReason != null, this::fail);
  }

  /** A fresh request id (ids wrap around after 2^32 requests; none stays in flight that long). */
  int nextId() {
    return ids.incrementAndGet();
  }

  /** Registers {@code handler} for request {@code id} and queues the message. */
  void send(int id, Buffer message, ReplyHandler handler) {
    pending.put(id, handler);
    SftpException reason = closedReason;
    if (reason != null) {
      // closed meanwhile: fail it here unless the closing thread's sweep got it first
      if (pending.remove(id, handler)) {
        handler.onFailure(reason);
      }
      return;
    }
    write(message);
  }

  /** Queues a message that expects no reply (INIT). */
  void write(Buffer message) {
    writer.write(message);
  }

  /** Starts the read loop; call once, when the channel is open. */
  void startReading() {
    reader.start();
  }

  /** Requests in flight: for tests and diagnostics. */
  int inFlight() {
    return pending.size();
  }

  /** The reason the transport stopped, or null while it runs. */
  SftpException closedReason() {
    return closedReason;
  }

  /**
   * Stops the transport: every request in flight fails with {@code reason}, now and later. Only the
   * first reason counts.
   */
  void fail(SftpException reason) {
    synchronized (this) {
      if (closedReason != null) {
        return;
      }
      closedReason = reason;
    }
    writer.clear();
    for (Integer id : pending.keySet()) {
      ReplyHandler h = pending.remove(id);
      if (h != null) {
        try {
          h.onFailure(reason);
        } catch (RuntimeException e) {
          // one handler's bug must not leave the others' futures pending
        }
      }
    }
    onFailed.run();
  }

  /** The failure of a request whose channel broke under it. */
  static SftpException channelClosed(Throwable cause) {
    return SftpException.of(
        SftpException.CONNECTION_LOST, null, "the sftp channel closed (" + describe(cause) + ")");
  }

  /** A short description of a failure, for messages; the local file errors in SFTP's words. */
  static String describe(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
