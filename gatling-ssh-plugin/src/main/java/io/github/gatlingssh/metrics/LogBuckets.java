package io.github.gatlingssh.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free, allocation-free histogram of milliseconds for the injector page's medians: 16
 * buckets per power of two (at most ~6% off), read and reset once per step. A value recorded while
 * the step is read lands in this step or the next, never nowhere.
 */
final class LogBuckets {
  private static final int SUB = 16;
  private static final int SUB_BITS = 4;
  private static final int SIZE = SUB + (64 - SUB_BITS) * SUB;

  private final AtomicLongArray counts = new AtomicLongArray(SIZE);

  void record(long millis) {
    counts.incrementAndGet(index(Math.max(0, millis)));
  }

  static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int octave = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
    int sub = (int) (v >>> (octave - SUB_BITS)) & (SUB - 1);
    return SUB + (octave - SUB_BITS) * SUB + sub;
  }

  /** The lower bound of bucket {@code i}, in ms. */
  static long lowerBound(int i) {
    if (i < SUB) {
      return i;
    }
    int octave = (i - SUB) / SUB + SUB_BITS;
    int sub = (i - SUB) % SUB;
    return (SUB + (long) sub) << (octave - SUB_BITS);
  }

  /** The median of the values since the last call, in ms (NaN when none); resets the counts. */
  double drainMedian() {
    long[] snapshot = new long[SIZE];
    long total = 0;
    for (int i = 0; i < SIZE; i++) {
      long c = counts.get(i);
      if (c != 0) {
        counts.getAndAdd(i, -c);
        snapshot[i] = c;
        total += c;
      }
    }
    if (total == 0) {
      return Double.NaN;
    }
    long half = (total + 1) / 2;
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += snapshot[i];
      if (seen >= half) {
        if (i < SUB) {
          return i;
        }
        return (lowerBound(i) + (i + 1 < SIZE ? lowerBound(i + 1) : lowerBound(i))) / 2.0;
      }
    }
    return Double.NaN;
  }
}
