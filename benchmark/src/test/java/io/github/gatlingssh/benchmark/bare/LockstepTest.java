package io.github.gatlingssh.benchmark.bare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockstepTest {

  /** Three sessions in lockstep, for the single-threaded tests. */
  private final Lockstep lockstep = new Lockstep(3);

  /** The next steps that ran, in order. */
  private final List<String> ran = new ArrayList<>();

  /** A session arrives at the barrier; its next step records {@code step}. */
  private void arrive(String step) {
    lockstep.arrive(() -> ran.add(step));
  }

  @Test
  void nextStepsRunOnceTheLastSessionArrived() {
    arrive("a");
    arrive("b");
    assertThat(ran).isEmpty();
    arrive("c");

    assertThat(ran).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aSessionThatLeftIsNotWaitedFor() {
    arrive("a1");
    arrive("b1");
    lockstep.leave();
    assertThat(ran).containsExactlyInAnyOrder("a1", "b1");

    arrive("a2");
    arrive("b2");
    assertThat(ran).containsExactlyInAnyOrder("a1", "b1", "a2", "b2");
  }

  @Test
  void manyThreadsThroughSeveralBarriers() throws InterruptedException {
    int sessions = 50;
    int barriers = 4;
    Lockstep lockstep = new Lockstep(sessions);
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger early = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(sessions);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int s = 0; s < sessions; s++) {
      pool.execute(() -> step(lockstep, pool, 0, barriers, sessions, arrived, early, done));
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(arrived.get()).isEqualTo(sessions * barriers);
    assertThat(early.get()).isZero();
  }

  private static void step(
      Lockstep lockstep,
      ExecutorService pool,
      int barrier,
      int barriers,
      int sessions,
      AtomicInteger arrived,
      AtomicInteger early,
      CountDownLatch done) {
    if (barrier == barriers) {
      done.countDown();
      return;
    }
    arrived.incrementAndGet();
    lockstep.arrive(
        () -> {
          if (arrived.get() < (barrier + 1) * sessions) {
            early.incrementAndGet(); // released before every session reached this barrier
          }
          pool.execute(
              () -> step(lockstep, pool, barrier + 1, barriers, sessions, arrived, early, done));
        });
  }
}
