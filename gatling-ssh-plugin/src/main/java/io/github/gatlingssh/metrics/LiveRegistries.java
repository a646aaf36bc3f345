package io.github.gatlingssh.metrics;

import io.github.gatlingssh.protocol.Metrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteProtocol;
import io.micrometer.influx.InfluxApiVersion;
import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The Micrometer registries a run exports to, behind one composite, and the JVM binders (CPU, heap,
 * GC, threads; CPU through {@link ProcessorGauges}). Pushes run on Micrometer's own threads with
 * short timeouts: an unreachable target costs a warning, never a user's time.
 */
final class LiveRegistries implements AutoCloseable {
  // a dead push target must not hold the end of the run for long: Micrometer's defaults are 1 s /
  // 10 s
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

  final CompositeMeterRegistry composite = new CompositeMeterRegistry();
  private final List<MeterRegistry> children = new ArrayList<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private PrometheusEndpoint endpoint;

  /**
   * @param processCpuLoad the process' CPU load over the last step (0 to 1), as the injector page
   *     sampled it
   */
  LiveRegistries(Metrics settings, DoubleSupplier processCpuLoad) {
    String step = settings.step().toString();
    if (settings.prometheusPort() > 0) {
      PrometheusConfig config = properties("prometheus", "step", step)::get;
      PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(config);
      add(prometheus, ResponseTimes.SCRAPED);
      endpoint =
          PrometheusEndpoint.start(
              prometheus, settings.prometheusBind(), settings.prometheusPort());
    }
    if (settings.influxUrl() != null) {
      OneWarningSender sender =
          new OneWarningSender(
              "InfluxDB " + settings.influxUrl() + " (database " + settings.influxDb() + ")",
              CONNECT_TIMEOUT,
              READ_TIMEOUT);
      InfluxConfig config =
          properties(
                  "influx",
                  "uri",
                  settings.influxUrl().toString(),
                  "db",
                  settings.influxDb(),
                  "apiVersion",
                  InfluxApiVersion.V1.name(),
                  "step",
                  step,
                  "connectTimeout",
                  CONNECT_TIMEOUT.toString(),
                  "readTimeout",
                  READ_TIMEOUT.toString())
              ::get;
      InfluxMeterRegistry influx =
          InfluxMeterRegistry.builder(config)
              .clock(Clock.SYSTEM)
              .httpClient(sender)
              .threadFactory(new NamedThreadFactory("gatling-ssh-influx-push"))
              .build();
      influx
          .config()
          .namingConvention(new MemoizedNamingConvention(influx.config().namingConvention()));
      add(influx, ResponseTimes.PUSHED);
    }
    if (settings.graphiteHost() != null) {
      GraphiteConfig config =
          properties(
                  "graphite",
                  "host",
                  settings.graphiteHost(),
                  "port",
                  Integer.toString(settings.graphitePort()),
                  "protocol",
                  GraphiteProtocol.PLAINTEXT.name(),
                  // hierarchical names: a stock Carbon stores them without a tag database
                  "graphiteTagsEnabled",
                  "false",
                  "step",
                  step)
              ::get;
      add(GraphiteRegistry.create(config), ResponseTimes.PUSHED);
    }
    new ProcessorGauges(processCpuLoad, settings.step().toMillis()).bindTo(composite);
    new JvmMemoryMetrics().bindTo(composite);
    gc.bindTo(composite);
    new JvmThreadMetrics().bindTo(composite);
  }

  private void add(MeterRegistry registry, MeterFilter responseTimes) {
    registry.config().meterFilter(responseTimes);
    children.add(registry);
    composite.add(registry);
  }

  /**
   * A Micrometer configuration as Micrometer reads it, {@code prefix.key} to value (every key not
   * given takes Micrometer's default): the registries' own validation parses and checks the values.
   */
  private static Map<String, String> properties(String prefix, String... keysAndValues) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put(prefix + "." + keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  /**
   * Stops the endpoint, then closes the registries: push registries publish their last step
   * (bounded by the timeouts above) and stop their threads.
   */
  @Override
  public void close() {
    if (endpoint != null) {
      endpoint.close();
    }
    gc.close();
    for (MeterRegistry registry : children) {
      try {
        registry.close();
      } catch (RuntimeException e) {
        // the run is over: nothing left to report to
      }
    }
    composite.close();
  }
}
