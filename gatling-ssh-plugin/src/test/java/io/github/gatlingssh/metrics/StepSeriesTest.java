package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's in-memory samples: aligned per request, bounded for long soaks. */
class StepSeriesTest {

  @Test
  void requestsWithoutSamplesInAStepAreGapsNotShifts() {
    StepSeries s = new StepSeries();
    s.add(1_000, new double[] {1, 2, 3, 4, 5}, Map.of("a", 10.0));
    s.add(2_000, new double[] {1, 2, 3, 4, 5}, Map.of("b", 20.0));
    s.add(3_000, new double[] {1, 2, 3, 4, 5}, Map.of("a", 30.0));

    assertThat(s.times()).containsExactly(1_000, 2_000, 3_000);
    assertThat(s.medians().get("a")).containsExactly(10.0, Double.NaN, 30.0);
    assertThat(s.medians().get("b")).containsExactly(Double.NaN, 20.0, Double.NaN);
  }

  @Test
  void aLongRunKeepsItsWholeSpanAtACoarserResolution() {
    StepSeries s = new StepSeries();
    for (int i = 0; i < StepSeries.CAPACITY * 3; i++) {
      s.add(i, new double[] {i, 0, 0, 0, 0}, Map.of("r", (double) i));
    }
    assertThat(s.size()).isLessThanOrEqualTo(StepSeries.CAPACITY);
    long[] times = s.times();
    assertThat(times[0]).as("the first sample stays").isZero();
    assertThat(times[times.length - 1]).isEqualTo(StepSeries.CAPACITY * 3 - 1);
    assertThat(s.medians().get("r")).hasSize(times.length);
    assertThat(s.medians().get("r")[times.length - 1]).isEqualTo(times[times.length - 1]);
  }
}
