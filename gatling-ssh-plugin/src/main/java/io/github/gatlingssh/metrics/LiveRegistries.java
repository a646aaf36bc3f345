package io.github.gatlingssh.metrics;

import com.codahale.metrics.graphite.GraphiteReporter;
import io.github.gatlingssh.protocol.Metrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.push.PushMeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.core.ipc.http.HttpSender;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteProtocol;
import io.micrometer.influx.InfluxApiVersion;
import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
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
  private PrometheusMeterRegistry prometheus;
  private InfluxMeterRegistry influx;
  private GraphiteReporter graphite;
  private Method influxPublish;
  private final boolean offline;

  /**
   * @param processCpuLoad the process' CPU load over the last step (0 to 1), as the injector page
   *     sampled it
   */
  LiveRegistries(Metrics settings, DoubleSupplier processCpuLoad) {
    this(settings, processCpuLoad, Clock.SYSTEM, false);
  }

  /**
   * The same registries with the same settings, exporting nowhere and with no thread of their own:
   * the warm-up renders them with {@link #renderOffline()} on a clock it moves.
   */
  static LiveRegistries offline(Metrics settings, Clock clock) {
    return new LiveRegistries(settings, () -> 0.5, clock, true);
  }

  private LiveRegistries(
      Metrics settings, DoubleSupplier processCpuLoad, Clock clock, boolean offline) {
    this.offline = offline;
    String step = settings.step().toString();
    // offline: no publishing thread, no connection (the senders below discard)
    String enabled = Boolean.toString(!offline);
    if (settings.prometheusPort() > 0) {
      PrometheusConfig config = properties("prometheus", "step", step)::get;
      prometheus = new PrometheusMeterRegistry(config, new PrometheusRegistry(), clock);
      add(prometheus, ResponseTimes.SCRAPED);
      if (!offline) {
        endpoint =
            PrometheusEndpoint.start(
                prometheus, settings.prometheusBind(), settings.prometheusPort());
      }
    }
    if (settings.influxUrl() != null) {
      HttpSender sender =
          offline
              ? request -> new HttpSender.Response(204, HttpSender.Response.NO_RESPONSE_BODY)
              : new OneWarningSender(
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
                  READ_TIMEOUT.toString(),
                  "enabled",
                  enabled)
              ::get;
      influx =
          InfluxMeterRegistry.builder(config)
              .clock(clock)
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
                  step,
                  "enabled",
                  enabled)
              ::get;
      GraphiteRegistry registry =
          GraphiteRegistry.create(
              config,
              clock,
              offline
                  ? new GraphiteRegistry.Discard()
                  : new OneWarningGraphite(config.host(), config.port()));
      graphite = registry.reporter();
      add(registry.registry(), ResponseTimes.PUSHED);
    }
    new ProcessorGauges(processCpuLoad, settings.step().toMillis()).bindTo(composite);
    new JvmMemoryMetrics().bindTo(composite);
    gc.bindTo(composite);
    new JvmThreadMetrics().bindTo(composite);
  }

  /**
   * Renders every registry once as its step or scrape would, into nothing: Prometheus' text,
   * InfluxDB's lines (to a sender that discards) and Graphite's report (to a sender that discards).
   * Only for the registries of {@link #offline}.
   *
   * @throws ReflectiveOperationException when Micrometer's InfluxDB registry cannot be asked to
   *     publish (its {@code publish()} is protected)
   */
  void renderOffline() throws IOException, ReflectiveOperationException {
    if (!offline) {
      // a live registry's step would be consumed and pushed, a scrape's data too
      throw new IllegalStateException("only offline registries are rendered by the warm-up");
    }
    if (prometheus != null) {
      prometheus.scrape(OutputStream.nullOutputStream());
    }
    if (influx != null) {
      if (influxPublish == null) {
        Method publish = PushMeterRegistry.class.getDeclaredMethod("publish");
        publish.setAccessible(true);
        influxPublish = publish;
      }
      influxPublish.invoke(influx);
    }
    if (graphite != null) {
      graphite.report();
    }
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
