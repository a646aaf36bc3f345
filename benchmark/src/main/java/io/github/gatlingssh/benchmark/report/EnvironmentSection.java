package io.github.gatlingssh.benchmark.report;

import java.util.Locale;
import java.util.Map;

/** The report's title and the list of what was measured where: code, machine, server, clients. */
final class EnvironmentSection {

  private EnvironmentSection() {}

  static void append(StringBuilder md, Report r) {
    Map<String, Object> env = r.environment();
    md.append("# gatling-ssh seed workload benchmark, ").append(r.timestamp()).append("\n\n");
    md.append("- Code: ").append(env.get("code")).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine: %s CPUs (%s), %s GiB, Linux %s\n- Server: %s; %s\n",
            env.get("cpus"),
            env.get("cpuModel"),
            env.get("memoryGiB"),
            env.get("kernel"),
            env.get("server"),
            env.get("sshd")));
    md.append("- File: ").append(env.get("file")).append('\n');
    md.append(
            "- Clients: gatling-ssh (SeedSimulation, -Dseed.users=N: N users at once, phases in lockstep;")
        .append(" Gatling ")
        .append(env.get("gatling"))
        .append(", MINA SSHD ")
        .append(env.get("minaSshd"))
        .append(
            "); bare MINA (the same steps and barriers on MINA's async API, same client settings, ")
        .append(env.get("minaWarmUp"))
        .append("); OpenSSH ")
        .append(env.get("sshClient"))
        .append(" (N processes at once, -o KexAlgorithms=curve25519-sha256); Go x/crypto/ssh (")
        .append(env.get("go"))
        .append(", benchmark/go/seedclient: the same steps and barriers, N goroutines)\n");
    md.append("- JVMs: ")
        .append(env.get("java"))
        .append(", a fresh one per client, N and repetition: `")
        .append(env.get("childJvmFlags"))
        .append("`\n");
    md.append("- Machine busy before the runs, without benchmark load: ")
        .append(Format.percent((Double) env.getOrDefault("machineBusyBeforeRuns", Double.NaN)))
        .append(" (other processes compete with the benchmark when this is not ~0%)\n");
    md.append("- ")
        .append(r.repetitions())
        .append(" repetitions, medians; N sessions started at once;")
        .append(" benchmark wall time ")
        .append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds()))
        .append("\n\n");
  }
}
