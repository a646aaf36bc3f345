package io.github.gatlingssh.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;

/**
 * The injector JVM's own health for the page: process CPU and heap, read from the platform MXBeans.
 */
final class InjectorSampler {
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** The process' CPU over all cores since the last call, in % (NaN when the JVM cannot tell). */
  double processCpuPercent() {
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      double load = sun.getProcessCpuLoad();
      return load < 0 ? Double.NaN : load * 100;
    }
    return Double.NaN;
  }

  double heapUsedMiB() {
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
