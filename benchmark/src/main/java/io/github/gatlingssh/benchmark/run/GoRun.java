package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Go's x/crypto/ssh ({@link GoSeedClient}) in a fresh process: the same steps, step names and step
 * file as the bare MINA child, after {@value #WARM_UP} sequential warm-up sessions. Those run
 * against the server under test (Go has no in-process server), so the client pauses after them and
 * sshd's CPU is read only then. Client CPU: the process's user + system time (all goroutines and
 * the GC), which the client samples every 5 ms.
 */
public final class GoRun {
  /** Sequential sessions before the measured ones (Go compiles ahead: they warm caches only). */
  public static final int WARM_UP = 20;

  /** The warm-up sessions take seconds; a client not ready after this is stuck. */
  static final Duration READY_WITHIN = Duration.ofMinutes(2);

  private GoRun() {}

  public static RunResult atOnce(RunContext ctx, Path binary, int users, int repetition) {
    Path dir = ctx.runsDir().resolve("go-n" + users + "-r" + repetition);
    return run(ctx, binary, dir, users, List.of("-mode", "once"), Duration.ofMinutes(3))
        .atOnce(Client.GO, users, repetition);
  }

  /** {@code users} goroutines looping the sequence for {@code seconds}. */
  public static SteadyResult steady(RunContext ctx, Path binary, int users, int seconds) {
    Path dir = ctx.runsDir().resolve("go-steady-u" + users);
    List<String> mode = List.of("-mode", "steady", "-duration", seconds + "s");
    return run(ctx, binary, dir, users, mode, Duration.ofSeconds(seconds + 180L))
        .steady(Client.GO, users, seconds);
  }

  private static StepFileOutcome run(
      RunContext ctx, Path binary, Path dir, int users, List<String> mode, Duration timeout) {
    Measurements.createDir(dir);
    Path steps = dir.resolve("steps.tsv");
    Path log = dir.resolve("output.log");
    List<String> cmd = new ArrayList<>(command(ctx.server(), binary, users));
    cmd.addAll(mode);
    cmd.addAll(List.of("-steps", steps.toString()));
    ChildJvm.Exit exit;
    TargetServer.Cpu serverCpu;
    try {
      Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      long start = System.nanoTime();
      try {
        awaitReady(p, log, READY_WITHIN);
        Measurements.Server server = Measurements.Server.before(ctx.server());
        try (OutputStream in = p.getOutputStream()) {
          in.write('\n');
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("the Go client did not end within " + timeout);
        }
        exit = new ChildJvm.Exit(p.exitValue(), (System.nanoTime() - start) / 1e6);
        serverCpu = server.after();
      } finally {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary + "; see " + log, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    // the Go client samples its own CPU: the step file's C lines
    return StepFileOutcome.read(
        steps, c -> CpuSamples.ofProcessCpu(c.cpu()), serverCpu, exit, "the Go client", log);
  }

  /** The client's command line, without mode and step file. */
  static List<String> command(TargetServer s, Path binary, int users) {
    return List.of(
        binary.toString(),
        "-host",
        s.sshd().host(),
        "-port",
        Integer.toString(s.sshd().port()),
        "-user",
        s.sshd().username(),
        "-key",
        s.sshd().userKey().toString(),
        "-knownHosts",
        s.sshd().knownHostsFile().toString(),
        "-file",
        s.dataFile().toString(),
        "-users",
        Integer.toString(users),
        "-warmup",
        Integer.toString(WARM_UP),
        "-pause");
  }

  /** Reads the client's standard output until its warm-up is over ("ready"). */
  /**
   * Waits for the client's "ready" line (printed after its warm-up sessions), at most {@code
   * within}: past it the client is killed, so a client stuck in its warm-up cannot hold the
   * benchmark.
   */
  static void awaitReady(Process p, Path log, Duration within) throws IOException {
    AtomicBoolean expired = new AtomicBoolean();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                  expired.set(true);
                  // its output ends with them: readLine below returns null
                  p.descendants().forEach(ProcessHandle::destroyForcibly);
                  p.destroyForcibly();
                }
              } catch (InterruptedException e) {
                // ready in time
              }
            },
            "go-client-ready-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("ready")) {
          return;
        }
      }
    } finally {
      watchdog.interrupt();
    }
    throw new IllegalStateException(
        expired.get()
            ? "the Go client was not ready within " + within + " (its warm-up sessions); see " + log
            : "the Go client ended during its warm-up; see " + log);
  }
}
