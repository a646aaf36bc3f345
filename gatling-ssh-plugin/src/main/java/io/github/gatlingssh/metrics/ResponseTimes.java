package io.github.gatlingssh.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * What each kind of registry keeps of the response-time distribution: what its users read, and
 * nothing that costs per request or per step without being read.
 *
 * <ul>
 *   <li>Prometheus: the fine histogram (p50/p95/p99 by {@code histogram_quantile}, summable over
 *       injectors), no client-side percentiles: Prometheus' text format shows none beside a
 *       histogram, yet they would be kept up to date on every request.
 *   <li>InfluxDB and Graphite: the p50/p95/p99 over the last minute their dashboards read, no
 *       histogram: Micrometer pushes none to them, yet would count the 78 buckets between 1 ms and
 *       2 min at every push.
 * </ul>
 */
final class ResponseTimes {
  /** For the Prometheus registry. */
  static final MeterFilter SCRAPED =
      responseTimes(DistributionStatisticConfig.builder().percentiles().build());

  /** For the InfluxDB and Graphite registries. */
  static final MeterFilter PUSHED =
      responseTimes(DistributionStatisticConfig.builder().percentilesHistogram(false).build());

  private ResponseTimes() {}

  /** Applies {@code override} over the response-time timers' own settings, leaves other meters. */
  private static MeterFilter responseTimes(DistributionStatisticConfig override) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        return id.getName().equals(RequestMeters.RESPONSE_TIME) ? override.merge(config) : config;
      }
    };
  }
}
