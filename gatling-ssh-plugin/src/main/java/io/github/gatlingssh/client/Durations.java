package io.github.gatlingssh.client;

import java.time.Duration;

/** Human-readable durations for messages: "10 s", "250 ms". */
public final class Durations {
  private Durations() {}

  /** {@code d} as messages show it: whole seconds as "10 s", else "250 ms" or "1.5 s". */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
