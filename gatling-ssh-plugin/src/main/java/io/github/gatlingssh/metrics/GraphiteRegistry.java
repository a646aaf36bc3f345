package io.github.gatlingssh.metrics;

import com.codahale.metrics.MetricAttribute;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.graphite.GraphiteReporter;
import com.codahale.metrics.graphite.GraphiteSender;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.dropwizard.DropwizardClock;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteHierarchicalNameMapper;
import io.micrometer.graphite.GraphiteMeterRegistry;
import java.util.EnumSet;

/**
 * Micrometer's Graphite registry (Dropwizard's reporter underneath), with what it does by default
 * that nobody reads taken out:
 *
 * <ul>
 *   <li>the sender warns once for a dead Carbon instead of every step ({@link OneWarningGraphite});
 *   <li>Dropwizard's own p50 to p999 of every timer are not pushed: Micrometer pushes the
 *       response-time percentiles itself ({@code ...Percentile.phi.0_95...}, over the last minute,
 *       as InfluxDB gets them), and two different p95 per request would only confuse;
 *   <li>of Dropwizard's rates, only the one-minute rate is pushed: the 5 and 15 minute averages lag
 *       a load test's phases and the mean rate since the start flattens them; Graphite derives any
 *       rate from the counts ({@code perSecond}). Every counter and timer pushed five rate lines a
 *       step, most of the plaintext sent;
 *   <li>Dropwizard's timers keep only the step's exact min, max, mean and deviation, the figures
 *       still pushed, lock-free ({@link StepReservoir}): the default reservoir takes a lock and
 *       allocates on every request, on the users' threads, and sorts a sample of 1028 values per
 *       timer at every step;
 *   <li>names and values are not run through a regular expression each when they have no space to
 *       replace ({@link OneWarningGraphite}).
 * </ul>
 */
record GraphiteRegistry(GraphiteMeterRegistry registry, GraphiteReporter reporter) {
  private static final EnumSet<MetricAttribute> NOT_PUSHED =
      EnumSet.of(
          MetricAttribute.P50,
          MetricAttribute.P75,
          MetricAttribute.P95,
          MetricAttribute.P98,
          MetricAttribute.P99,
          MetricAttribute.P999,
          MetricAttribute.M5_RATE,
          MetricAttribute.M15_RATE,
          MetricAttribute.MEAN_RATE);

  /**
   * The registry and its reporter (which the registry starts when {@code config.enabled()}).
   *
   * @param sender where the reporter writes: {@link OneWarningGraphite}, or {@link Discard} for the
   *     warm-up
   */
  static GraphiteRegistry create(GraphiteConfig config, Clock clock, GraphiteSender sender) {
    DropwizardClock dropwizardClock = new DropwizardClock(clock);
    MetricRegistry dropwizard =
        new MetricRegistry() {
          @Override
          public Timer timer(String name, MetricSupplier<Timer> ignored) {
            return super.timer(name, () -> new Timer(new StepReservoir(), dropwizardClock));
          }
        };
    GraphiteReporter reporter =
        GraphiteReporter.forRegistry(dropwizard)
            .withClock(dropwizardClock)
            .convertRatesTo(config.rateUnits())
            .convertDurationsTo(config.durationUnits())
            .disabledMetricAttributes(NOT_PUSHED)
            .build(sender);
    return new GraphiteRegistry(
        new GraphiteMeterRegistry(
            config,
            clock,
            new GraphiteHierarchicalNameMapper(config.tagsAsPrefix()),
            dropwizard,
            reporter),
        reporter);
  }

  /** A Carbon that is never connected to and drops every line: for the warm-up. */
  static final class Discard implements GraphiteSender {
    private boolean connected;

    @Override
    public void connect() {
      connected = true;
    }

    @Override
    public void send(String name, String value, long timestamp) {
      // dropped
    }

    @Override
    public void flush() {
      // nothing kept
    }

    @Override
    public boolean isConnected() {
      return connected;
    }

    @Override
    public int getFailures() {
      return 0;
    }

    @Override
    public void close() {
      connected = false;
    }
  }
}
