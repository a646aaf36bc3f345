package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.Snapshot;
import com.codahale.metrics.UniformReservoir;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The Graphite timers' figures are each step's exact ones. */
class StepReservoirTest {

  @Test
  void aStepsFiguresAreExactAndTheNextStepStartsEmpty() {
    StepReservoir reservoir = new StepReservoir();
    UniformReservoir all = new UniformReservoir(10_000); // keeps every value: exact figures
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      long nanos = 1_000_000L + random.nextInt(400_000_000);
      reservoir.update(nanos);
      all.update(nanos);
    }

    Snapshot step = reservoir.getSnapshot();
    Snapshot exact = all.getSnapshot();
    assertThat(step.size()).isEqualTo(5_000);
    assertThat(step.getMin()).isEqualTo(exact.getMin());
    assertThat(step.getMax()).isEqualTo(exact.getMax());
    assertThat(step.getMean()).isCloseTo(exact.getMean(), within(1e-6 * exact.getMean()));
    assertThat(step.getStdDev()).isCloseTo(exact.getStdDev(), within(1e-6 * exact.getStdDev()));
    assertThat(step.getValue(1.0)).isEqualTo(exact.getMax());

    Snapshot empty = reservoir.getSnapshot();
    assertThat(empty.size()).isZero();
    assertThat(empty.getMax()).isZero();
    assertThat(empty.getMin()).isZero();
    assertThat(empty.getMean()).isZero();

    reservoir.update(42);
    Snapshot one = reservoir.getSnapshot();
    assertThat(one.getMin()).isEqualTo(42);
    assertThat(one.getMax()).isEqualTo(42);
    assertThat(one.getMean()).isEqualTo(42.0);
    assertThat(one.getStdDev()).isZero();
  }

  @Test
  void laterStepsAreExactAroundTheirOwnMean() {
    StepReservoir reservoir = new StepReservoir();
    for (int step = 0; step < 3; step++) {
      UniformReservoir all = new UniformReservoir(10_000);
      long base = 100_000_000L * (step + 1); // 100, 200, 300 ms
      for (int i = 0; i < 1_000; i++) {
        long nanos = base + (i % 7) * 1_000 - (i % 3) * 10;
        reservoir.update(nanos);
        all.update(nanos);
      }
      Snapshot got = reservoir.getSnapshot();
      Snapshot exact = all.getSnapshot();
      assertThat(got.getMean()).as("step %d", step).isCloseTo(exact.getMean(), within(1e-3));
      assertThat(got.getStdDev())
          .as("step %d", step)
          .isCloseTo(exact.getStdDev(), within(1e-9 * base));
      assertThat(got.getMin()).isEqualTo(exact.getMin());
      assertThat(got.getMax()).isEqualTo(exact.getMax());
    }
  }

  @Test
  void noValueIsLostWhileStepsAreRead() throws Exception {
    StepReservoir reservoir = new StepReservoir();
    int threads = 4;
    int perThread = 50_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < perThread; i++) {
                  reservoir.update(1);
                }
              });
      w.start();
      writers.add(w);
    }
    go.countDown();
    long seen = 0;
    while (writers.stream().anyMatch(Thread::isAlive)) {
      seen += reservoir.getSnapshot().size();
    }
    for (Thread w : writers) {
      w.join();
    }
    seen += reservoir.getSnapshot().size();
    assertThat(seen).isEqualTo((long) threads * perThread);
  }
}
