package io.github.gatlingssh.benchmark.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Client CPU per session over a window of the steady state: the process's CPU (all threads, from
 * /proc/self/task, so JIT and GC threads are counted and named) and the sessions completed, taken
 * at the window's start and end.
 */
final class SteadyWindow {
  private static final LongAdder SESSIONS = new LongAdder();
  private static final LongAdder FAILED = new LongAdder();

  private static volatile boolean measured;

  private SteadyWindow() {}

  /** Whether the window is over: the simulation may stop. */
  static boolean measured() {
    return measured;
  }

  static void sessionDone(boolean failed) {
    SESSIONS.increment();
    if (failed) {
      FAILED.increment();
    }
  }

  /** CPU ticks per thread group and sessions so far. */
  record Snapshot(long nanos, long sessions, long failed, Map<String, Long> ticks) {
    static Snapshot take() {
      return new Snapshot(System.nanoTime(), SESSIONS.sum(), FAILED.sum(), threadTicks());
    }

    long total() {
      return ticks.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A report of the window between two snapshots. */
  static String report(Snapshot a, Snapshot b) {
    measured = true;
    long sessions = b.sessions - a.sessions;
    double seconds = (b.nanos - a.nanos) / 1e9;
    double cpuMs = (b.total() - a.total()) * 10.0;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "window %.1f s: %d sessions (%d failed), %.1f sessions/s, client CPU %.0f ms = %.3f"
                + " ms/session (%s)%n",
            seconds,
            sessions,
            b.failed - a.failed,
            sessions / seconds,
            cpuMs,
            cpuMs / sessions,
            System.getProperty("java.version")));
    Map<String, Long> groups = new TreeMap<>();
    b.ticks.forEach((g, t) -> groups.merge(g, t - a.ticks.getOrDefault(g, 0L), Long::sum));
    groups.forEach(
        (g, t) ->
            out.append(
                String.format(
                    "  %-14s %8.0f ms  %.3f ms/session%n", g, t * 10.0, t * 10.0 / sessions)));
    return out.toString();
  }

  /** utime + stime of every live thread, by group. Threads that ended are lost (none should). */
  private static Map<String, Long> threadTicks() {
    Map<String, Long> ticks = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          t -> {
            try {
              String stat = Files.readString(t.resolve("stat"));
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              ticks.merge(group(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (IOException | RuntimeException e) {
              // the thread ended while listed
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ticks;
  }

  private static String group(String n) {
    if (n.contains("CompilerThre")) {
      return "JIT";
    }
    if (n.startsWith("GC Thread") || n.startsWith("VM ") || n.startsWith("G1 ")) {
      return "GC and VM";
    }
    if (n.startsWith("sshd-")) {
      return "MINA I/O";
    }
    if (n.startsWith("gatling")) {
      return "Gatling";
    }
    if (n.startsWith("JFR ") || n.startsWith("profile-")) {
      return "profiler";
    }
    // other threads by name, numbers dropped, so a pool's threads add up
    return "other: " + n.replaceAll("[0-9]+", "#");
  }
}
