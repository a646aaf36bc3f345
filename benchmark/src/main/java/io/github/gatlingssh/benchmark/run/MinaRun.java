package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
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
    return run(ctx, dir, users, List.of(ChildArgs.of("mode", "once")), Duration.ofMinutes(3))
        .atOnce(Client.MINA, users, repetition);
  }

  /** {@code users} sessions, each followed by a new one, for {@code seconds}. */
  public static SteadyResult steady(RunContext ctx, int users, int seconds) {
    Path dir = ctx.runsDir().resolve("mina-steady-u" + users);
    List<String> mode = List.of(ChildArgs.of("mode", "steady"), ChildArgs.of("seconds", seconds));
    return run(ctx, dir, users, mode, Duration.ofSeconds(seconds + 180L))
        .steady(Client.MINA, users, seconds);
  }

  private static StepFileOutcome run(
      RunContext ctx, Path dir, int users, List<String> modeArgs, Duration timeout) {
    Measurements.createDir(dir);
    Path steps = dir.resolve("steps.tsv");
    Path samples = dir.resolve("cpu-samples.tsv");
    TargetServer s = ctx.server();
    List<String> args =
        new ArrayList<>(
            List.of(
                ChildArgs.of("host", s.sshd().host()), ChildArgs.of("port", s.sshd().port()),
                ChildArgs.of("user", s.sshd().username()), ChildArgs.of("key", s.sshd().userKey()),
                ChildArgs.of("knownHosts", s.sshd().knownHostsFile()),
                    ChildArgs.of("file", s.dataFile()),
                ChildArgs.of("users", users), ChildArgs.of("steps", steps),
                ChildArgs.of("samples", samples), ChildArgs.of("warmUp", ctx.minaWarmUp())));
    args.addAll(modeArgs);
    Measurements.Server server = Measurements.Server.before(s);
    Path log = dir.resolve("output.log");
    ChildJvm.Exit exit = ctx.jvm().run(MinaChild.class.getName(), List.of(), args, log, timeout);
    TargetServer.Cpu serverCpu = server.after();
    return StepFileOutcome.read(
        steps, c -> Measurements.samples(samples), serverCpu, exit, "the bare MINA child", log);
  }
}
