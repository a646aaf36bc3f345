package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a transfer's local file without blocking: the JDK's {@code AsynchronousFileChannel.close}
 * waits for the reads and writes in progress, which must not happen on a MINA I/O thread. So a
 * close asked for while I/O is in progress is done by whichever thread ends the last of it.
 */
final class LocalFileCloser {
  private final AsynchronousFileChannel file;
  private final AtomicInteger inProgress = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closeAsked;

  /**
   * @param file the file to close, or null (nothing to do)
   */
  LocalFileCloser(AsynchronousFileChannel file) {
    this.file = file;
  }

  /** An operation on the file starts. */
  void started() {
    inProgress.incrementAndGet();
  }

  /** An operation on the file ended (completed or failed). */
  void ended() {
    if (inProgress.decrementAndGet() == 0 && closeAsked) {
      closeOnce();
    }
  }

  /** Closes now if nothing is in progress, else when the last operation ends. */
  void close() {
    closeAsked = true;
    if (inProgress.get() == 0) {
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
