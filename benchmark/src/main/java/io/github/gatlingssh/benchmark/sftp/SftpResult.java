package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.report.Json;
import io.github.gatlingssh.benchmark.report.Report;
import io.github.gatlingssh.benchmark.result.Stats;
import io.github.gatlingssh.client.Negotiated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one SFTP benchmark measured.
 *
 * @param timestamp when it started, yyyyMMdd-HHmmss
 * @param wallSeconds how long it took
 * @param options what was asked for
 * @param environment machine, versions, server (see {@code Environment.describe})
 * @param negotiated the algorithms each client negotiated, by client label
 * @param singles each single transfer of each repetition, in run order
 * @param concurrent the concurrent runs, one per client
 */
record SftpResult(
    String timestamp,
    double wallSeconds,
    SftpOptions options,
    Map<String, Object> environment,
    Map<String, Negotiated> negotiated,
    List<Measured> singles,
    List<Concurrent> concurrent) {

  /**
   * The median of each client's single transfers of each kind, in first-seen order: wall time and
   * CPU are medians of their own (so MiB/s is that of the median time); errors of all runs.
   */
  List<Measured> medians() {
    Map<String, List<Measured>> groups = new LinkedHashMap<>();
    singles.forEach(
        m -> groups.computeIfAbsent(m.what() + "\t" + m.client(), k -> new ArrayList<>()).add(m));
    List<Measured> medians = new ArrayList<>();
    groups.forEach(
        (key, runs) -> {
          List<Measured> ok = runs.stream().filter(Measured::ok).toList();
          Map<String, Double> raw = new LinkedHashMap<>();
          raw.put("runs", (double) runs.size());
          raw.put("okRuns", (double) ok.size());
          medianOfRaw(ok).forEach(raw::put);
          Measured first = runs.get(0);
          medians.add(
              new Measured(
                  first.client(),
                  first.what(),
                  first.bytes(),
                  Stats.median(ok.stream().map(Measured::wallMs).toList()),
                  Stats.median(ok.stream().map(Measured::cpuMs).toList()),
                  raw,
                  runs.stream().flatMap(r -> r.errors().stream()).toList()));
        });
    return medians;
  }

  /** The median of each raw figure over the runs. */
  private static Map<String, Double> medianOfRaw(List<Measured> runs) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    runs.forEach(
        r -> r.raw().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
    Map<String, Double> medians = new LinkedHashMap<>();
    values.forEach((k, v) -> medians.put(k, Stats.median(v)));
    return medians;
  }

  /**
   * gatling-ssh's throughput over OpenSSH sftp's for {@code what} (medians); NaN if either is
   * missing.
   */
  double throughputRatio(String what) {
    double gatling = Double.NaN;
    double openssh = Double.NaN;
    for (Measured m : medians()) {
      if (m.what().equals(what) && m.client().equals(GatlingSftp.LABEL)) {
        gatling = m.mibPerSecond();
      } else if (m.what().equals(what) && m.client().equals(OpenSshSftp.LABEL)) {
        openssh = m.mibPerSecond();
      }
    }
    return gatling / openssh;
  }

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("timestamp", timestamp);
    root.put("wallSeconds", wallSeconds);
    root.put("fileBytes", options.fileBytes());
    root.put("users", options.users());
    root.put("userBytes", options.userBytes());
    root.put("repetitions", options.repetitions());
    root.put("environment", environment);
    Map<String, Object> algorithms = new LinkedHashMap<>();
    negotiated.forEach((client, n) -> algorithms.put(client, Report.algorithms(n)));
    root.put("negotiated", algorithms);
    root.put("singleMedians", medians().stream().map(SftpResult::measured).toList());
    root.put("singleRuns", singles.stream().map(SftpResult::measured).toList());
    List<Object> runs = new ArrayList<>();
    for (Concurrent c : concurrent) {
      Map<String, Object> m = measured(c.total());
      m.put("requests", c.requests());
      runs.add(m);
    }
    root.put("concurrent", runs);
    return Json.write(root);
  }

  /** One measurement, keys in alphabetical order. */
  private static Map<String, Object> measured(Measured r) {
    return new TreeMap<>(
        Map.of(
            "client", r.client(),
            "what", r.what(),
            "bytes", r.bytes(),
            "wallMs", r.wallMs(),
            "mibPerSecond", r.mibPerSecond(),
            "clientCpuMs", r.cpuMs(),
            "clientCpuMsPerMib", r.cpuMsPerMib(),
            "clientCpuMsPerMibWithoutJit", r.cpuMsPerMibWithoutJit(),
            "raw", r.raw(),
            "errors", r.errors()));
  }
}
