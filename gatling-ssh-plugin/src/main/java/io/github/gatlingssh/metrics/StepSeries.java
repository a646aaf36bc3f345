package io.github.gatlingssh.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The injector page's data: one sample per step, kept in memory. Bounded: when {@link #CAPACITY}
 * samples are kept, every other one is dropped, so a long soak keeps its whole span at a coarser
 * resolution (a few hundred KB at most). Written by the sampler thread, read after it stopped.
 */
final class StepSeries {
  static final int CAPACITY = 720;

  /** The injector-wide values of one sample, in the order of {@link #NAMES}. */
  static final String[] NAMES = {
    "process CPU (%)",
    "heap used (MiB)",
    "event-loop lag (ms)",
    "open connections",
    "open channels",
    "MINA I/O-thread lag (ms)"
  };

  private final List<Long> times = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();
  private final Map<String, List<Double>> medians = new LinkedHashMap<>();

  /** Appends one sample: injector values and the medians of the requests that ended in the step. */
  synchronized void add(long epochMillis, double[] injector, Map<String, Double> requestMedians) {
    if (times.size() == CAPACITY) {
      halve();
    }
    int index = times.size();
    times.add(epochMillis);
    values.add(injector.clone());
    requestMedians.forEach(
        (name, median) -> {
          List<Double> series = medians.computeIfAbsent(name, n -> new ArrayList<>());
          while (series.size() < index) {
            series.add(Double.NaN);
          }
          series.add(median);
        });
  }

  private void halve() {
    keepEveryOther(times);
    keepEveryOther(values);
    medians.values().forEach(StepSeries::keepEveryOther);
  }

  private static <T> void keepEveryOther(List<T> list) {
    List<T> kept = new ArrayList<>();
    for (int i = 0; i < list.size(); i += 2) {
      kept.add(list.get(i));
    }
    list.clear();
    list.addAll(kept);
  }

  synchronized int size() {
    return times.size();
  }

  synchronized long[] times() {
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  /** Column {@code i} of {@link #NAMES}. */
  synchronized double[] column(int i) {
    return values.stream().mapToDouble(v -> v[i]).toArray();
  }

  /** Per request name, its median per sample (NaN where none ended). */
  synchronized Map<String, double[]> medians() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    medians.forEach(
        (name, series) -> {
          double[] a = new double[times.size()];
          Arrays.fill(a, Double.NaN);
          for (int i = 0; i < Math.min(a.length, series.size()); i++) {
            a[i] = series.get(i);
          }
          copy.put(name, a);
        });
    return copy;
  }
}
