package io.github.gatlingssh.benchmark.hold;

import com.sun.management.UnixOperatingSystemMXBean;
import io.github.gatlingssh.benchmark.report.Format;
import io.github.gatlingssh.benchmark.report.HoldReport;
import io.github.gatlingssh.benchmark.report.ReportFiles;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.benchmark.run.CommandLine;
import io.github.gatlingssh.benchmark.run.Environment;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The hold mode ({@code benchmark/run --hold}): N sessions (default 10,000) held on one injector
 * against the embedded server in its own JVM ({@link HoldServer}), for gatling-ssh and bare MINA in
 * turn, each in a fresh JVM; reports heap per held session, threads and KOs in {@code
 * benchmark/target/hold-<timestamp>.md} and {@code .json} (and {@code hold-latest.*}).
 */
public final class HoldBenchmark {
  /** File descriptors a JVM needs besides its sessions' sockets (jars, pipes, epoll, ...). */
  static final int SPARE_DESCRIPTORS = 1000;

  private HoldBenchmark() {}

  /** Runs the hold mode; returns the process exit code. */
  public static int run(String[] args, Path root) {
    return CommandLine.run(
        () -> HoldOptions.parse(args, root), HoldOptions.USAGE, o -> run(o, root));
  }

  private static int run(HoldOptions options, Path root) {
    HoldSettings settings = options.settings();
    long descriptors = maxDescriptors();
    if (descriptors < settings.users() + SPARE_DESCRIPTORS) {
      System.err.println(
          "the hold mode needs "
              + (settings.users() + SPARE_DESCRIPTORS)
              + " file descriptors per process (one socket per session, client and server alike);"
              + " this process may open "
              + descriptors
              + ": raise the hard limit (ulimit -Hn, /etc/security/limits.conf or the container's"
              + " nofile limit) or pass fewer --users");
      return 2;
    }
    String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path runsDir = options.outDir().resolve("benchmark-runs").resolve("hold-" + timestamp);
    ChildJvm jvm =
        new ChildJvm(HoldRun.CLIENT_FLAGS, root.resolve("simulations/target/test-classes"));
    log(
        settings.users()
            + " sessions, ramp "
            + settings.ramp().toSeconds()
            + " s, held "
            + settings.hold().toSeconds()
            + " s, echo every "
            + settings.echo().toSeconds()
            + " s; clients "
            + options.clients()
            + "; up to "
            + descriptors
            + " file descriptors");
    double busy = Environment.machineLoad(2000);
    List<HoldResult> results = new ArrayList<>();
    Duration serverLimit = settings.clientTimeout().multipliedBy(options.clients().size());
    try (HoldServerProcess server =
        HoldServerProcess.start(runsDir.resolve("server.log"), serverLimit)) {
      log("embedded server in its own JVM: " + server);
      HoldRun run = new HoldRun(jvm, server.target(), settings, runsDir, options.histograms());
      for (Client client : options.clients()) {
        HoldResult r = run.run(client);
        results.add(r);
        log(progress(r));
      }
    }
    HoldReport report =
        new HoldReport(
            timestamp,
            settings.users(),
            settings.ramp(),
            settings.hold(),
            busy,
            results.stream().map(HoldResult::row).toList(),
            runsDir);
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    Path md = ReportFiles.write(options.outDir(), "hold", timestamp, markdown, report.json());
    log("report: " + md + " and .json (also hold-latest.md/.json); run files: " + runsDir);
    return 0;
  }

  private static long maxDescriptors() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount()
        : Long.MAX_VALUE;
  }

  private static String progress(HoldResult r) {
    HoldMeasure m = r.measure();
    return r.client().label
        + ": "
        + m.heldSessions()
        + " sessions held, heap per session "
        + HoldReport.kilobytes(m.heapPerSession())
        + ", threads "
        + m.heldThreads()
        + " (peak "
        + m.peakThreads()
        + "), OK "
        + r.ok()
        + ", KO "
        + r.ko()
        + ", wall "
        + Format.millis(r.wallSeconds() * 1e3)
        + (m.failure().isEmpty() ? "" : ", probe failed: " + m.failure())
        + (r.koSamples().isEmpty() ? "" : " " + r.koSamples());
  }

  private static void log(String message) {
    System.out.println(
        "[benchmark --hold "
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
            + "] "
            + message);
  }
}
