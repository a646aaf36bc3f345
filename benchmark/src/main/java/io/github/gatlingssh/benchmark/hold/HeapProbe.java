package io.github.gatlingssh.benchmark.hold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;

/**
 * Measures, inside a client JVM, what its held sessions cost: live heap after a full collection (a
 * {@code System.gc()}, a full stop-the-world collection with the Parallel collector of the child
 * JVMs, then the heap the collector left, from its {@code GcInfo}) before the first session and
 * with all of them held, and the live thread count.
 *
 * <p>It runs on a daemon thread of its own and needs no hook in the client: it follows the
 * established connections to the server's port ({@link EstablishedConnections}) and the sessions
 * the server authenticated ({@link HoldSettings#probe}). While there is no connection, it collects
 * once a second, and the last collection with none before and after is the baseline (the client
 * started, its JIT warm-up over if the client leaves a quiet time before the first user). Once
 * {@code expected} sessions are held (or the ramp is long over), it waits one echo period, so that
 * every session ran a command, and collects again. With {@code -Dhold.histograms=true} it also
 * writes the class histograms of both moments ({@link ClassHistogram}) beside its file.
 */
final class HeapProbe {
  private final Plan plan;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long start = System.nanoTime();
  private volatile Sample baseline;
  private volatile Sample heldSample;
  private volatile int maxConnections;
  private volatile String failure;
  private final boolean histograms = Boolean.getBoolean("hold.histograms");
  private volatile String baselineHistogram;
  private volatile String heldHistogram;

  /** One full collection: when (s since the probe started), live heap, threads, connections. */
  record Sample(double seconds, long heapBytes, int threads, int connections) {}

  /**
   * What to wait for, and how long.
   *
   * @param port the server's port
   * @param held how many sessions are held (authenticated) now
   * @param expected the sessions to wait for
   * @param settle how long to wait, once they are all up, before measuring (an echo period)
   * @param patience how long after the first connection to wait for all of them at most
   */
  record Plan(int port, IntSupplier held, int expected, Duration settle, Duration patience) {}

  HeapProbe(Plan plan) {
    this.plan = plan;
  }

  /** Starts probing on a daemon thread. */
  HeapProbe start() {
    Thread t = new Thread(this::probe, "hold-heap-probe");
    t.setDaemon(true);
    t.start();
    return this;
  }

  private void probe() {
    try {
      while (EstablishedConnections.to(plan.port()) == 0) {
        String histogram = histograms ? ClassHistogram.take() : null;
        Sample s = collect();
        if (s.connections() == 0 && EstablishedConnections.to(plan.port()) == 0) {
          baseline = s;
          baselineHistogram = histogram;
        }
        Thread.sleep(1000);
      }
      long firstSeen = System.nanoTime();
      int n;
      while ((n = plan.held().getAsInt()) < plan.expected()
          && System.nanoTime() - firstSeen < plan.patience().toNanos()) {
        maxConnections = Math.max(maxConnections, n);
        Thread.sleep(250);
      }
      maxConnections = Math.max(maxConnections, n);
      Thread.sleep(plan.settle().toMillis());
      heldHistogram = histograms ? ClassHistogram.take() : null;
      heldSample = collect();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = String.valueOf(e);
    }
  }

  private Sample collect() {
    System.gc();
    long heap = heapAfterLastFullCollection();
    return new Sample(
        (System.nanoTime() - start) / 1e9, heap, threads.getThreadCount(), plan.held().getAsInt());
  }

  /**
   * The heap in use right after the latest collection, from the collector that ran last (for a
   * {@code System.gc()} the full one): what was live, without what threads allocated since.
   */
  private static long heapAfterLastFullCollection() {
    com.sun.management.GcInfo latest = null;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean sun) {
        com.sun.management.GcInfo info = sun.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
    List<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(p -> p.getName())
            .toList();
    return latest.getMemoryUsageAfterGc().entrySet().stream()
        .filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed())
        .sum();
  }

  /** Writes what it measured (a properties file, {@link HoldMeasure#read} reads it). */
  void write(Path file) {
    write(file, Map.of());
  }

  /** Writes what it measured, and what the client counted ({@code extra}). */
  void write(Path file, Map<String, String> extra) {
    Properties p = new Properties();
    extra.forEach(p::setProperty);
    put(p, "baseline", baseline);
    put(p, "held", heldSample);
    p.setProperty("maxConnections", Integer.toString(maxConnections));
    p.setProperty("peakThreads", Integer.toString(threads.getPeakThreadCount()));
    if (failure != null) {
      p.setProperty("failure", failure);
    }
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, "hold mode heap probe");
      if (baselineHistogram != null && heldHistogram != null) {
        Files.writeString(file.resolveSibling("histogram-before.txt"), baselineHistogram);
        Files.writeString(file.resolveSibling("histogram-held.txt"), heldHistogram);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(Properties p, String name, Sample s) {
    if (s != null) {
      p.setProperty(name + ".seconds", Double.toString(s.seconds()));
      p.setProperty(name + ".heapBytes", Long.toString(s.heapBytes()));
      p.setProperty(name + ".threads", Integer.toString(s.threads()));
      p.setProperty(name + ".connections", Integer.toString(s.connections()));
    }
  }
}
