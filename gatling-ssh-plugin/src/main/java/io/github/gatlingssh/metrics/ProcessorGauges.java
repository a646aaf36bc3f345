package io.github.gatlingssh.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.DoubleSupplier;

/**
 * The meters of Micrometer's {@code ProcessorMetrics} (same names, units and descriptions), with
 * the two CPU loads read from the OS once per step for all registries instead of once per registry.
 *
 * <p>Why not {@code ProcessorMetrics} itself: in a container the JDK computes {@code getCpuLoad()}
 * and {@code getProcessCpuLoad()} from cgroup and {@code /proc} files, about 0.5 ms and a few
 * hundred KB of garbage per call, and each registry called both at every step (3 ms a step with
 * three registries, the largest share of the metrics' cost). Both loads are also "since the last
 * call" in the whole JVM, so each registry read only the part of the step since another registry's
 * read. Here the process' load is the injector page's sample of the step (read once per step on the
 * page's thread, which runs whether or not registries are configured) and the system's load is read
 * at most once per half step, by whichever registry asks first; the other three meters are cheap
 * and read directly.
 */
final class ProcessorGauges {
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final DoubleSupplier processCpuLoad;
  private final long minNanosBetweenReads;
  private boolean systemRead;
  private long lastSystemRead;
  private double systemCpuLoad = Double.NaN;

  /**
   * @param processCpuLoad the process' CPU load over the last step, 0 to 1 (NaN when unknown)
   * @param stepMillis the metrics step: the system's load is read at most twice a step
   */
  ProcessorGauges(DoubleSupplier processCpuLoad, long stepMillis) {
    this.processCpuLoad = processCpuLoad;
    this.minNanosBetweenReads = stepMillis * 1_000_000 / 2;
  }

  void bindTo(MeterRegistry registry) {
    Gauge.builder("system.cpu.count", Runtime.getRuntime(), Runtime::availableProcessors)
        .description("The number of processors available to the Java virtual machine")
        .register(registry);
    if (os.getSystemLoadAverage() >= 0) {
      Gauge.builder("system.load.average.1m", os, OperatingSystemMXBean::getSystemLoadAverage)
          .description(
              "The sum of the number of runnable entities queued to available processors and the"
                  + " number of runnable entities running on the available processors averaged"
                  + " over a period of time")
          .register(registry);
    }
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      // strong references: a gauge holds its object weakly, and nothing else holds these two
      Gauge.builder("system.cpu.usage", this, ProcessorGauges::systemCpuLoad)
          .description("The \"recent cpu usage\" of the system the application is running in")
          .strongReference(true)
          .register(registry);
      Gauge.builder("process.cpu.usage", processCpuLoad, DoubleSupplier::getAsDouble)
          .description("The \"recent cpu usage\" for the Java Virtual Machine process")
          .strongReference(true)
          .register(registry);
      FunctionCounter.builder(
              "process.cpu.time",
              sun,
              b -> {
                long nanos = b.getProcessCpuTime();
                return nanos < 0 ? Double.NaN : nanos;
              })
          .description("The \"cpu time\" used by the Java Virtual Machine process")
          .baseUnit("ns")
          .register(registry);
    }
  }

  /** The system's CPU load, from the OS at most once per half step (0 to 1, NaN when unknown). */
  private synchronized double systemCpuLoad() {
    long now = System.nanoTime();
    if (!systemRead || now - lastSystemRead >= minNanosBetweenReads) {
      double load = ((com.sun.management.OperatingSystemMXBean) os).getCpuLoad();
      systemCpuLoad = load < 0 ? Double.NaN : load;
      lastSystemRead = now;
      systemRead = true;
    }
    return systemCpuLoad;
  }
}
