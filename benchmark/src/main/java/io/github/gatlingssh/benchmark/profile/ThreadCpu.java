package io.github.gatlingssh.benchmark.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time (ns) and bytes allocated of every Java thread, by id, from the JVM's ThreadMXBean, and
 * the whole process's CPU time: what a window of the metrics cost is computed from. Nanosecond
 * counters, so a thread that ran a few ms in the window is not rounded to a 10 ms tick.
 */
record ThreadCpu(long processNanos, Map<Long, Sample> threads) {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One thread's counters. */
  record Sample(String name, long cpuNanos, long allocatedBytes) {}

  static ThreadCpu take() {
    Map<Long, Sample> threads = new LinkedHashMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null) {
        long id = info.getThreadId();
        long cpu = THREADS.getThreadCpuTime(id);
        long allocated = THREADS.getThreadAllocatedBytes(id);
        if (cpu >= 0) {
          threads.put(id, new Sample(info.getThreadName(), cpu, Math.max(0, allocated)));
        }
      }
    }
    return new ThreadCpu(OS.getProcessCpuTime(), threads);
  }

  /**
   * Per thread alive at the end, what it used since {@code start} (a thread started within the
   * window counts from zero; one that ended within it is lost: the threads measured live all run).
   */
  Map<Long, Sample> since(ThreadCpu start) {
    Map<Long, Sample> delta = new LinkedHashMap<>();
    threads.forEach(
        (id, b) -> {
          Sample a = start.threads.get(id);
          delta.put(
              id,
              a == null
                  ? b
                  : new Sample(
                      b.name, b.cpuNanos - a.cpuNanos, b.allocatedBytes - a.allocatedBytes));
        });
    return delta;
  }

  /** CPU ns of the threads whose names match, in a window's delta. */
  static long cpu(Map<Long, Sample> delta, Predicate<String> names) {
    return delta.values().stream()
        .filter(s -> names.test(s.name))
        .mapToLong(Sample::cpuNanos)
        .sum();
  }

  /** Bytes allocated by the threads whose names match, in a window's delta. */
  static long allocated(Map<Long, Sample> delta, Predicate<String> names) {
    return delta.values().stream()
        .filter(s -> names.test(s.name))
        .mapToLong(Sample::allocatedBytes)
        .sum();
  }
}
