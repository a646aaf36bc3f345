package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * The write side of an SFTP transport: a queue in front of MINA's asynchronous input stream, which
 * takes one write at a time. Whichever thread gets in drains the queue; the messages waiting are
 * merged into one write, and each write is cut into slices of at most one SSH packet.
 */
final class SftpWriter {
  /**
   * The messages waiting behind a write are sent together, up to this size: many small ones (READ
   * requests, CLOSE, STAT...) in one write, and large ones back to back. A 32 KiB WRITE request is
   * 29 bytes more than OpenSSH's 32 KiB packet: alone it took two writes, a full packet and a
   * nearly empty one, each waiting for the one before; merged, 7 of them take 8 packets instead of
   * 14. The cost is one copy of the merged messages, besides the one MINA makes for each packet.
   */
  static final int BATCH = 256 * 1024;

  /** The smallest slice written, whatever packet size the server announced. */
  private static final int MIN_PIECE = 1024;

  private final IoOutputStream out;
  private final LongSupplier packetSize;
  private final BooleanSupplier stopped;
  private final Consumer<SftpException> onBroken;
  private final Queue<Buffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger drainWip = new AtomicInteger();
  private volatile boolean writing;

  /**
   * @param packetSize the largest SSH packet the server accepts on the channel
   * @param stopped whether the transport stopped: nothing more is written then
   * @param onBroken told when a write fails: the channel is of no more use
   */
  SftpWriter(
      IoOutputStream out,
      LongSupplier packetSize,
      BooleanSupplier stopped,
      Consumer<SftpException> onBroken) {
    this.out = out;
    this.packetSize = packetSize;
    this.stopped = stopped;
    this.onBroken = onBroken;
  }

  /** Queues a message and writes it as soon as the writes before it are done. */
  void write(Buffer message) {
    queue.add(message);
    drain();
  }

  /** Drops the messages not written yet (the transport stopped). */
  void clear() {
    queue.clear();
  }

  private void drain() {
    if (drainWip.getAndIncrement() != 0) {
      return; // another thread (or an outer frame of this one) is draining: it will see our message
    }
    do {
      if (!writing && !stopped.getAsBoolean()) {
        Buffer next = nextBatch();
        if (next != null) {
          writing = true;
          startWrite(next);
        }
      }
    } while (drainWip.decrementAndGet() != 0);
  }

  /** The next message, or the messages waiting merged into one write, up to {@link #BATCH}. */
  private Buffer nextBatch() {
    Buffer first = queue.poll();
    if (first == null || queue.isEmpty()) {
      return first;
    }
    List<Buffer> parts = new ArrayList<>();
    parts.add(first);
    int size = first.available();
    Buffer head;
    // only this thread drains (drainWip), so the head it peeks is the one it polls
    while ((head = queue.peek()) != null && size + head.available() <= BATCH) {
      parts.add(queue.poll());
      size += head.available();
    }
    if (parts.size() == 1) {
      return first;
    }
    Buffer batch = new ByteArrayBuffer(size, false);
    parts.forEach(batch::putBuffer);
    return batch;
  }

  /**
   * Writes {@code b} one SSH packet's worth at a time. MINA copies a write longer than a packet
   * into a new buffer (rounded up to a power of two) before splitting it: a 32 KiB WRITE request
   * cost a 64 KiB allocation. Slices of the same array, each at most a packet, are sent as they
   * are.
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
      onBroken.accept(SftpTransport.channelClosed(e));
      return;
    }
    f.addListener(
        w -> {
          if (!w.isWritten()) {
            onBroken.accept(SftpTransport.channelClosed(w.getException()));
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
}
