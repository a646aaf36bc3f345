package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Ramp mode: SeedSimulation's default injection (closed model, concurrency ramped from 1 to 200
 * users, each finished user replaced) in one Gatling run, with its HTML report.
 */
public final class RampRun {
  private RampRun() {}

  /**
   * What the ramp run shows.
   *
   * @param samples the child JVM's CPU and heap samples, for the charts
   * @param start when the first user started, epoch ms
   */
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
      List<String> errorSamples,
      CpuSamples samples,
      double start) {}

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
        RequestStats.byName(o.steps()),
        o.samples().processCpuMs(from, to),
        o.samples().fact("jvmCpuMs"),
        o.serverCpu().best(),
        o.samples().machineUtilisation(from, to),
        o.errors().size(),
        Measurements.errorSamples(o.errors()),
        o.samples(),
        from);
  }
}
