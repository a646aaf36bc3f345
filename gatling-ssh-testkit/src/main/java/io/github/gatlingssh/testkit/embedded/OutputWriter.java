package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes writes to one of a channel's async streams (stdout or stderr) with back-pressure.
 *
 * <p>MINA's {@link IoOutputStream} accepts one pending write at a time and completes its future
 * only once the data is handed to the transport, which waits for the client's window. This writer
 * queues {@link ChunkSource}s and pulls the next chunk only when the previous write future has
 * completed, so a generator of any size (the 1 GiB flood) holds at most one chunk in memory per
 * stream.
 *
 * <p>Thread-safe; never blocks. Writes issued from non-MINA threads (the server's scheduler) are
 * flagged as internal so that they queue instead of blocking during a key exchange.
 */
final class OutputWriter {

  /**
   * Supplies successive chunks of output. {@link #next()} is called only after the previous chunk
   * was completely written; the returned buffer is not modified by the writer and may wrap a shared
   * read-only array.
   */
  @FunctionalInterface
  interface ChunkSource {
    /**
     * @return the next chunk, or {@code null} when the source is exhausted
     */
    Buffer next();
  }

  private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);

  private final IoOutputStream out;
  private final ArrayDeque<ChunkSource> sources = new ArrayDeque<>();
  private final List<Runnable> drainListeners = new ArrayList<>();
  // guarded by this
  private boolean writing;
  private boolean stopped;

  OutputWriter(IoOutputStream out) {
    this.out = out;
  }

  /** Queues a copy-free write of {@code data}; the array must not be modified afterwards. */
  void write(byte[] data) {
    if (data.length > 0) {
      write(once(new ByteArrayBuffer(data, 0, data.length)));
    }
  }

  /** Queues a source; its chunks are written after everything queued before it. */
  void write(ChunkSource source) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      sources.add(source);
      if (writing) {
        return;
      }
      writing = true;
    }
    pump();
  }

  /**
   * Runs {@code listener} once everything queued so far (and anything queued before the queue
   * empties) has been written, or immediately if nothing is pending. Never runs it if writing fails
   * or the writer is stopped.
   */
  void whenDrained(Runnable listener) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      if (writing) {
        drainListeners.add(listener);
        return;
      }
    }
    listener.run();
  }

  /** Drops everything queued and ignores further writes; drain listeners are not run. */
  void stop() {
    synchronized (this) {
      stopped = true;
      sources.clear();
      drainListeners.clear();
    }
  }

  /**
   * Writes chunks until one completes asynchronously; its listener resumes the loop. Looping
   * instead of recursing keeps the stack flat when futures complete synchronously.
   */
  private void pump() {
    while (true) {
      Buffer chunk = nextChunkOrIdle();
      if (chunk == null) {
        return;
      }
      IoWriteFuture future;
      try {
        future = ThreadUtils.runAsInternal(chunk, out::writeBuffer);
      } catch (IOException | RuntimeException e) {
        fail(e);
        return;
      }
      if (!future.isDone()) {
        future.addListener(this::onWritten);
        return;
      }
      if (!future.isWritten()) {
        fail(future.getException());
        return;
      }
    }
  }

  private void onWritten(IoWriteFuture future) {
    if (future.isWritten()) {
      pump();
    } else {
      fail(future.getException());
    }
  }

  /**
   * Returns the next chunk, or marks the writer idle, runs the drain listeners and returns null.
   */
  private Buffer nextChunkOrIdle() {
    List<Runnable> listeners;
    synchronized (this) {
      while (!stopped && !sources.isEmpty()) {
        Buffer chunk = sources.peek().next();
        if (chunk != null) {
          if (chunk.available() > 0) {
            return chunk;
          }
        } else {
          sources.poll();
        }
      }
      writing = false;
      listeners = new ArrayList<>(drainListeners);
      drainListeners.clear();
    }
    listeners.forEach(Runnable::run);
    return null;
  }

  /**
   * A write fails only when the channel or connection is closing. The drain listeners are dropped:
   * the command must not report an exit on a channel that is going away.
   */
  private void fail(Throwable cause) {
    LOG.debug("Output write failed: {}", String.valueOf(cause));
    synchronized (this) {
      stopped = true;
      sources.clear();
      writing = false;
      drainListeners.clear();
    }
  }

  /** A source that yields {@code chunk} once. */
  static ChunkSource once(Buffer chunk) {
    return new ChunkSource() {
      private boolean done;

      @Override
      public Buffer next() {
        if (done) {
          return null;
        }
        done = true;
        return chunk;
      }
    };
  }
}
