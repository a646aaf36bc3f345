package io.github.gatlingssh.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something observable instead of sleeping a fixed time. */
final class Polling {
  private static final long INTERVAL_MS = 20;

  private Polling() {}

  /**
   * Polls {@code condition} every {@value #INTERVAL_MS} ms until it holds or {@code timeout}
   * passes.
   *
   * @return whether it held in time
   */
  static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
