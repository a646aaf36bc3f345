package io.github.gatlingssh.it;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Samples the live heap (used heap right after a full GC) on a background thread, to show that
 * memory stays flat while a run streams a lot of data. The baseline is taken at start.
 */
final class HeapSampler implements AutoCloseable {

  /**
   * What was seen.
   *
   * @param baseline live heap at start, bytes
   * @param max largest live heap sampled while running, bytes
   * @param samples number of samples taken while running
   */
  record Stats(long baseline, long max, int samples) {
    /** How much the live heap grew at most. */
    long growth() {
      return Math.max(0, max - baseline);
    }

    @Override
    public String toString() {
      return String.format(
          "baseline %d MiB, max %d MiB, %d samples", baseline >> 20, max >> 20, samples);
    }
  }

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final Thread thread;
  private final long baseline;
  private volatile boolean running = true;
  private volatile long max;
  private volatile int samples;

  private HeapSampler(Duration interval) {
    baseline = liveHeap();
    thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
                long live = liveHeap();
                if (running) { // a sample taken after stop() could see the end of the run only
                  max = Math.max(max, live);
                  samples++;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
  }

  static HeapSampler start(Duration interval) {
    HeapSampler sampler = new HeapSampler(interval);
    sampler.thread.start();
    return sampler;
  }

  private static long liveHeap() {
    MEMORY.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** Stops sampling and returns what was seen. */
  Stats stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Stats(baseline, max, samples);
  }

  @Override
  public void close() {
    if (running) {
      stop();
    }
  }
}
