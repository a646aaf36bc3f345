package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's median histogram: precision, order, reset per step. */
class LogBucketsTest {

  @Test
  void bucketsAreOrderedAndWithinSixPercent() {
    int previous = -1;
    for (long v :
        new long[] {0, 1, 15, 16, 17, 31, 32, 100, 1_000, 65_432, 3_600_000, Long.MAX_VALUE / 2}) {
      int i = LogBuckets.index(v);
      assertThat(i).isGreaterThan(previous);
      previous = i;
      long low = LogBuckets.lowerBound(i);
      assertThat(low).isLessThanOrEqualTo(v);
      assertThat((double) (v - low)).isLessThanOrEqualTo(Math.max(0, v * 0.0625));
    }
  }

  @Test
  void anEmptyStepHasNoMedian() {
    LogBuckets b = new LogBuckets();
    assertThat(b.drainMedian()).isNaN();
    b.record(7);
    assertThat(b.drainMedian()).isEqualTo(7.0);
    assertThat(b.drainMedian()).isNaN();
  }
}
