package io.github.gatlingssh.benchmark.profile;

import io.github.gatlingssh.protocol.Metrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CPU the live metrics cost, accounted directly in one steady run rather than as the difference
 * of two noisy runs: {@link SteadyProfile}'s workload with all three sinks on (a Prometheus
 * endpoint scraped every step, InfluxDB and Graphite pushes to {@link MetricsSinks}), and over the
 * window
 *
 * <ul>
 *   <li>(a) the CPU of every thread that exists only for metrics (by name), plus their share of the
 *       garbage collector's CPU (by the bytes they allocated);
 *   <li>(b) the in-line cost on Gatling's and MINA's threads: the record calls per session (counted
 *       by the metrics themselves) times the CPU of one call ({@link RecordCost}, with the sinks on
 *       minus without, measured after the run on the same JVM);
 * </ul>
 *
 * <p>cost = (a + b) / the client's CPU over the window (the sinks' own threads left out). Prints
 * the steady-state report, the metrics threads, and the % on the last line.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED \
 *   -cp benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt) \
 *   io.github.gatlingssh.benchmark.profile.MetricsCost [users] [warmSeconds] [windowSeconds]
 * </pre>
 */
public final class MetricsCost {
  /**
   * Threads that run only because live metrics are on. Not the injector page's sampler
   * ("gatling-ssh-metrics"): it does the same work in every run, sinks or not.
   */
  private static final Predicate<String> METRICS_THREADS =
      n ->
          n.startsWith("gatling-ssh-influx")
              || n.startsWith("step-meter-registry")
              || n.startsWith("metrics-graphite-reporter")
              || n.startsWith("HTTP-Dispatcher")
              || n.startsWith("Keep-Alive-");

  private static final long STEP_MILLIS = Metrics.DEFAULT_STEP.toMillis();

  private MetricsCost() {}

  /** Arguments: users (100), warm-up seconds (20), window seconds (30). */
  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int window = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int exit;
    try (MetricsSinks sinks = new MetricsSinks()) {
      int prometheus = freePort();
      System.setProperty("profile.metrics", "true");
      System.setProperty("profile.prometheusPort", Integer.toString(prometheus));
      System.setProperty("profile.influxPort", Integer.toString(sinks.influxPort()));
      System.setProperty("profile.graphitePort", Integer.toString(sinks.graphitePort()));
      sinks.scrapeEvery(prometheus, STEP_MILLIS);
      Window w = new Window();
      exit = SteadyProfile.run(users, warm + window, () -> w.measure(sinks, warm, window));
      if (w.steady == null) {
        System.out.println("no window measured");
        System.exit(1);
      }
      System.out.print(w.steady);
      System.out.println(sinks.traffic());
      double off = RecordCost.medianNanos(Metrics.DEFAULT);
      double on =
          RecordCost.medianNanos(
              Metrics.DEFAULT
                  .withPrometheus("127.0.0.1", freePort())
                  .withInfluxDb(URI.create("http://127.0.0.1:" + sinks.influxPort()), "gatling")
                  .withGraphite("127.0.0.1", sinks.graphitePort()));
      System.out.print(w.cost(on, off));
    }
    System.exit(exit);
  }

  /** What one window measured. */
  private static final class Window {
    String steady;
    long sessions;
    long records;
    Map<Long, ThreadCpu.Sample> threads;
    long processNanos;
    long windowNanos;
    double gcNanos;

    String measure(MetricsSinks sinks, int warm, int seconds) throws Exception {
      SteadyProfile.awaitSteadyState(warm);
      long recordsA = sinks.requestsTotal();
      SteadyWindow.Snapshot a = SteadyWindow.Snapshot.take();
      ThreadCpu cpuA = ThreadCpu.take();
      Thread.sleep(seconds * 1000L);
      ThreadCpu cpuB = ThreadCpu.take();
      SteadyWindow.Snapshot b = SteadyWindow.Snapshot.take();
      records = sinks.requestsTotal() - recordsA;
      sessions = b.sessions() - a.sessions();
      threads = cpuB.since(cpuA);
      processNanos = cpuB.processNanos() - cpuA.processNanos();
      windowNanos = b.nanos() - a.nanos();
      gcNanos =
          (b.ticks().getOrDefault("GC and VM", 0L) - a.ticks().getOrDefault("GC and VM", 0L))
              * 10e6;
      steady = SteadyWindow.report(a, b);
      return steady;
    }

    String cost(double onNanos, double offNanos) {
      StringBuilder out =
          new StringBuilder("Java threads with CPU in the window (* = runs only for metrics):\n");
      threads.values().stream()
          .filter(s -> s.cpuNanos() >= 1_000_000 || METRICS_THREADS.test(s.name()))
          .sorted(Comparator.comparing(ThreadCpu.Sample::name))
          .forEach(
              s ->
                  out.append(
                      String.format(
                          "  %s %-50s %8.1f ms  %7.1f MB allocated%n",
                          METRICS_THREADS.test(s.name()) ? "*" : " ",
                          s.name(),
                          s.cpuNanos() / 1e6,
                          s.allocatedBytes() / 1e6)));
      long sinkNanos = ThreadCpu.cpu(threads, n -> n.startsWith("sink-"));
      long profilerNanos = ThreadCpu.cpu(threads, n -> n.startsWith("profile-"));
      double client = processNanos - sinkNanos - profilerNanos;
      double threadNanos = ThreadCpu.cpu(threads, METRICS_THREADS);
      long allocated = ThreadCpu.allocated(threads, n -> true);
      double gcShare =
          allocated == 0
              ? 0
              : gcNanos * ThreadCpu.allocated(threads, METRICS_THREADS) / (double) allocated;
      double perRecord = Math.max(0, onNanos - offNanos);
      double inline = perRecord * records;
      double percent = 100 * (threadNanos + gcShare + inline) / client;
      out.append(
          String.format(
              "client CPU in the window %.0f ms (process %.0f ms, minus the sinks' %.0f ms and the"
                  + " profiler's %.0f ms), %d sessions: %.3f ms/session%n",
              client / 1e6,
              processNanos / 1e6,
              sinkNanos / 1e6,
              profilerNanos / 1e6,
              sessions,
              client / 1e6 / sessions));
      out.append(
          String.format(
              "(a) metrics threads %.1f ms + their share of GC %.1f ms (GC and VM %.0f ms)%n",
              threadNanos / 1e6, gcShare / 1e6, gcNanos / 1e6));
      out.append(
          String.format(
              "(b) %d records (%.2f per session) x %.0f ns (record call %.0f ns with the sinks, %.0f"
                  + " ns without; medians) = %.1f ms%n",
              records, records / (double) sessions, perRecord, onNanos, offNanos, inline / 1e6));
      // (a) is paid per second whatever the load, (b) per session: the % falls as the session
      // rate rises, so both are printed for comparing machines
      double seconds = windowNanos / 1e9;
      out.append(
          String.format(
              "(a) %.1f ms of CPU per second of run; (b) %.1f us per session; %.1f sessions/s%n",
              (threadNanos + gcShare) / 1e6 / seconds,
              inline / 1e3 / sessions,
              sessions / seconds));
      out.append(
          String.format(
              "metrics cost with all three sinks on: %.2f %% of the client CPU per session%n",
              percent));
      return out.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
