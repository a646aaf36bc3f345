package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * Moves SFTP messages over an open subsystem channel: a write queue in front of MINA's
 * asynchronous input stream (which takes one write at a time), a read loop that always keeps one
 * read pending and cuts the stream into messages, and the table of requests in flight, matched to
 * their replies by id in whatever order the replies come. When the channel goes, every request
 * still in flight fails, once, with the reason.
 */
final class SftpTransport {
  /** Small messages (READ requests, CLOSE, STAT...) are sent together, up to this size. */
  private static final int BATCH = 64 * 1024;
  /** A reply longer than this is a broken stream, not a message (OpenSSH's limit is 256 KiB). */
  private static final int MAX_MESSAGE = 4 * 1024 * 1024;
  /** The smallest slice written, whatever packet size the server announced. */
  private static final int MIN_PIECE = 1024;

  interface VersionListener {
    void onVersion(Buffer body);
  }

  private final IoOutputStream out;
  private final IoInputStream in;
  private final VersionListener versionListener;
  private final Runnable onFailed;
  private final java.util.function.LongSupplier packetSize;
  private final Map<Integer, ReplyHandler> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Queue<Buffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger drainWip = new AtomicInteger();
  private volatile boolean writing;
  private volatile SftpException closedReason;
  private Buffer readBuffer = new ByteArrayBuffer(128 * 1024, false);

  /**
   * @param onFailed runs once, after the transport failed: the channel it runs on is of no more
   *     use (a broken write, an unparsable reply) and must be closed
   * @param packetSize the largest SSH packet the server accepts on the channel
   */
  SftpTransport(IoOutputStream out, IoInputStream in, VersionListener versionListener, Runnable onFailed,
      java.util.function.LongSupplier packetSize) {
    this.packetSize = packetSize;
    this.out = out;
    this.in = in;
    this.versionListener = versionListener;
    this.onFailed = onFailed;
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
    queue.add(message);
    drain();
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
   * Stops the transport: every request in flight fails with {@code reason}, now and later. Only
   * the first reason counts.
   */
  void fail(SftpException reason) {
    synchronized (this) {
      if (closedReason != null) {
        return;
      }
      closedReason = reason;
    }
    queue.clear();
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

  // ---- writing: one write pending at a time, the queue drained by whichever thread gets in ----

  private void drain() {
    if (drainWip.getAndIncrement() != 0) {
      return; // another thread (or an outer frame of this one) is draining: it will see our message
    }
    do {
      if (!writing && closedReason == null) {
        Buffer next = nextBatch();
        if (next != null) {
          writing = true;
          startWrite(next);
        }
      }
    } while (drainWip.decrementAndGet() != 0);
  }

  /** The next message; small ones are merged into one write to save per-write overhead. */
  private Buffer nextBatch() {
    Buffer first = queue.poll();
    if (first == null || first.available() >= BATCH / 4 || queue.isEmpty()) {
      return first;
    }
    Buffer batch = new ByteArrayBuffer(BATCH + 1024, false);
    batch.putBuffer(first);
    Buffer head;
    while ((head = queue.peek()) != null && batch.available() + head.available() <= BATCH) {
      batch.putBuffer(queue.poll());
    }
    return batch;
  }

  /**
   * Writes {@code b} one SSH packet's worth at a time. MINA copies a write longer than a packet
   * into a new buffer (rounded up to a power of two) before splitting it: a 32 KiB WRITE request
   * cost a 64 KiB allocation. Slices of the same array, each at most a packet, are sent as they are.
   */
  private void startWrite(Buffer b) {
    int piece = (int) Math.min(b.available(), Math.max(MIN_PIECE, packetSize.getAsLong()));
    Buffer slice = new ByteArrayBuffer(b.array(), b.rpos(), piece, true);
    b.rpos(b.rpos() + piece);
    IoWriteFuture f;
    try {
      // As a MINA-internal call: a write from another thread during a key exchange would block
      // (MINA issue 878); marked internal, MINA queues it instead.
      f = ThreadUtils.runAsInternal(slice, out::writeBuffer);
    } catch (IOException | RuntimeException e) {
      fail(SftpException.of(SftpException.CONNECTION_LOST, null, "the sftp channel closed (" + describe(e) + ")"));
      return;
    }
    f.addListener(w -> {
      if (!w.isWritten()) {
        fail(SftpException.of(SftpException.CONNECTION_LOST, null, "the sftp channel closed (" + describe(w.getException()) + ")"));
        return;
      }
      if (b.available() > 0) {
        startWrite(b); // the rest of this message (or batch): still ours to write
        return;
      }
      writing = false;
      drain();
    });
  }

  // ---- reading: one read pending, messages cut out of the stream ----

  /** Starts the read loop; call once, when the channel is open. */
  void startReading() {
    readLoop();
  }

  private void readLoop() {
    while (closedReason == null) {
      IoReadFuture f;
      try {
        f = in.read(readBuffer);
      } catch (RuntimeException e) {
        fail(SftpException.of(SftpException.CONNECTION_LOST, null, "the sftp channel closed (" + describe(e) + ")"));
        return;
      }
      if (!f.isDone()) {
        f.addListener(r -> {
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
      fail(SftpException.of(SftpException.CONNECTION_LOST, null, "the sftp channel closed"
          + (r.getException() != null ? " (" + describe(r.getException()) + ")" : "")));
      return false;
    }
    try {
      dispatchMessages();
    } catch (RuntimeException e) {
      // a reply we cannot parse: the stream can no longer be trusted
      fail(malformed(e));
      return false;
    }
    return closedReason == null;
  }

  private void dispatchMessages() {
    Buffer b = readBuffer;
    byte[] a = b.array();
    while (b.available() >= 4) {
      int start = b.rpos();
      long len = ((a[start] & 0xffL) << 24) | ((a[start + 1] & 0xff) << 16) | ((a[start + 2] & 0xff) << 8) | (a[start + 3] & 0xff);
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
      ReplyHandler h = pending.remove(id);
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
    return SftpException.of(SftpException.SFTP, null, "malformed reply from server (" + describe(e) + ")");
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
        f.addListener(r -> {
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
