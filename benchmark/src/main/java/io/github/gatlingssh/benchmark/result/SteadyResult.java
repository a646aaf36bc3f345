package io.github.gatlingssh.benchmark.result;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One steady-state run: {@code users} concurrent users each looping the seed sequence for {@code
 * seconds} (a closed model: a session that ends is followed by a new one), after the client's
 * warm-up. Times and CPU in milliseconds.
 *
 * @param sessions sessions completed (their "disconnect" step succeeded)
 * @param window first "connect" start to the last step's end: the client CPU window
 * @param start the window's start, epoch ms (for the charts)
 * @param clientCpu the whole client process's CPU in the window (all threads: JIT, GC, ...)
 * @param serverCpu sshd's CPU over the run (see {@code TargetServer.Cpu#best()})
 * @param requests latency percentiles per step name
 * @param errors failed steps and errors
 * @param errorSamples a few of the error messages
 * @param samples the client's CPU (and heap) samples
 */
public record SteadyResult(
    Client client,
    int users,
    int seconds,
    int sessions,
    double window,
    double start,
    double clientCpu,
    double serverCpu,
    Map<String, RequestStats> requests,
    int errors,
    List<String> errorSamples,
    CpuSamples samples) {

  /** Measures a run from its steps and the client's CPU samples. */
  public static SteadyResult of(
      Client client,
      int users,
      int seconds,
      Collection<PhaseRecord> steps,
      CpuSamples samples,
      double serverCpu,
      List<String> errors,
      List<String> errorSamples) {
    double start = steps.stream().mapToDouble(PhaseRecord::start).min().orElse(Double.NaN);
    double end = steps.stream().mapToDouble(PhaseRecord::end).max().orElse(Double.NaN);
    int sessions =
        (int) steps.stream().filter(s -> s.ok() && s.name().equals(Phases.DISCONNECT)).count();
    return new SteadyResult(
        client,
        users,
        seconds,
        sessions,
        end - start,
        start,
        samples.processCpuMs(start, end),
        serverCpu,
        RequestStats.byName(List.copyOf(steps)),
        errors.size(),
        errorSamples,
        samples);
  }

  /** Client CPU per completed session, ms; NaN without sessions. */
  public double cpuPerSession() {
    return sessions == 0 ? Double.NaN : clientCpu / sessions;
  }

  /** Server CPU per completed session, ms; NaN without sessions. */
  public double serverCpuPerSession() {
    return sessions == 0 ? Double.NaN : serverCpu / sessions;
  }

  /** Completed sessions per second of the window. */
  public double sessionsPerSecond() {
    return window > 0 ? sessions / (window / 1000) : Double.NaN;
  }
}
