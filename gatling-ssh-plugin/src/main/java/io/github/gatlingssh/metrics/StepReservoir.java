package io.github.gatlingssh.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import java.io.OutputStream;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Dropwizard reservoir for the Graphite registry's timers that keeps only what Graphite is sent
 * from it: the min, max, mean and standard deviation of the values since the last report (one step;
 * all 0 in a step without values, as Micrometer's step registries report them), exact, lock-free
 * and without keeping any value. The count Graphite is sent is the timer's own, cumulative.
 *
 * <p>Why not one of Dropwizard's: they keep a sample of up to 1028 values and sort it at every
 * report, for each timer, only to read these four numbers (the percentiles of the sample are not
 * pushed, see {@link GraphiteRegistry}); that sort was a third of the Graphite reporter's CPU. A
 * step's exact figures also say more in a load test than a sample decaying over five minutes.
 *
 * <p>The sums are of each value's distance to a shift (the previous step's mean), not of the raw
 * nanoseconds: the variance is then not the small difference of two huge sums, and a value recorded
 * while the report reads the reservoir, which may be counted in this step for some sums and in the
 * next for others, moves the figures by about one value's deviation. No value is lost.
 */
final class StepReservoir implements Reservoir {
  private final LongAdder count = new LongAdder();
  private final LongAdder sum = new LongAdder();
  private final DoubleAdder sumOfSquares = new DoubleAdder();
  private final LongAccumulator min = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator max = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private volatile long shift;

  @Override
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, count.sum());
  }

  @Override
  public void update(long value) {
    long d = value - shift;
    count.increment();
    sum.add(d);
    sumOfSquares.add((double) d * d);
    min.accumulate(value);
    max.accumulate(value);
  }

  /** The step's figures; starts the next step. */
  @Override
  public Snapshot getSnapshot() {
    long n = count.sumThenReset();
    long distances = sum.sumThenReset();
    double squares = sumOfSquares.sumThenReset();
    long low = min.getThenReset();
    long high = max.getThenReset();
    if (n <= 0) {
      return new Step(0, 0, 0, 0, 0);
    }
    double meanDistance = (double) distances / n;
    double mean = shift + meanDistance;
    double variance = n > 1 ? Math.max(0, (squares - meanDistance * distances) / (n - 1)) : 0;
    shift = Math.round(mean);
    return new Step(
        n,
        low == Long.MAX_VALUE ? 0 : low,
        high == Long.MIN_VALUE ? 0 : high,
        mean,
        Math.sqrt(variance));
  }

  /** One step's figures. Keeps no values: quantiles other than 0 and 1 are unknown (NaN). */
  private static final class Step extends Snapshot {
    private final long count;
    private final long min;
    private final long max;
    private final double mean;
    private final double stdDev;

    Step(long count, long min, long max, double mean, double stdDev) {
      this.count = count;
      this.min = min;
      this.max = max;
      this.mean = mean;
      this.stdDev = stdDev;
    }

    @Override
    public double getValue(double quantile) {
      if (quantile <= 0) {
        return min;
      }
      return quantile >= 1 ? max : Double.NaN;
    }

    @Override
    public long[] getValues() {
      return new long[0];
    }

    @Override
    public int size() {
      return (int) Math.min(Integer.MAX_VALUE, count);
    }

    @Override
    public long getMax() {
      return max;
    }

    @Override
    public double getMean() {
      return mean;
    }

    @Override
    public long getMin() {
      return min;
    }

    @Override
    public double getStdDev() {
      return stdDev;
    }

    /** Writes nothing: no value is kept. */
    @Override
    public void dump(OutputStream output) {}
  }
}
