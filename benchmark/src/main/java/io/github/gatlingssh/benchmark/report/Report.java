package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.benchmark.run.RampRun;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a benchmark run found, rendered as Markdown ({@link MarkdownReport}) and JSON.
 *
 * @param steady the steady-state runs (empty when not run)
 * @param skipped what did not run (a client, or a client in one mode), and why
 * @param charts the HTML page with the charts, or null
 */
public record Report(
    String timestamp,
    double wallSeconds,
    int repetitions,
    Map<String, Object> environment,
    Summary summary,
    Map<Client, Negotiated> negotiated,
    RampRun.Result ramp,
    List<SteadyResult> steady,
    Map<String, String> skipped,
    Path charts) {

  /** The columns of the results table (the JIT-less CPU is in the thread group table). */
  static final List<Metric> TABLE =
      Arrays.stream(Metric.values())
          .filter(m -> m != Metric.CLIENT_CPU_PER_SESSION_WITHOUT_JIT)
          .toList();

  /** The thread groups seen in any run. */
  List<String> threadGroups() {
    TreeSet<String> groups = new TreeSet<>();
    summary.runs().forEach(r -> groups.addAll(r.threadCpu().keySet()));
    return new ArrayList<>(groups);
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("timestamp", timestamp);
    root.put("benchmarkWallSeconds", wallSeconds);
    root.put("repetitions", repetitions);
    root.put("environment", environment);
    root.put("definitions", Definitions.ALL);
    List<Object> medians = new ArrayList<>();
    for (int n : summary.userCounts()) {
      for (Client c : Client.values()) {
        if (summary.has(c, n)) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("users", n);
          row.put("client", c.label);
          summary.medians(c, n).forEach((m, v) -> row.put(m.label, v));
          row.put("threadCpuMs", summary.threadCpu(c, n));
          medians.add(row);
        }
      }
    }
    root.put("medians", medians);
    root.put("reference", reference());
    root.put("targets", Targets.evaluate(summary));
    Map<String, Object> neg = new LinkedHashMap<>();
    negotiated.forEach((c, n) -> neg.put(c.label, algorithms(n)));
    root.put("negotiated", neg);
    root.put("runs", summary.runs().stream().map(Report::run).toList());
    root.put("ramp", ramp == null ? null : ramp(ramp));
    root.put("steady", steady.stream().map(Report::steady).toList());
    root.put(
        "goComparison",
        GoComparison.rows(summary, steady).stream().map(GoComparison.Row::toMap).toList());
    root.put("skipped", skipped);
    root.put("charts", charts == null ? null : charts.toString());
    return Json.write(root);
  }

  private static Map<String, Object> reference() {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("source", Reference.SOURCE);
    ref.put("note", "not measured by this run");
    Map<String, Object> pssh = new LinkedHashMap<>();
    new TreeMap<>(Reference.PARALLEL_SSH_ROWS)
        .forEach(
            (n, r) ->
                pssh.put(
                    n.toString(),
                    Map.of(
                        "auth+execute",
                        r.authExecute(),
                        "close+exit status",
                        r.closeExit(),
                        "execute",
                        r.execute(),
                        "channel read",
                        r.channelRead(),
                        "total",
                        r.total())));
    ref.put("parallel-ssh 2.16", pssh);
    ref.put("OpenSSH ssh total", Reference.OPENSSH_TOTAL);
    return ref;
  }

  private static Map<String, Object> run(RunResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", r.client().label);
    m.put("users", r.users());
    m.put("repetition", r.repetition());
    for (Metric metric : Metric.values()) {
      m.put(metric.label, metric.of(r));
    }
    m.put("server CPU (listener /proc)", r.serverProcCpu());
    m.put("server CPU (cgroup)", r.serverCgroupCpu());
    m.put("machine busy CPU", r.machineBusy());
    m.put("process wall", r.processWall());
    m.put("machine busy before the run", r.backgroundBusy());
    m.put("threadCpuMs", r.threadCpu());
    m.put("phaseCpuMs", r.phaseCpu());
    m.put("errorSamples", r.errorSamples());
    return m;
  }

  private static Map<String, Object> steady(SteadyResult r) {
    Map<String, Object> m =
        Json.object(
            "client", r.client().label,
            "users", r.users(),
            "seconds", r.seconds(),
            "sessionsCompleted", r.sessions(),
            "sessionsPerSecond", r.sessionsPerSecond(),
            "windowMs", r.window(),
            "clientCpuMs", r.clientCpu(),
            "clientCpuPerSessionMs", r.cpuPerSession(),
            "serverCpuMs", r.serverCpu(),
            "serverCpuPerSessionMs", r.serverCpuPerSession());
    putOutcome(m, r.errors(), r.errorSamples(), r.requests());
    return m;
  }

  private static Map<String, Object> ramp(RampRun.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("report", r.report().toString());
    m.put("simulationLog", r.simulationLog().toString());
    m.put("users", r.users());
    m.put("durationMs", r.duration());
    m.put("clientCpuMs", r.clientCpu());
    m.put("jvmCpuMs", r.jvmCpu());
    m.put("serverCpuMs", r.serverCpu());
    m.put("machineBusy", r.machineUtilisation());
    putOutcome(m, r.errors(), r.errorSamples(), r.requests());
    return m;
  }

  /** Errors and step percentiles, as the steady and ramp runs both report them. */
  private static void putOutcome(
      Map<String, Object> m,
      int errors,
      List<String> errorSamples,
      Map<String, RequestStats> requests) {
    m.put("errors", errors);
    m.put("errorSamples", errorSamples);
    m.put("requests", requests);
  }

  /** Negotiated algorithms, as the JSON reports show them. */
  public static Map<String, Object> algorithms(Negotiated n) {
    return Map.of("kex", n.kex(), "hostKey", n.hostKey(), "cipher", n.cipher(), "mac", n.mac());
  }
}
