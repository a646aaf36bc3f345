package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.client.Negotiated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what a JVM client's run left behind into a {@link RunResult}. */
final class Measurements {
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
  private static final int ERROR_SAMPLES = 5;

  private Measurements() {}

  /** sshd's CPU over one run: taken when the server is idle before and after. */
  static final class Server {
    private final TargetServer server;
    private final TargetServer.Cpu before;

    private Server(TargetServer server, TargetServer.Cpu before) {
      this.server = server;
      this.before = before;
    }

    static Server before(TargetServer server) {
      if (!server.awaitIdle(IDLE_TIMEOUT)) {
        throw new IllegalStateException("sshd still has sessions from a previous run");
      }
      return new Server(server, server.cpu());
    }

    /** After the client ended: waits for sshd's per-connection processes to be reaped. */
    TargetServer.Cpu after() {
      if (!server.awaitIdle(IDLE_TIMEOUT)) {
        throw new IllegalStateException(
            "sshd sessions did not end within " + IDLE_TIMEOUT + "\n" + server.logTail(20));
      }
      return server.cpu().minus(before);
    }
  }

  static RunResult result(
      Client client,
      int users,
      int repetition,
      Phases phases,
      CpuSamples samples,
      TargetServer.Cpu serverCpu,
      ChildJvm.Exit exit,
      List<String> errors,
      Negotiated negotiated) {
    List<String> all = new ArrayList<>(errors);
    if (phases.sessions() < users) {
      all.add((users - phases.sessions()) + " of " + users + " sessions never started");
    }
    double from = phases.windowStart();
    double to = phases.windowEnd();
    Map<String, Double> threads = samples.threadGroupCpuMs(from, to);
    return new RunResult(
        client,
        users,
        repetition,
        phases,
        phases.total(),
        samples.processCpuMs(from, to),
        samples.fact("jvmCpuMs"),
        serverCpu.best(),
        serverCpu.procMs(),
        serverCpu.cgroupMs(),
        samples.machineBusyMs(from, to),
        samples.machineUtilisation(from, to),
        threads,
        all.size(),
        errorSamples(all),
        exit.wallMillis(),
        negotiated,
        Double.NaN,
        phaseCpu(phases, samples));
  }

  /** A steady-state run's figures from its steps, the client's CPU samples and sshd's CPU. */
  static SteadyResult steady(
      Client client,
      int users,
      int seconds,
      List<PhaseRecord> steps,
      CpuSamples samples,
      TargetServer.Cpu serverCpu,
      List<String> errors) {
    return SteadyResult.of(
        client, users, seconds, steps, samples, serverCpu.best(), errors, errorSamples(errors));
  }

  /** The client's CPU and the machine's busy time in each phase's window, ms. */
  static Map<String, Map<String, Double>> phaseCpu(Phases phases, CpuSamples samples) {
    Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    for (Phases.Window w : phases.windows()) {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("window", w.end() - w.start());
      m.put("client CPU", samples.processCpuMs(w.start(), w.end()));
      m.put("machine busy CPU", samples.machineBusyMs(w.start(), w.end()));
      cpu.put(w.phase(), m);
    }
    return cpu;
  }

  /** The first few error messages, for the report. */
  static List<String> errorSamples(List<String> errors) {
    return errors.subList(0, Math.min(ERROR_SAMPLES, errors.size()));
  }

  static CpuSamples samples(Path file) {
    try {
      return CpuSamples.parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException("no CPU samples from the child JVM: " + file, e);
    }
  }

  static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
