package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.run.GatlingRun;
import io.github.gatlingssh.benchmark.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * gatling-ssh: {@code SftpBenchSimulation} in a fresh JVM (the plugin's {@code sftp(..)} actions,
 * 64 requests of 32 KiB in flight), after a warm-up of the same transfers on a 64 MiB file; times
 * from simulation.log, CPU from the child's samples in the same windows.
 */
final class GatlingSftp {
  static final String LABEL = "gatling-ssh";
  static final String SIMULATION = "io.github.gatlingssh.simulations.SftpBenchSimulation";

  /** The measured scenario's requests (the warm-up's are named "warm-up ..."). */
  static final List<String> REQUESTS =
      List.of("connect", "open sftp", "upload", "download", "disconnect");

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private GatlingSftp() {}

  /** One user: the single upload, then the single download; each request is a measurement. */
  static List<Measured> single(RunContext ctx, Path dir, TransferFiles files, long bytes) {
    List<String> properties = properties(files, 1, files.bigLocal());
    properties.add("-Dsftp.download=" + files.bigRemote());
    properties.add("-Dsftp.downloadBytes=" + bytes);
    GatlingRun.Outcome o = GatlingRun.run(ctx, dir, SIMULATION, properties, false, TIMEOUT);
    return List.of(transfer(o, "download", bytes), transfer(o, "upload", bytes));
  }

  /** {@code users} users at once, each uploading then downloading its {@code userBytes} file. */
  static Concurrent concurrent(
      RunContext ctx, Path dir, TransferFiles files, int users, long userBytes) {
    GatlingRun.Outcome o =
        GatlingRun.run(
            ctx, dir, SIMULATION, properties(files, users, files.smallLocal()), false, TIMEOUT);
    List<PhaseRecord> steps = o.steps().stream().filter(s -> REQUESTS.contains(s.name())).toList();
    List<String> errors = new ArrayList<>(o.errors());
    long done = steps.stream().filter(s -> s.ok() && s.name().equals("download")).count();
    if (done < users) {
      errors.add((users - done) + " of " + users + " users did not download their file");
    }
    CpuSamples samples = o.samples();
    Concurrent.Cpu cpu =
        new Concurrent.Cpu() {
          @Override
          public double millis(double from, double to) {
            return samples.processCpuMs(from, to);
          }

          @Override
          public Map<String, Double> details(double from, double to) {
            return threads(samples, from, to);
          }
        };
    return Concurrent.of(LABEL, users, userBytes, steps, cpu, errors);
  }

  private static List<String> properties(TransferFiles files, int users, Path upload) {
    List<String> p = new ArrayList<>();
    p.add("-Dsftp.users=" + users);
    p.add("-Dsftp.upload=" + upload);
    p.add("-Dsftp.remoteDir=" + files.remoteDir());
    p.add("-Dsftp.localDir=" + files.downloads());
    p.add("-Dsftp.warmUp=" + files.warmUpLocal());
    return p;
  }

  /** The request {@code name} of a one-user run, as a measurement: its response time and CPU. */
  static Measured transfer(GatlingRun.Outcome o, String name, long bytes) {
    Optional<PhaseRecord> step = o.steps().stream().filter(s -> s.name().equals(name)).findFirst();
    if (step.isEmpty() || !step.get().ok()) {
      List<String> errors = new ArrayList<>();
      step.ifPresent(s -> errors.add(name + ": " + s.message()));
      errors.addAll(o.errors());
      if (errors.isEmpty()) {
        errors.add("no " + name + " request in simulation.log");
      }
      return Measured.failed(LABEL, name, bytes, errors);
    }
    PhaseRecord s = step.get();
    return new Measured(
        LABEL,
        name,
        bytes,
        s.end() - s.start(),
        o.samples().processCpuMs(s.start(), s.end()),
        threads(o.samples(), s.start(), s.end()),
        o.errors());
  }

  /** The window's CPU per thread group (JIT compiler, MINA I/O, ...), for the JSON report. */
  private static Map<String, Double> threads(CpuSamples samples, double from, double to) {
    Map<String, Double> raw = new LinkedHashMap<>();
    samples.threadGroupCpuMs(from, to).forEach((group, ms) -> raw.put("cpu " + group, ms));
    return raw;
  }
}
