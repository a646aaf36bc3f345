package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.Stats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The medians over repetitions, per client and N (errors are summed, not medianed). */
public final class Summary {
  private final List<RunResult> runs;

  public Summary(List<RunResult> runs) {
    this.runs = List.copyOf(runs);
  }

  List<RunResult> runs() {
    return runs;
  }

  List<Integer> userCounts() {
    return new ArrayList<>(new TreeSet<>(runs.stream().map(RunResult::users).toList()));
  }

  List<RunResult> runs(Client client, int users) {
    return runs.stream().filter(r -> r.client() == client && r.users() == users).toList();
  }

  boolean has(Client client, int users) {
    return !runs(client, users).isEmpty();
  }

  double median(Client client, int users, Metric metric) {
    List<RunResult> rs = runs(client, users);
    if (metric == Metric.ERRORS) {
      return rs.isEmpty() ? Double.NaN : rs.stream().mapToInt(RunResult::errors).sum();
    }
    return Stats.median(rs.stream().map(metric::of).toList());
  }

  Map<Metric, Double> medians(Client client, int users) {
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      m.put(metric, median(client, users, metric));
    }
    return m;
  }

  /** Median CPU per thread group, ms. */
  Map<String, Double> threadCpu(Client client, int users) {
    Map<String, List<Double>> byGroup = new TreeMap<>();
    for (RunResult r : runs(client, users)) {
      r.threadCpu().forEach((g, v) -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
    }
    Map<String, Double> medians = new TreeMap<>();
    byGroup.forEach((g, vs) -> medians.put(g, Stats.median(vs)));
    return medians;
  }

  /** Per phase window, the median of each figure of {@link RunResult#phaseCpu()}. */
  Map<String, Map<String, Double>> phaseCpu(Client client, int users) {
    Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    for (RunResult r : runs(client, users)) {
      r.phaseCpu()
          .forEach(
              (phase, figures) ->
                  figures.forEach(
                      (k, v) ->
                          values
                              .computeIfAbsent(phase, p -> new LinkedHashMap<>())
                              .computeIfAbsent(k, x -> new ArrayList<>())
                              .add(v)));
    }
    Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
    values.forEach(
        (phase, figures) -> {
          Map<String, Double> m = new LinkedHashMap<>();
          figures.forEach((k, vs) -> m.put(k, Stats.median(vs)));
          medians.put(phase, m);
        });
    return medians;
  }

  /** gatling-ssh / bare MINA for a metric's medians; NaN if either is missing. */
  double ratioToMina(int users, Metric metric) {
    return median(Client.GATLING, users, metric) / median(Client.MINA, users, metric);
  }

  /**
   * Median share of sshd's CPU (cgroup) that the listener's /proc figure misses, N runs; NaN
   * without cgroup.
   */
  double serverProcShortfall(int users) {
    return Stats.median(
        runs.stream()
            .filter(r -> r.users() == users && r.serverCgroupCpu() > 0)
            .map(r -> 1 - r.serverProcCpu() / r.serverCgroupCpu())
            .toList());
  }
}
