package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.client.Negotiated;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * gatling-ssh: SeedSimulation in a fresh JVM; phases from its simulation.log, CPU from the samples
 * of the window the log shows.
 */
public final class GatlingRun {
  public static final String SIMULATION = "io.github.gatlingssh.simulations.SeedSimulation";

  private GatlingRun() {}

  /** N users at once, no HTML report. */
  public static RunResult atOnce(RunContext ctx, int users, int repetition) {
    Path dir = ctx.runsDir().resolve("gatling-n" + users + "-r" + repetition);
    Outcome o = run(ctx, dir, List.of("-Dseed.users=" + users), false, Duration.ofMinutes(3));
    Phases phases = Phases.of(o.steps());
    return Measurements.result(
        Client.GATLING,
        users,
        repetition,
        phases,
        o.samples(),
        o.serverCpu(),
        o.exit(),
        o.errors(),
        Negotiated.UNKNOWN);
  }

  /**
   * SeedSimulation's steady mode: {@code users} concurrent users looping the sequence for {@code
   * seconds} (closed model), no HTML report.
   */
  public static SteadyResult steady(RunContext ctx, int users, int seconds) {
    Path dir = ctx.runsDir().resolve("gatling-steady-u" + users);
    Outcome o =
        run(
            ctx,
            dir,
            List.of("-Dseed.steadyUsers=" + users, "-Dseed.steadySeconds=" + seconds),
            false,
            Duration.ofSeconds(seconds + 180L));
    return Measurements.steady(
        Client.GATLING, users, seconds, o.steps(), o.samples(), o.serverCpu(), o.errors());
  }

  /** What one Gatling child left behind. */
  public record Outcome(
      SimulationLog log,
      List<PhaseRecord> steps,
      CpuSamples samples,
      TargetServer.Cpu serverCpu,
      ChildJvm.Exit exit,
      List<String> errors,
      Path runDir) {}

  static Outcome run(
      RunContext ctx, Path dir, List<String> extraProperties, boolean reports, Duration timeout) {
    return run(ctx, dir, SIMULATION, extraProperties, reports, timeout);
  }

  /**
   * Runs {@code simulation} (a class of simulations/) in a fresh JVM against the run's server, with
   * {@code extraProperties} ({@code -Dkey=value}) and CPU sampling; results under {@code dir}.
   */
  public static Outcome run(
      RunContext ctx,
      Path dir,
      String simulation,
      List<String> extraProperties,
      boolean reports,
      Duration timeout) {
    Path results = dir.resolve("results");
    Path samples = dir.resolve("cpu-samples.tsv");
    List<String> properties = new ArrayList<>(ctx.targetProperties());
    properties.add("-Dgatling.data.enableAnalytics=false");
    properties.addAll(extraProperties);
    List<String> args =
        new ArrayList<>(List.of(samples.toString(), "-s", simulation, "-rf", results.toString()));
    if (!reports) {
      args.add("-nr");
    }
    Measurements.Server server = Measurements.Server.before(ctx.server());
    ChildJvm.Exit exit =
        ctx.jvm()
            .run(
                GatlingChild.class.getName(),
                properties,
                args,
                Measurements.createDir(dir).resolve("output.log"),
                timeout);
    TargetServer.Cpu serverCpu = server.after();
    Path runDir = runDir(results);
    SimulationLog log = SimulationLog.read(runDir.resolve("simulation.log"));
    List<PhaseRecord> steps = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (SimulationLog.Request r : log.requests()) {
      steps.add(new PhaseRecord(r.name(), r.start(), r.end(), r.ok(), r.message()));
      if (!r.ok()) {
        errors.add(r.name() + ": " + r.message());
      }
    }
    log.errors().forEach(e -> errors.add(e.message()));
    if (exit.code() != 0 && errors.isEmpty()) {
      errors.add("Gatling exited with code " + exit.code() + "; see " + dir.resolve("output.log"));
    }
    return new Outcome(log, steps, Measurements.samples(samples), serverCpu, exit, errors, runDir);
  }

  private static Path runDir(Path results) {
    try (Stream<Path> dirs = Files.list(results)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("simulation.log")))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no simulation.log under " + results));
    } catch (IOException e) {
      throw new UncheckedIOException("Gatling wrote no results under " + results, e);
    }
  }
}
