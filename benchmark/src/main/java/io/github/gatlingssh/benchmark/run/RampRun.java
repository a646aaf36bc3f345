package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.result.Stats;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ramp mode: SeedSimulation's default injection (closed model, concurrency ramped from 1 to 200
 * users, each finished user replaced) in one Gatling run, with its HTML report.
 */
public final class RampRun {
  private RampRun() {}

  /** Latencies of one request name over the run, ms. */
  public record RequestStats(int count, int ko, double p50, double p95, double p99, double max) {}

  /** What the ramp run shows. */
  public record Result(
      Path report,
      Path simulationLog,
      int users,
      double duration,
      Map<String, RequestStats> requests,
      double clientCpu,
      double jvmCpu,
      double serverCpu,
      double machineUtilisation,
      int errors,
      List<String> errorSamples) {}

  public static Result run(RunContext ctx) {
    Path dir = ctx.runsDir().resolve("ramp");
    GatlingRun.Outcome o = GatlingRun.run(ctx, dir, List.of(), true, Duration.ofMinutes(4));
    SimulationLog log = o.log();
    double from =
        log.users().stream().mapToDouble(SimulationLog.User::timestamp).min().orElse(Double.NaN);
    double to =
        log.users().stream().mapToDouble(SimulationLog.User::timestamp).max().orElse(Double.NaN);
    int users = (int) log.users().stream().filter(SimulationLog.User::start).count();
    return new Result(
        o.runDir().resolve("index.html"),
        o.runDir().resolve("simulation.log"),
        users,
        to - from,
        requestStats(o.steps()),
        o.samples().processCpuMs(from, to),
        o.samples().fact("jvmCpuMs"),
        o.serverCpu().best(),
        o.samples().machineUtilisation(from, to),
        o.errors().size(),
        Measurements.errorSamples(o.errors()));
  }

  public static Map<String, RequestStats> requestStats(List<PhaseRecord> steps) {
    Map<String, List<PhaseRecord>> byName = new LinkedHashMap<>();
    steps.forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
    Map<String, RequestStats> stats = new LinkedHashMap<>();
    byName.forEach(
        (name, list) -> {
          double[] times = list.stream().mapToDouble(s -> s.end() - s.start()).toArray();
          int ko = (int) list.stream().filter(s -> !s.ok()).count();
          stats.put(
              name,
              new RequestStats(
                  list.size(),
                  ko,
                  Stats.percentile(times, 50),
                  Stats.percentile(times, 95),
                  Stats.percentile(times, 99),
                  Stats.percentile(times, 100)));
        });
    return stats;
  }
}
