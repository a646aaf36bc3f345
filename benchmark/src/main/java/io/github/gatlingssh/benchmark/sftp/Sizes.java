package io.github.gatlingssh.benchmark.sftp;

import java.util.Locale;

/** Byte counts and rates as the report shows them. */
final class Sizes {
  private Sizes() {}

  /** 256 MiB, 4 MiB, 0.5 MiB. */
  static String mib(long bytes) {
    double mib = bytes / (double) SftpOptions.MIB;
    return (mib == Math.rint(mib)
            ? String.format(Locale.ROOT, "%.0f", mib)
            : String.format(Locale.ROOT, "%.1f", mib))
        + " MiB";
  }

  /** 86 MiB/s, 8.6 MiB/s; n/a for NaN. */
  static String rate(double mibPerSecond) {
    if (Double.isNaN(mibPerSecond)) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, mibPerSecond >= 10 ? "%.0f MiB/s" : "%.1f MiB/s", mibPerSecond);
  }
}
