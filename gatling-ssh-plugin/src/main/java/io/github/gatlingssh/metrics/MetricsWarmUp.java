package io.github.gatlingssh.metrics;

import io.github.gatlingssh.protocol.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up the JIT on the live metrics' rendering before the run, as the SSH warm-up does for the
 * client: the registries render their series once per step, so in a fresh JVM their code runs
 * interpreted for the run's first minutes, and rendering was most of the metrics' CPU then (a
 * Prometheus scrape cost 16 ms at the first steps and 4 ms after a dozen). It renders the same
 * kinds of registries, with the same settings and the same kinds of meters, into nothing (no
 * endpoint, no connection, no thread), on a clock it moves one step per round.
 */
public final class MetricsWarmUp {
  private static final Logger LOGGER = LoggerFactory.getLogger(MetricsWarmUp.class);

  /** A request name per step of the seed workload: as many series as a typical run renders. */
  private static final String[] REQUESTS = {
    "connect", "start", "close and exit status", "execute", "channel read", "disconnect"
  };

  /** Rounds: past this, one more round no longer makes the next one cheaper. */
  static final int ROUNDS = 120;

  private MetricsWarmUp() {}

  /**
   * Renders the registries {@code settings} asks for, {@link #ROUNDS} times or until {@code budget}
   * is spent; does nothing when no live metrics are asked for. Blocks the calling thread (the one
   * starting the run); never fails.
   *
   * @return the rounds rendered
   */
  public static int run(Metrics settings, Duration budget) {
    if (settings == null || !settings.live()) {
      return 0;
    }
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    MockClock clock = new MockClock();
    int rounds = 0;
    try (LiveRegistries registries = LiveRegistries.offline(settings, clock)) {
      RequestMeters requests = new RequestMeters(registries.composite);
      LongAdder bytes = new LongAdder();
      Gauge.builder("gatling.ssh.warm.up.gauge", bytes, LongAdder::doubleValue)
          .register(registries.composite);
      FunctionCounter.builder("gatling.ssh.warm.up.counter", bytes, LongAdder::doubleValue)
          .register(registries.composite);
      while (rounds < ROUNDS && System.nanoTime() < deadline) {
        for (int i = 0; i < 40; i++) {
          String request = REQUESTS[i % REQUESTS.length];
          long millis = 1 + (i * 37L + rounds) % 500;
          requests.record(request, i % 20 != 0, millis);
          bytes.add(millis);
        }
        clock.add(settings.step());
        registries.renderOffline();
        rounds++;
      }
      LOGGER.debug(
          "gatling-ssh metrics: rendering warmed up in {} rounds, {} ms",
          rounds,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (Exception | LinkageError e) {
      LOGGER.debug("gatling-ssh metrics: rendering warm-up skipped after {} rounds", rounds, e);
    }
    return rounds;
  }
}
