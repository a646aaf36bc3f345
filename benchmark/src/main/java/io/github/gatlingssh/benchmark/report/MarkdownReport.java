package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.Environment;
import io.github.gatlingssh.benchmark.run.RampRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's Markdown report. */
public final class MarkdownReport {

  static final List<String> DEFINITIONS = List.of(
      "Phase times are for all N sessions together, as parallel-ssh's lockstep phases: from the"
          + " first start to the last completion of that phase across sessions. auth+execute = first"
          + " \"connect\" start to last \"start\" end (TCP, kex, auth, exec request accepted);"
          + " close+exit status, execute and channel read = the steps of those names;"
          + " total = first \"connect\" start to last \"channel read\" end, so it excludes disconnect,"
          + " which is reported apart.",
      "gatling-ssh times come from the run's simulation.log (Gatling logs whole milliseconds);"
          + " bare MINA logs the same steps itself. OpenSSH ssh: total = first process launched to"
          + " last exited; phases do not apply.",
      "client CPU = the client process's CPU from the first connect to the last disconnect,"
          + " interpolated from 5 ms samples of the process CPU time (10 ms ticks: +-10 ms), less"
          + " the benchmark's own sampler thread; JVM start-up, Gatling's set-up, the JIT warm-up and"
          + " shutdown excluded. whole JVM CPU = the same process from JVM start to exit, including"
          + " the warm-up (gatling-ssh's protocol runs up to 400 sessions for up to 2.5 s against an"
          + " in-JVM server when the simulation is built; bare MINA does the same unless"
          + " --no-mina-warm-up). OpenSSH: all CPU of the N ssh processes and their launching bash,"
          + " start-up included (cutime/cstime).",
      "server CPU = CPU charged to a cgroup holding the sshd listener and everything it forks,"
          + " read before and after the run with no session open; without a writable cgroup, the"
          + " listener's utime+stime+cutime+cstime delta in /proc/PID/stat, which undercounts (see"
          + " the accounting check).",
      "machine busy = all CPUs' busy share (/proc/stat) in the client CPU window: 100% means both"
          + " cores saturated. other CPU = the machine's busy time in the window minus client and"
          + " server CPU: kernel work charged to no process, and any other process on the machine"
          + " (a sign of a noisy run when large).",
      "Each cell is the median of its own values over the repetitions; errors are summed.",
      "Client and server share the same 2 cores: every client CPU millisecond is taken from sshd,"
          + " and runs are noisy, most at small N and for the +-10 ms CPU figures.");

  static final String SHORTFALL = "The listener's figure undercounts: OpenSSH 9.2's per-connection"
      + " monitor exits without waiting for its post-auth child (the session's sshd, which encrypts"
      + " the output and reaps the shell and cat), so that child is re-parented to init and its CPU"
      + " never reaches the listener's cutime/cstime (seen as zombies with parent 1 in the cgroup)."
      + " The cgroup counts every process sshd forked, reaped or not.";

  private MarkdownReport() {}

  public static String render(Report r) {
    StringBuilder md = new StringBuilder();
    Summary s = r.summary();
    Map<String, Object> env = r.environment();
    md.append("# gatling-ssh seed workload benchmark, ").append(r.timestamp()).append("\n\n");
    md.append("- Code: ").append(env.get("code")).append('\n');
    md.append("- Machine: ").append(env.get("cpus")).append(" CPUs (").append(env.get("cpuModel"))
        .append("), ").append(env.get("memoryGiB")).append(" GiB, Linux ").append(env.get("kernel")).append('\n');
    md.append("- Server: ").append(env.get("server")).append("; ").append(env.get("sshd")).append('\n');
    md.append("- File: ").append(env.get("file")).append('\n');
    md.append("- Clients: gatling-ssh (SeedSimulation, -Dseed.users=N: N users at once, phases in lockstep;")
        .append(" Gatling ").append(env.get("gatling")).append(", MINA SSHD ").append(env.get("minaSshd"))
        .append("); bare MINA (the same steps and barriers on MINA's async API, same client settings, ")
        .append(env.get("minaWarmUp")).append("); OpenSSH ").append(env.get("sshClient"))
        .append(" (N processes at once, -o KexAlgorithms=curve25519-sha256)\n");
    md.append("- JVMs: ").append(env.get("java")).append(", a fresh one per client, N and repetition: `")
        .append(env.get("childJvmFlags")).append("`\n");
    md.append("- Machine busy before the runs, without benchmark load: ")
        .append(Format.percent((Double) env.getOrDefault("machineBusyBeforeRuns", Double.NaN)))
        .append(" (other processes compete with the benchmark when this is not ~0%)\n");
    md.append("- ").append(r.repetitions()).append(" repetitions, medians; N sessions started at once;")
        .append(" benchmark wall time ").append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds()))
        .append("\n\n");

    md.append("## Results\n\n");
    appendResults(md, s);

    md.append("\n## Targets (gatling-ssh at N = ").append(Reference.TARGET_USERS).append(")\n\n");
    md.append("| target | limit | measured | met |\n|---|---|---|---|\n");
    for (Targets.Check c : Targets.evaluate(s)) {
      md.append("| ").append(c.target()).append(" | ").append(c.limit()).append(" | ").append(c.measured())
          .append(" | ").append(c.met() ? "yes" : "**no**").append(" |\n");
    }

    md.append("\n## gatling-ssh / bare MINA (ratio of medians)\n\n");
    List<Metric> ratios = List.of(Metric.AUTH_EXECUTE, Metric.EXECUTE, Metric.CHANNEL_READ,
        Metric.TOTAL, Metric.CLIENT_CPU, Metric.SERVER_CPU);
    header(md, List.of("N"), ratios.stream().map(m -> m.label).toList());
    for (int n : s.userCounts()) {
      md.append("| ").append(n).append(" |");
      ratios.forEach(m -> md.append(' ').append(Format.ratio(s.ratioToMina(n, m))).append(" |"));
      md.append('\n');
    }

    appendThreads(md, r);
    appendPhaseCpu(md, s, env.get("cpus") instanceof Integer cpus ? cpus : Runtime.getRuntime().availableProcessors());

    md.append("\n## Negotiated algorithms\n\n| client | kex | host key | cipher | MAC | from |\n|---|---|---|---|---|---|\n");
    r.negotiated().forEach((c, n) -> md.append("| ").append(c.label).append(" | ").append(n.kex())
        .append(" | ").append(n.hostKey()).append(" | ").append(n.cipher()).append(" | ").append(n.mac())
        .append(" | ").append(source(c)).append(" |\n"));

    md.append("\n## Server CPU accounting check\n\n");
    md.append("Share of sshd's CPU (").append(env.get("serverCpuCrossCheck"))
        .append(") missing from the listener's utime+stime+cutime+cstime delta, median per N: ");
    List<String> gaps = new ArrayList<>();
    for (int n : s.userCounts()) {
      gaps.add("N=" + n + " " + Format.percent(s.serverProcShortfall(n)));
    }
    md.append(String.join(", ", gaps)).append(". ").append(SHORTFALL).append('\n');

    if (r.ramp() != null) {
      appendRamp(md, r.ramp());
    }

    md.append("\n## Definitions\n\n");
    DEFINITIONS.forEach(d -> md.append("- ").append(d).append('\n'));
    return md.toString();
  }

  private static void appendResults(StringBuilder md, Summary s) {
    header(md, List.of("N", "client"), Report.TABLE.stream().map(m -> m.label).toList());
    for (int n : s.userCounts()) {
      for (Client c : Client.values()) {
        if (!s.has(c, n)) {
          continue;
        }
        md.append("| ").append(n).append(" | ").append(c.label).append(" |");
        Map<Metric, Double> medians = s.medians(c, n);
        Report.TABLE.forEach(m -> md.append(' ').append(m.format(medians.get(m))).append(" |"));
        md.append('\n');
      }
      Reference.Row ref = Reference.PARALLEL_SSH_ROWS.get(n);
      if (ref != null) {
        md.append("| ").append(n).append(" | *").append(Reference.PARALLEL_SSH).append("* |");
        Report.TABLE.forEach(m -> {
          double v = Reference.value(ref, m);
          md.append(' ').append(Double.isNaN(v) ? "" : "*" + m.format(v) + "*").append(" |");
        });
        md.append('\n');
      }
      Double openssh = Reference.OPENSSH_TOTAL.get(n);
      if (openssh != null) {
        md.append("| ").append(n).append(" | *").append(Reference.OPENSSH).append("* |");
        Report.TABLE.forEach(m -> md.append(' ')
            .append(m == Metric.TOTAL ? "*" + m.format(openssh) + "*" : "").append(" |"));
        md.append('\n');
      }
    }
    md.append("\nItalic rows: figures from ").append(Reference.SOURCE)
        .append(" (same machine type), not measured by this run.\n");
    List<String> noisy = s.runs().stream()
        .filter(r -> r.backgroundBusy() > Environment.QUIET)
        .map(r -> "N=" + r.users() + " " + r.client().label + " #" + r.repetition() + " ("
            + Format.percent(r.backgroundBusy()) + ")")
        .toList();
    md.append("\nNoise: ").append(noisy.isEmpty()
        ? "every run started on a quiet machine (other processes under "
            + Format.percent(Environment.QUIET) + " busy; the benchmark waits up to 15 s per run"
            + " and 2 min in all for that)."
        : noisy.size() + " of " + s.runs().size() + " runs started while other processes kept the"
            + " machine busy (more than " + Format.percent(Environment.QUIET)
            + " after waiting up to 15 s per run, 2 min in all): "
            + String.join(", ", noisy) + ".").append('\n');
  }

  private static void appendThreads(StringBuilder md, Report r) {
    Summary s = r.summary();
    List<String> groups = r.threadGroups();
    if (groups.isEmpty()) {
      return;
    }
    md.append("\n## Client CPU by thread group (median in the client CPU window, 100 ms samples)\n\n");
    List<String> columns = new ArrayList<>(groups);
    columns.add("client CPU/session without JIT");
    header(md, List.of("N", "client"), columns);
    for (int n : s.userCounts()) {
      for (Client c : List.of(Client.GATLING, Client.MINA)) {
        if (!s.has(c, n)) {
          continue;
        }
        Map<String, Double> cpu = s.threadCpu(c, n);
        md.append("| ").append(n).append(" | ").append(c.label).append(" |");
        groups.forEach(g -> md.append(' ').append(Format.millis(cpu.getOrDefault(g, 0.0))).append(" |"));
        md.append(' ').append(Format.millis(s.median(c, n, Metric.CLIENT_CPU_PER_SESSION_WITHOUT_JIT))).append(" |\n");
      }
    }
  }

  /** At the largest N: how busy the client and the machine were in each phase. */
  private static void appendPhaseCpu(StringBuilder md, Summary s, int cpus) {
    List<Integer> ns = s.userCounts();
    if (ns.isEmpty()) {
      return;
    }
    int n = ns.get(ns.size() - 1);
    md.append("\n## CPU in each phase at N = ").append(n)
        .append(" (medians; machine = all processes on all ").append(cpus).append(" CPUs)\n\n")
        .append("| client | phase | window | client CPU | machine busy CPU | machine busy |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Client c : List.of(Client.GATLING, Client.MINA)) {
      s.phaseCpu(c, n).forEach((phase, f) -> {
        double window = f.getOrDefault("window", Double.NaN);
        double busy = f.getOrDefault("machine busy CPU", Double.NaN);
        md.append("| ").append(c.label).append(" | ").append(phase).append(" | ")
            .append(Format.millis(window)).append(" | ")
            .append(Format.millis(f.getOrDefault("client CPU", Double.NaN))).append(" | ")
            .append(Format.millis(busy)).append(" | ")
            .append(Format.percent(busy / (cpus * window))).append(" |\n");
      });
    }
    md.append("\nMachine figures come from 100 ms samples: rough for windows under a few hundred ms.\n");
  }

  private static void appendRamp(StringBuilder md, RampRun.Result ramp) {
    md.append("\n## Ramp mode (SeedSimulation default: closed model, 1 to 200 concurrent users)\n\n");
    md.append("HTML report: ").append(ramp.report()).append("\n\n");
    md.append(ramp.users()).append(" users in ").append(Format.millis(ramp.duration()))
        .append("; client CPU ").append(Format.millis(ramp.clientCpu()))
        .append(" (").append(Format.millis(ramp.users() == 0 ? Double.NaN : ramp.clientCpu() / ramp.users()))
        .append("/user), server CPU ").append(Format.millis(ramp.serverCpu()))
        .append(" (").append(Format.millis(ramp.users() == 0 ? Double.NaN : ramp.serverCpu() / ramp.users()))
        .append("/user), machine busy ").append(Format.percent(ramp.machineUtilisation()))
        .append(", errors ").append(ramp.errors()).append(".\n\n");
    md.append("| request | count | KO | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
    ramp.requests().forEach((name, st) -> md.append("| ").append(name).append(" | ").append(st.count())
        .append(" | ").append(st.ko()).append(" | ").append(Format.millis(st.p50())).append(" | ")
        .append(Format.millis(st.p95())).append(" | ").append(Format.millis(st.p99())).append(" | ")
        .append(Format.millis(st.max())).append(" |\n"));
  }

  /** A table's header row and separator line: the key columns, then the value columns. */
  private static void header(StringBuilder md, List<String> keys, List<String> values) {
    md.append('|');
    keys.forEach(k -> md.append(' ').append(k).append(" |"));
    values.forEach(v -> md.append(' ').append(v).append(" |"));
    md.append('\n').append('|').append("---|".repeat(keys.size() + values.size())).append('\n');
  }

  private static String source(Client c) {
    return switch (c) {
      case GATLING -> "one connection of the plugin's SshConnector with SeedSimulation's client settings";
      case MINA -> "the benchmark's first session";
      case OPENSSH -> "ssh -v";
    };
  }
}
