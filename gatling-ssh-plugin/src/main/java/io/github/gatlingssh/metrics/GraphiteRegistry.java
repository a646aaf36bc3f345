package io.github.gatlingssh.metrics;

import com.codahale.metrics.MetricAttribute;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.graphite.GraphiteReporter;
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
final class GraphiteRegistry {
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

  private GraphiteRegistry() {}

  static GraphiteMeterRegistry create(GraphiteConfig config) {
    DropwizardClock clock = new DropwizardClock(Clock.SYSTEM);
    MetricRegistry dropwizard =
        new MetricRegistry() {
          @Override
          public Timer timer(String name, MetricSupplier<Timer> ignored) {
            return super.timer(name, () -> new Timer(new StepReservoir(), clock));
          }
        };
    GraphiteReporter reporter =
        GraphiteReporter.forRegistry(dropwizard)
            .withClock(clock)
            .convertRatesTo(config.rateUnits())
            .convertDurationsTo(config.durationUnits())
            .disabledMetricAttributes(NOT_PUSHED)
            .build(new OneWarningGraphite(config.host(), config.port()));
    return new GraphiteMeterRegistry(
        config,
        Clock.SYSTEM,
        new GraphiteHierarchicalNameMapper(config.tagsAsPrefix()),
        dropwizard,
        reporter);
  }
}
