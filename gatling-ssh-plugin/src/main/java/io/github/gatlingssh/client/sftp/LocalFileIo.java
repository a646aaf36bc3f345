package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transfer's local file: whole reads and writes at an offset, and a close that never blocks. The
 * JDK's {@code AsynchronousFileChannel.close} waits for the reads and writes in progress, which
 * must not happen on a MINA I/O thread. So a close asked for while I/O is in progress is done by
 * whichever thread ends the last of it.
 */
final class LocalFileIo {
  private final AsynchronousFileChannel file;
  private final AtomicInteger inProgress = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closeAsked;

  /**
   * @param file the file, or null (nothing to read, write or close)
   */
  LocalFileIo(AsynchronousFileChannel file) {
    this.file = file;
  }

  /** Writes all of {@code b} at {@code position}; completes when it is on disk. */
  CompletableFuture<Void> writeFully(ByteBuffer b, long position) {
    return whole(b, position, true);
  }

  /** Fills {@code b} from {@code position}; fails if the file ends first. */
  CompletableFuture<Void> readFully(ByteBuffer b, long position) {
    return whole(b, position, false);
  }

  /** Closes now if nothing is in progress, else when the last operation ends. */
  void close() {
    closeAsked = true;
    if (inProgress.get() == 0) {
      closeOnce();
    }
  }

  private CompletableFuture<Void> whole(ByteBuffer b, long position, boolean write) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    inProgress.incrementAndGet();
    done.whenComplete((v, e) -> ended());
    next(b, position, write, done);
    return done;
  }

  /** One read or write, then the next from where it stopped until {@code b} is done. */
  private void next(ByteBuffer b, long position, boolean write, CompletableFuture<Void> done) {
    CompletionHandler<Integer, Void> handler =
        new CompletionHandler<>() {
          @Override
          public void completed(Integer n, Void a) {
            if (n < 0) {
              done.completeExceptionally(new IOException("the file got shorter during the upload"));
            } else if (b.hasRemaining()) {
              next(b, position + n, write, done);
            } else {
              done.complete(null);
            }
          }

          @Override
          public void failed(Throwable t, Void a) {
            done.completeExceptionally(t);
          }
        };
    try {
      if (write) {
        file.write(b, position, null, handler);
      } else {
        file.read(b, position, null, handler);
      }
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private void ended() {
    if (inProgress.decrementAndGet() == 0 && closeAsked) {
      closeOnce();
    }
  }

  private void closeOnce() {
    if (file != null && closed.compareAndSet(false, true)) {
      try {
        file.close();
      } catch (IOException ignored) {
        // the transfer's outcome is already decided; a close error changes nothing
      }
    }
  }
}
