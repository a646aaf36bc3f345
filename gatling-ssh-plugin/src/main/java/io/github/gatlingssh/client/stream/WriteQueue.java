package io.github.gatlingssh.client.stream;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * The writes of a streaming channel (and of an SCP transfer's exec channel): MINA's async stream
 * takes one pending write at a time ({@code WritePendingException} otherwise), so writes queue here
 * and each is issued when the previous one was written. Issued as a MINA-internal call: during a
 * key exchange a write from another thread (the user's event loop) would block without timeout; an
 * internal one is queued by MINA instead. Never blocks.
 */
public final class WriteQueue {
  private record Pending(byte[] data, CompletableFuture<Void> written) {}

  private final IoOutputStream out;
  private final Queue<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  /** The writes to {@code out}, a channel's asynchronous input stream. */
  public WriteQueue(IoOutputStream out) {
    this.out = out;
  }

  /** Queues {@code data}; the future completes when MINA wrote it (or fails with why not). */
  public CompletableFuture<Void> write(byte[] data) {
    Pending p = new Pending(data, new CompletableFuture<>());
    synchronized (this) {
      if (writing) {
        queue.add(p);
        return p.written();
      }
      writing = true;
    }
    issue(p);
    return p.written();
  }

  private void issue(Pending p) {
    IoWriteFuture f;
    try {
      f = ThreadUtils.runAsInternal(() -> out.writeBuffer(new ByteArrayBuffer(p.data())));
    } catch (Exception e) {
      p.written().completeExceptionally(e);
      next();
      return;
    }
    f.addListener(
        w -> {
          if (w.isWritten()) {
            p.written().complete(null);
          } else {
            p.written().completeExceptionally(w.getException());
          }
          next();
        });
  }

  private void next() {
    Pending p;
    synchronized (this) {
      p = queue.poll();
      if (p == null) {
        writing = false;
        return;
      }
    }
    issue(p);
  }
}
