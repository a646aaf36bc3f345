package io.github.gatlingssh.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.graphite.GraphiteReporter;
import io.github.gatlingssh.protocol.Metrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.dropwizard.DropwizardClock;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteHierarchicalNameMapper;
import io.micrometer.graphite.GraphiteMeterRegistry;
import io.micrometer.graphite.GraphiteProtocol;
import io.micrometer.influx.InfluxApiVersion;
import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Micrometer registries a run exports to, behind one composite, and the JVM binders (CPU, heap,
 * GC, threads). Pushes run on Micrometer's own threads with short timeouts: an unreachable target
 * costs a warning, never a user's time.
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

  LiveRegistries(Metrics settings) {
    if (settings.prometheusPort() > 0) {
      PrometheusMeterRegistry prometheus =
          new PrometheusMeterRegistry(
              new PrometheusConfig() {
                @Override
                public String get(String key) {
                  return null;
                }

                @Override
                public Duration step() {
                  return settings.step();
                }
              });
      add(prometheus);
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
      add(
          InfluxMeterRegistry.builder(influxConfig(settings))
              .clock(Clock.SYSTEM)
              .httpClient(sender)
              .threadFactory(new NamedThreadFactory("gatling-ssh-influx-push"))
              .build());
    }
    if (settings.graphiteHost() != null) {
      GraphiteConfig config = graphiteConfig(settings);
      MetricRegistry dropwizard = new MetricRegistry();
      // Micrometer's default reporter, with a sender that warns once instead of every step
      GraphiteReporter reporter =
          GraphiteReporter.forRegistry(dropwizard)
              .withClock(new DropwizardClock(Clock.SYSTEM))
              .convertRatesTo(config.rateUnits())
              .convertDurationsTo(config.durationUnits())
              .build(new OneWarningGraphite(settings.graphiteHost(), settings.graphitePort()));
      add(
          new GraphiteMeterRegistry(
              config,
              Clock.SYSTEM,
              new GraphiteHierarchicalNameMapper(config.tagsAsPrefix()),
              dropwizard,
              reporter));
    }
    new ProcessorMetrics().bindTo(composite);
    new JvmMemoryMetrics().bindTo(composite);
    gc.bindTo(composite);
    new JvmThreadMetrics().bindTo(composite);
  }

  private void add(MeterRegistry registry) {
    children.add(registry);
    composite.add(registry);
  }

  private static InfluxConfig influxConfig(Metrics settings) {
    return new InfluxConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String uri() {
        return settings.influxUrl().toString();
      }

      @Override
      public String db() {
        return settings.influxDb();
      }

      @Override
      public InfluxApiVersion apiVersion() {
        return InfluxApiVersion.V1;
      }

      @Override
      public Duration step() {
        return settings.step();
      }

      @Override
      public Duration connectTimeout() {
        return CONNECT_TIMEOUT;
      }

      @Override
      public Duration readTimeout() {
        return READ_TIMEOUT;
      }
    };
  }

  private static GraphiteConfig graphiteConfig(Metrics settings) {
    return new GraphiteConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String host() {
        return settings.graphiteHost();
      }

      @Override
      public int port() {
        return settings.graphitePort();
      }

      @Override
      public GraphiteProtocol protocol() {
        return GraphiteProtocol.PLAINTEXT;
      }

      @Override
      public boolean graphiteTagsEnabled() {
        return false; // hierarchical names: a stock Carbon stores them without a tag database
      }

      @Override
      public Duration step() {
        return settings.step();
      }
    };
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
