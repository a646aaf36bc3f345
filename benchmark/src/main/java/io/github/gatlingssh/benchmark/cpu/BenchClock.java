package io.github.gatlingssh.benchmark.cpu;

/**
 * Epoch milliseconds with sub-millisecond resolution: {@link System#nanoTime()} anchored to the
 * wall clock once, like Gatling's own clock, so the child JVMs' samples and Gatling's
 * simulation.log share one time line.
 */
public final class BenchClock {
  private static final long ANCHOR_MILLIS = System.currentTimeMillis();
  private static final long ANCHOR_NANOS = System.nanoTime();

  private BenchClock() {}

  public static double nowMillis() {
    return ANCHOR_MILLIS + (System.nanoTime() - ANCHOR_NANOS) / 1e6;
  }
}
