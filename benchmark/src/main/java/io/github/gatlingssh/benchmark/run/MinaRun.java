package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare MINA SSHD: {@link MinaChild} in a fresh JVM with the same flags as gatling-ssh's, warmed up
 * like gatling-ssh unless {@code --no-mina-warm-up}.
 */
public final class MinaRun {
  private MinaRun() {}

  public static RunResult atOnce(RunContext ctx, int users, int repetition) {
    Path dir = ctx.runsDir().resolve("mina-n" + users + "-r" + repetition);
    Outcome o = run(ctx, dir, users, List.of(ChildArgs.of("mode", "once")), Duration.ofMinutes(3));
    return Measurements.result(
        Client.MINA,
        users,
        repetition,
        Phases.of(o.content().steps()),
        o.samples(),
        o.serverCpu(),
        o.exit(),
        o.errors(),
        o.content().negotiated());
  }

  /** {@code users} sessions, each followed by a new one, for {@code seconds}. */
  public static SteadyResult steady(RunContext ctx, int users, int seconds) {
    Path dir = ctx.runsDir().resolve("mina-steady-u" + users);
    Outcome o =
        run(
            ctx,
            dir,
            users,
            List.of(ChildArgs.of("mode", "steady"), ChildArgs.of("seconds", seconds)),
            Duration.ofSeconds(seconds + 180L));
    return SteadyResult.of(
        Client.MINA,
        users,
        seconds,
        o.content().steps(),
        o.samples(),
        o.serverCpu().best(),
        o.errors(),
        Measurements.errorSamples(o.errors()));
  }

  /** What one child left behind. */
  private record Outcome(
      StepFile.Content content,
      CpuSamples samples,
      TargetServer.Cpu serverCpu,
      ChildJvm.Exit exit,
      List<String> errors) {}

  private static Outcome run(
      RunContext ctx, Path dir, int users, List<String> modeArgs, Duration timeout) {
    Measurements.createDir(dir);
    Path steps = dir.resolve("steps.tsv");
    Path samples = dir.resolve("cpu-samples.tsv");
    TargetServer s = ctx.server();
    List<String> args =
        new ArrayList<>(
            List.of(
                ChildArgs.of("host", s.host()), ChildArgs.of("port", s.port()),
                ChildArgs.of("user", s.username()), ChildArgs.of("key", s.userKey()),
                ChildArgs.of("knownHosts", s.knownHosts()), ChildArgs.of("file", s.dataFile()),
                ChildArgs.of("users", users), ChildArgs.of("steps", steps),
                ChildArgs.of("samples", samples), ChildArgs.of("warmUp", ctx.minaWarmUp())));
    args.addAll(modeArgs);
    Measurements.Server server = Measurements.Server.before(s);
    ChildJvm.Exit exit =
        ctx.jvm()
            .run(MinaChild.class.getName(), List.of(), args, dir.resolve("output.log"), timeout);
    TargetServer.Cpu serverCpu = server.after();
    StepFile.Content content;
    try {
      content = StepFile.parse(Files.readAllLines(steps));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "bare MINA run wrote no steps; see " + dir.resolve("output.log"), e);
    }
    List<String> errors = new ArrayList<>();
    content.steps().stream()
        .filter(r -> !r.ok())
        .forEach(r -> errors.add(r.name() + ": " + r.message()));
    if (exit.code() != 0 && errors.isEmpty()) {
      errors.add("bare MINA child exited with code " + exit.code());
    }
    return new Outcome(content, Measurements.samples(samples), serverCpu, exit, errors);
  }
}
