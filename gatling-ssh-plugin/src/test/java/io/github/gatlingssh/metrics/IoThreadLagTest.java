package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.junit.jupiter.api.Test;

class IoThreadLagTest {
  @Test
  void aProbeWaitsBehindTheTasksQueuedBeforeIt() throws Exception {
    ExecutorService pool = ThreadUtils.newFixedThreadPool("io-lag-test", 1);
    try {
      IoThreadLag lag = new IoThreadLag();
      lag.add(pool);
      CountDownLatch release = new CountDownLatch(1);
      pool.execute(
          () -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      lag.probe();
      Thread.sleep(50);
      release.countDown();
      pool.submit(() -> null).get(10, TimeUnit.SECONDS); // after the probe, on the one thread
      assertThat(lag.drainMillis()).isGreaterThanOrEqualTo(50);
      assertThat(lag.drainMillis()).as("drained").isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedPoolIsDroppedWithoutError() throws Exception {
    ExecutorService pool = ThreadUtils.newFixedThreadPool("io-lag-test", 2);
    IoThreadLag lag = new IoThreadLag();
    lag.add(pool);
    lag.add(null);
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    lag.probe();
    assertThat(lag.drainMillis()).isZero();
  }
}
