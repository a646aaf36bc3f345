package io.github.gatlingssh.benchmark.result;

import java.util.Arrays;
import java.util.Collection;

/** Small statistics over measurements; NaN values (figures that do not apply) are ignored. */
public final class Stats {
  private Stats() {}

  public static double median(Collection<Double> values) {
    double[] v =
        values.stream()
            .mapToDouble(Double::doubleValue)
            .filter(d -> !Double.isNaN(d))
            .sorted()
            .toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /** Nearest-rank percentile, p in 0..100. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }
}
