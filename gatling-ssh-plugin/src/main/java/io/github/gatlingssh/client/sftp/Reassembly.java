package io.github.gatlingssh.client.sftp;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a download's READ replies back in file order before the receiver sees them: in order (the
 * usual case), straight from the channel's read buffer; out of order, a copy waits for the gap to
 * fill.
 *
 * <p>Not thread-safe: {@link Download} calls it under its lock.
 */
final class Reassembly {
  private final Receiver receiver;
  private final TreeMap<Long, byte[]> early = new TreeMap<>();
  private long delivered;

  Reassembly(Receiver receiver) {
    this.receiver = receiver;
  }

  /** Bytes handed to the receiver so far, all in file order from offset 0. */
  long delivered() {
    return delivered;
  }

  /** Whether replies wait for a gap that never filled. */
  boolean hasGap() {
    return !early.isEmpty();
  }

  /**
   * Takes {@code n} bytes read at {@code offset}, from {@code a} at {@code off} (the channel's read
   * buffer: kept only as a copy), and delivers whatever is now in order.
   *
   * @param writes collects the receiver's pending local file writes
   */
  void accept(long offset, byte[] a, int off, int n, List<CompletableFuture<Void>> writes) {
    if (offset == delivered) {
      deliver(offset, a, off, n, writes);
      byte[] c;
      while ((c = early.remove(delivered)) != null) {
        deliver(delivered, c, 0, c.length, writes);
      }
    } else if (n > 0) {
      early.put(offset, Arrays.copyOfRange(a, off, off + n)); // a is the read buffer: copy
    }
  }

  private void deliver(
      long offset, byte[] a, int off, int n, List<CompletableFuture<Void>> writes) {
    CompletableFuture<Void> w = receiver.accept(offset, a, off, n);
    delivered += n;
    if (w != null) {
      writes.add(w);
    }
  }
}
