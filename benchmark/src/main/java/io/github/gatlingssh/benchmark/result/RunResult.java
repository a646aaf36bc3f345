package io.github.gatlingssh.benchmark.result;

import io.github.gatlingssh.client.Negotiated;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One measured run: one client, N sessions, one repetition. Times and CPU in milliseconds; NaN
 * where a figure does not apply (phases for the OpenSSH client).
 *
 * @param phases the phase times (null for OpenSSH, which only has a total)
 * @param total first connect to last output read (OpenSSH: first process launched to last exited)
 * @param clientCpu the client's CPU in its window (first connect to last disconnect)
 * @param jvmCpu the child JVM's CPU from its start to its end (start-up and shutdown included)
 * @param serverCpu sshd's CPU over the run: the cgroup's figure, else the listener's (see {@code
 *     TargetServer.Cpu#best()})
 * @param serverProcCpu the sshd listener's utime+stime+cutime+cstime delta over the run
 * @param serverCgroupCpu the cgroup holding sshd and all it forked (NaN without cgroups)
 * @param machineBusy all CPUs' busy time in the window
 * @param machineUtilisation busy share of the machine (2 cores) in the window, 0..1
 * @param threadCpu client CPU by thread group in the window (JVM clients)
 * @param errors failed steps, failed processes and errors
 * @param errorSamples a few of the error messages
 * @param processWall wall time of the child process (JVM start-up included)
 * @param negotiated what the client negotiated, if it reports it
 * @param backgroundBusy the machine's busy share just before the run, without benchmark load
 * @param phaseCpu per phase window: the client's CPU and the machine's busy time (all CPUs), ms
 */
public record RunResult(
    Client client,
    int users,
    int repetition,
    Phases phases,
    double total,
    double clientCpu,
    double jvmCpu,
    double serverCpu,
    double serverProcCpu,
    double serverCgroupCpu,
    double machineBusy,
    double machineUtilisation,
    Map<String, Double> threadCpu,
    int errors,
    List<String> errorSamples,
    double processWall,
    Negotiated negotiated,
    double backgroundBusy,
    Map<String, Map<String, Double>> phaseCpu) {

  public RunResult withBackgroundBusy(double busy) {
    return new RunResult(
        client,
        users,
        repetition,
        phases,
        total,
        clientCpu,
        jvmCpu,
        serverCpu,
        serverProcCpu,
        serverCgroupCpu,
        machineBusy,
        machineUtilisation,
        threadCpu,
        errors,
        errorSamples,
        processWall,
        negotiated,
        busy,
        phaseCpu);
  }

  public double phase(ToDoubleFunction<Phases> which) {
    return phases == null ? Double.NaN : which.applyAsDouble(phases);
  }
}
