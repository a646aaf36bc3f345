package io.github.gatlingssh.benchmark.sftp;

import java.util.Locale;

/**
 * One sftp process of the concurrent run, as its bash wrapper wrote it: {@code $EPOCHREALTIME}
 * before and after (seconds, microseconds after the point, under {@code LC_ALL=C}) and the exit
 * code.
 *
 * @param startMs epoch ms
 * @param endMs epoch ms
 * @param exitCode sftp's exit code (non-zero: a batch command failed)
 */
record Span(double startMs, double endMs, int exitCode) {

  static Span parse(String line) {
    String[] f = line.strip().split(" ");
    if (f.length != 3) {
      throw new IllegalArgumentException("not a 'start end exit-code' line: " + line);
    }
    return new Span(
        Double.parseDouble(f[0]) * 1000, Double.parseDouble(f[1]) * 1000, Integer.parseInt(f[2]));
  }

  double millis() {
    return endMs - startMs;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.0f ms, exit %d", millis(), exitCode);
  }
}
