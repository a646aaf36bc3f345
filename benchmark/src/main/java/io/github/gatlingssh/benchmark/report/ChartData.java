package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** What the charts plot, taken from the report's figures: series of points and bar groups. */
final class ChartData {

  private ChartData() {}

  /** Per client that ran at some N: {N, median of {@code metric}}, NaN points left out. */
  static Map<Client, List<double[]>> byUsers(Summary s, Metric metric) {
    Map<Client, List<double[]>> lines = new LinkedHashMap<>();
    for (Client c : Client.values()) {
      List<double[]> points = new ArrayList<>();
      for (int n : s.userCounts()) {
        double v = s.has(c, n) ? s.median(c, n, metric) : Double.NaN;
        if (!Double.isNaN(v)) {
          points.add(new double[] {n, v});
        }
      }
      if (!points.isEmpty()) {
        lines.put(c, points);
      }
    }
    return lines;
  }

  /**
   * Client CPU per session, ms: one group per N ("N = 200", median) and one for the steady state
   * ("steady"), each with a value per client that has one.
   */
  static Map<String, Map<Client, Double>> cpuPerSession(Summary s, List<SteadyResult> steady) {
    Map<String, Map<Client, Double>> groups = new LinkedHashMap<>();
    for (int n : s.userCounts()) {
      Map<Client, Double> bars = new LinkedHashMap<>();
      for (Client c : Client.values()) {
        if (s.has(c, n)) {
          bars.put(c, s.median(c, n, Metric.CLIENT_CPU_PER_SESSION));
        }
      }
      groups.put("N = " + n, bars);
    }
    if (!steady.isEmpty()) {
      Map<Client, Double> bars = new LinkedHashMap<>();
      steady.forEach(r -> bars.put(r.client(), r.cpuPerSession()));
      groups.put("steady, " + steady.get(0).users() + " users", bars);
    }
    return groups;
  }

  /** One group per step name of the steady state, a value (e.g. p95) per client. */
  static Map<String, Map<Client, Double>> steadySteps(
      List<SteadyResult> steady, ToDoubleFunction<RequestStats> which) {
    Map<String, Map<Client, Double>> groups = new LinkedHashMap<>();
    for (SteadyResult r : steady) {
      r.requests()
          .forEach(
              (step, stats) ->
                  groups
                      .computeIfAbsent(step, k -> new LinkedHashMap<>())
                      .put(r.client(), which.applyAsDouble(stats)));
    }
    return groups;
  }

  /** Points {epoch ms, y} as {seconds since {@code origin}, y * {@code scale}}. */
  static List<double[]> since(List<double[]> points, double origin, double scale) {
    return points.stream().map(p -> new double[] {(p[0] - origin) / 1000, p[1] * scale}).toList();
  }
}
