package io.github.gatlingssh.benchmark;

import io.github.gatlingssh.benchmark.hold.HoldBenchmark;
import io.github.gatlingssh.benchmark.report.ChartsPage;
import io.github.gatlingssh.benchmark.report.Format;
import io.github.gatlingssh.benchmark.report.MarkdownReport;
import io.github.gatlingssh.benchmark.report.Report;
import io.github.gatlingssh.benchmark.report.ReportFiles;
import io.github.gatlingssh.benchmark.report.Summary;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.benchmark.run.ClientRuns;
import io.github.gatlingssh.benchmark.run.CommandLine;
import io.github.gatlingssh.benchmark.run.Environment;
import io.github.gatlingssh.benchmark.run.GatlingRun;
import io.github.gatlingssh.benchmark.run.GoSeedClient;
import io.github.gatlingssh.benchmark.run.MinaChild;
import io.github.gatlingssh.benchmark.run.NegotiationProbe;
import io.github.gatlingssh.benchmark.run.OpenSshRun;
import io.github.gatlingssh.benchmark.run.RampRun;
import io.github.gatlingssh.benchmark.run.RunContext;
import io.github.gatlingssh.benchmark.run.TargetServer;
import io.github.gatlingssh.benchmark.sftp.SftpBenchmark;
import io.github.gatlingssh.benchmark.sftp.SftpOptions;
import io.github.gatlingssh.client.Negotiated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed workload benchmark (issue 3): one command that measures gatling-ssh against the best a
 * MINA SSHD client can do and against OpenSSH's own client, on a private OpenSSH server.
 *
 * <p>It starts a private {@code sshd} on 127.0.0.1 (key authentication, {@code MaxStartups
 * 1000:30:1000}, {@code MaxSessions 10}, {@code UseDNS no}) holding the 26,640-byte seed file, then
 * for each N (default 1, 10, 50, 100, 200) and repetition (default 3) runs, each in a fresh
 * process:
 *
 * <ol>
 *   <li>gatling-ssh: {@code SeedSimulation} with {@code -Dseed.users=N};
 *   <li>bare MINA: the same steps on MINA's async API ({@link MinaChild});
 *   <li>OpenSSH: N {@code ssh} processes at once, one {@code cat} each ({@link OpenSshRun});
 *   <li>Go's x/crypto/ssh: {@code benchmark/go/seedclient}, built on first use, skipped when Go or
 *       its x/crypto tree is missing unless asked for by name ({@code GoRun}).
 * </ol>
 *
 * <p>Then the steady state: U users (default 100) looping the sequence for a fixed time (default 60
 * s) with each client but OpenSSH's ({@code ClientRuns#OPENSSH_STEADY_SKIPPED}).
 *
 * <p>It reports, as medians, each phase's time for all N sessions, the total, client and server CPU
 * and errors, plus the targets, the negotiated algorithms and a ramp run (SeedSimulation's default
 * 1-to-200 users injection, with its HTML report). Output: {@code
 * benchmark/target/benchmark-<timestamp>.md} and {@code .json}, copied to {@code
 * benchmark-latest.*}, the charts in {@code benchmark-<timestamp>.html} ({@link ChartsPage}); each
 * run's files under {@code benchmark/target/benchmark-runs/<timestamp>}.
 *
 * <p>Launch it with {@code benchmark/run} (which builds everything first); options: {@link
 * BenchmarkOptions#USAGE}. Needs Linux (/proc), Java 17 and OpenSSH's sshd and ssh; as root the
 * server logs in a dedicated user {@code gatlingssh}, created on first use.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("benchmark.root", ".")).toAbsolutePath().normalize();
    if (SftpOptions.selected(args)) {
      System.exit(SftpBenchmark.run(args, root));
    }
    if (args.length > 0 && args[0].equals("--hold")) {
      System.exit(HoldBenchmark.run(Arrays.copyOfRange(args, 1, args.length), root));
    }
    System.exit(
        CommandLine.run(
            () -> BenchmarkOptions.parse(args, root), BenchmarkOptions.USAGE, Benchmark::run));
  }

  /** Runs the seed workload benchmark; returns the process exit code. */
  private static int run(BenchmarkOptions options) {
    long start = System.nanoTime();
    String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    ChildJvm jvm =
        ChildJvm.forSimulation(
            options.jvmFlags(), options.root(), GatlingRun.SIMULATION, "benchmark/run");
    Path runsDir = options.outDir().resolve("benchmark-runs").resolve(timestamp);
    Map<String, String> skipped = new LinkedHashMap<>();
    GoSeedClient go = null;
    if (options.clients().contains(Client.GO)) {
      go = GoSeedClient.build(options.root(), options.outDir());
      if (!go.available()) {
        try {
          options = options.without(Client.GO, go.problem());
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          return 2;
        }
        skipped.put(Client.GO.label, go.problem());
        log("skipping " + Client.GO.label + ": " + go.problem());
      }
    }
    log(options.describe());

    try (TargetServer server = TargetServer.start()) {
      log(server.describe());
      Map<String, Object> environment = Environment.describe(server, jvm, options.root());
      environment.put(
          "minaWarmUp",
          options.minaWarmUp()
              ? "JIT warmed up first like gatling-ssh's protocol does"
              : "no JIT warm-up");
      double idle = Environment.machineLoad(2000);
      environment.put("machineBusyBeforeRuns", idle);
      log(
          "machine busy before the runs (2 s, no benchmark load): "
              + Format.percent(idle)
              + (idle > 0.05 ? ": other processes are using the CPUs, expect noisy results" : ""));
      RunContext ctx = new RunContext(server, jvm, runsDir, options.minaWarmUp());
      ClientRuns runs = new ClientRuns(ctx, go == null ? null : go.binary());
      Map<Client, Negotiated> negotiated = new LinkedHashMap<>();
      negotiated.put(Client.GATLING, NegotiationProbe.gatlingSsh(server));
      List<RunResult> results = options.atOnce() ? runAll(runs, options) : List.of();
      for (Client c : List.of(Client.MINA, Client.GO)) {
        results.stream()
            .filter(r -> r.client() == c && !r.negotiated().equals(Negotiated.UNKNOWN))
            .findFirst()
            .ifPresent(r -> negotiated.put(c, r.negotiated()));
      }
      negotiated.put(Client.OPENSSH, NegotiationProbe.openSsh(server));
      List<SteadyResult> steady = options.steady() ? steadyAll(runs, options, skipped) : List.of();
      RampRun.Result ramp = null;
      if (options.ramp()) {
        log("ramp mode: SeedSimulation, 1 to 200 concurrent users");
        ramp = RampRun.run(ctx);
        log(
            "ramp: "
                + ramp.users()
                + " users, "
                + ramp.errors()
                + " errors; HTML report: "
                + ramp.report());
      }
      double wall = (System.nanoTime() - start) / 1e9;
      Path charts = options.outDir().resolve("benchmark-" + timestamp + ".html");
      Report report =
          new Report(
              timestamp,
              wall,
              options.repetitions(),
              environment,
              new Summary(results),
              negotiated,
              ramp,
              steady,
              skipped,
              charts);
      ChartsPage.write(report, charts);
      ReportFiles.publish(
          "benchmark",
          options.outDir(),
          "benchmark",
          timestamp,
          MarkdownReport.render(report),
          report.json());
      log("per-run files: " + runsDir);
      if (ramp != null) {
        log("ramp HTML report: " + ramp.report());
      }
      log("charts: " + charts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  private static List<RunResult> runAll(ClientRuns runs, BenchmarkOptions options) {
    List<RunResult> results = new ArrayList<>();
    for (int users : options.users()) {
      for (int rep = 1; rep <= options.repetitions(); rep++) {
        for (Client client : options.clients()) {
          double background = Environment.awaitQuietMachine();
          RunResult r = runs.atOnce(client, users, rep).withBackgroundBusy(background);
          results.add(r);
          log(progress(r));
        }
      }
    }
    return results;
  }

  /** The steady state, once per client: one run of a minute or more each. */
  private static List<SteadyResult> steadyAll(
      ClientRuns runs, BenchmarkOptions options, Map<String, String> skipped) {
    List<SteadyResult> results = new ArrayList<>();
    for (Client client : options.clients()) {
      Environment.awaitQuietMachine();
      runs.steady(client, options.steadyUsers(), options.steadySeconds())
          .ifPresentOrElse(
              r -> {
                results.add(r);
                log(
                    String.format(
                        Locale.ROOT,
                        "steady %-15s %d sessions in %s, client CPU/session %s, errors %d",
                        client.label,
                        r.sessions(),
                        Format.millis(r.window()),
                        Format.millis(r.cpuPerSession()),
                        r.errors()));
              },
              () ->
                  skipped.put(client.label + " (steady state)", ClientRuns.OPENSSH_STEADY_SKIPPED));
    }
    return results;
  }

  private static String progress(RunResult r) {
    String s =
        String.format(
            Locale.ROOT,
            "N=%d #%d %-12s total %s",
            r.users(),
            r.repetition(),
            r.client().label,
            Format.millis(r.total()));
    if (r.phases() != null) {
      s +=
          ", auth+execute "
              + Format.millis(r.phases().authExecute())
              + ", execute "
              + Format.millis(r.phases().execute());
    }
    s +=
        ", client CPU "
            + Format.millis(r.clientCpu())
            + ", server CPU "
            + Format.millis(r.serverCpu())
            + ", errors "
            + r.errors();
    if (r.backgroundBusy() > Environment.QUIET) {
      s += " (machine " + Format.percent(r.backgroundBusy()) + " busy before the run: noisy)";
    }
    if (!r.errorSamples().isEmpty()) {
      s += " " + r.errorSamples();
    }
    return s;
  }

  private static void log(String message) {
    ReportFiles.log("benchmark", message);
  }
}
