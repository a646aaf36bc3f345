package io.github.gatlingssh.benchmark.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU times from Linux's /proc, in clock ticks ({@code getconf CLK_TCK}, 100 on Linux: 10 ms).
 *
 * <p>{@code /proc/PID/stat}: utime and stime are the process's own CPU (all its threads); cutime
 * and cstime are the CPU of the children it has reaped, each including what those had reaped in
 * turn. So for sshd's listener, utime+stime+cutime+cstime covers every per-connection sshd, shell
 * and {@code cat} that has exited and been waited for.
 */
public final class ProcStat {

  /** Ticks per second for /proc's times; USER_HZ is 100 on every Linux architecture in use. */
  static final int TICKS_PER_SECOND = 100;

  /** The four CPU fields of one /proc/PID/stat line, in ticks. */
  public record ProcessTimes(long utime, long stime, long cutime, long cstime) {

    /** Own CPU (all threads), ticks. */
    long own() {
      return utime + stime;
    }

    /** Own CPU plus that of reaped children, ticks. */
    public long withChildren() {
      return utime + stime + cutime + cstime;
    }
  }

  /** Machine-wide busy and total time from the first line of /proc/stat, in ticks. */
  public record MachineTimes(long busy, long total) {}

  private ProcStat() {}

  /**
   * Parses a /proc/PID/stat line. The command name (field 2) is in parentheses and may contain
   * spaces and parentheses, so fields are counted from the last ')'.
   */
  static ProcessTimes parseProcess(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
    }
    String[] f = statLine.substring(close + 1).trim().split("\\s+");
    // f[0] is field 3 (state); utime is field 14, so f[11]
    if (f.length < 15) {
      throw new IllegalArgumentException("too few fields in /proc/PID/stat line: " + statLine);
    }
    return new ProcessTimes(
        Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]));
  }

  /**
   * Parses the aggregate "cpu" line of /proc/stat: busy = user + nice + system + irq + softirq +
   * steal; total adds idle and iowait (guest time is already part of user).
   */
  static MachineTimes parseMachine(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.substring(4).trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < v.length && i < f.length; i++) {
          v[i] = Long.parseLong(f[i]);
        }
        long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
        return new MachineTimes(busy, busy + v[3] + v[4]);
      }
    }
    throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
  }

  public static ProcessTimes process(long pid) {
    return parseProcess(read(Path.of("/proc", Long.toString(pid), "stat")));
  }

  public static ProcessTimes self() {
    return parseProcess(read(Path.of("/proc/self/stat")));
  }

  public static MachineTimes machine() {
    return parseMachine(read(Path.of("/proc/stat")));
  }

  /** Clock ticks as milliseconds. */
  public static double millis(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + file + " (the benchmark needs Linux /proc)", e);
    }
  }
}
