package io.github.gatlingssh.benchmark.report;

import java.util.Locale;

/** Human-readable figures for the Markdown table. */
public final class Format {
  private Format() {}

  /** 0.4 ms, 4.2 ms, 42 ms, 420 ms, 1.42 s; n/a for NaN. */
  public static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "n/a";
    }
    if (Math.abs(ms) >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    if (Math.abs(ms) < 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  public static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static String count(double n) {
    return Double.isNaN(n) ? "n/a" : String.format(Locale.ROOT, "%.0f", n);
  }

  static String ratio(double r) {
    return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
  }
}
