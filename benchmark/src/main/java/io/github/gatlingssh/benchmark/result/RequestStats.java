package io.github.gatlingssh.benchmark.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latencies of one request (step) name over a run, ms: count, failures and percentiles.
 *
 * @param ko failed steps among {@code count}
 */
public record RequestStats(int count, int ko, double p50, double p95, double p99, double max) {

  /** One entry per step name, in the order the names first appear. */
  public static Map<String, RequestStats> byName(List<PhaseRecord> steps) {
    Map<String, List<PhaseRecord>> byName = new LinkedHashMap<>();
    steps.forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
    Map<String, RequestStats> stats = new LinkedHashMap<>();
    byName.forEach(
        (name, list) -> {
          double[] times = list.stream().mapToDouble(s -> s.end() - s.start()).toArray();
          int ko = (int) list.stream().filter(s -> !s.ok()).count();
          stats.put(
              name,
              new RequestStats(
                  list.size(),
                  ko,
                  Stats.percentile(times, 50),
                  Stats.percentile(times, 95),
                  Stats.percentile(times, 99),
                  Stats.percentile(times, 100)));
        });
    return stats;
  }
}
