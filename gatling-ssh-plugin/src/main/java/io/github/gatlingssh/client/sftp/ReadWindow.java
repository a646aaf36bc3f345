package io.github.gatlingssh.client.sftp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Which READs a download sends: increasing offsets with up to {@code maxRequests} in flight (the
 * window grows by one per full reply, from one, as OpenSSH's sftp does, so a small file costs few
 * requests), until the server answers end of file. A short read asks again for the rest.
 *
 * <p>Not thread-safe: {@link Download} calls it under its lock.
 */
final class ReadWindow {
  private final int chunkSize;
  private final int maxRequests;
  private final ArrayDeque<long[]> retries = new ArrayDeque<>();
  private long nextOffset;
  private long eofAt = Long.MAX_VALUE;
  private int requests;
  private int window = 1;

  ReadWindow(int chunkSize, int maxRequests) {
    this.chunkSize = chunkSize;
    this.maxRequests = maxRequests;
  }

  /**
   * The READs to send now, each {@code {offset, length}}, until the window is full or everything up
   * to end of file is asked for.
   *
   * @param busy slots taken besides READs in flight (local file writes still pending)
   */
  List<long[]> take(int busy) {
    List<long[]> toSend = new ArrayList<>();
    while (requests + busy < window) {
      long[] r = retries.poll();
      if (r == null) {
        if (nextOffset >= eofAt) {
          break;
        }
        r = new long[] {nextOffset, chunkSize};
        nextOffset += chunkSize;
      }
      requests++;
      toSend.add(r);
    }
    return toSend;
  }

  /** A READ of {@code length} at {@code offset} answered with {@code n} bytes. */
  void onData(long offset, int length, int n) {
    requests--;
    if (n < length) {
      if (offset + n < eofAt) {
        retries.add(new long[] {offset + n, length - n}); // short read: ask for the rest
      }
    } else if (window < maxRequests) {
      window++;
    }
  }

  /** A READ answered with a reply that is no data (a bad one: the download stops). */
  void onFailed() {
    requests--;
  }

  /** A READ at {@code offset} answered with end of file. */
  void onEof(long offset) {
    requests--;
    eofAt = Math.min(eofAt, offset);
    retries.removeIf(r -> r[0] >= eofAt);
  }

  /** Whether end of file was seen and no READ is in flight or still to send. */
  boolean drained() {
    return eofAt != Long.MAX_VALUE && requests == 0 && retries.isEmpty();
  }
}
