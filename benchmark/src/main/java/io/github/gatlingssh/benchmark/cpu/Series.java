package io.github.gatlingssh.benchmark.cpu;

import java.util.ArrayList;
import java.util.List;

/** A counter sampled over time (e.g. CPU milliseconds), read at any instant by interpolation. */
final class Series {
  private final List<double[]> points = new ArrayList<>();

  /** Adds a sample; times must not decrease. */
  void add(double time, double value) {
    if (!points.isEmpty() && time < points.get(points.size() - 1)[0]) {
      throw new IllegalArgumentException("samples out of order at " + time);
    }
    points.add(new double[] {time, value});
  }

  boolean isEmpty() {
    return points.isEmpty();
  }

  double lastValue() {
    return points.get(points.size() - 1)[1];
  }

  double firstTime() {
    return points.get(0)[0];
  }

  double lastTime() {
    return points.get(points.size() - 1)[0];
  }

  /** A copy of the samples: {time, value}. */
  List<double[]> points() {
    return points.stream().map(double[]::clone).toList();
  }

  /**
   * The value at {@code time}: linear between the samples around it, the first value before the
   * first sample (or {@code before} when given, for counters that did not exist yet), the last one
   * after the last sample. NaN without samples.
   */
  double at(double time, double before) {
    if (points.isEmpty()) {
      return Double.NaN;
    }
    if (time < points.get(0)[0]) {
      return Double.isNaN(before) ? points.get(0)[1] : before;
    }
    int lo = 0;
    int hi = points.size() - 1;
    if (time >= points.get(hi)[0]) {
      return points.get(hi)[1];
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (points.get(mid)[0] <= time) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double[] a = points.get(lo);
    double[] b = points.get(hi);
    double span = b[0] - a[0];
    return span <= 0 ? b[1] : a[1] + (b[1] - a[1]) * (time - a[0]) / span;
  }

  double at(double time) {
    return at(time, Double.NaN);
  }

  /** The increase between two instants. */
  double delta(double from, double to) {
    return at(to) - at(from);
  }
}
