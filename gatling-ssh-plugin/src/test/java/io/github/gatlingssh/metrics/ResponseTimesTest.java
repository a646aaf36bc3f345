package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each registry keeps of the response times what its users read. */
class ResponseTimesTest {

  @Test
  void prometheusKeepsTheHistogramWithoutClientSidePercentiles() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(ResponseTimes.SCRAPED);
    new RequestMeters(registry).record("exec", true, 12);

    HistogramSnapshot snapshot = responseTime(registry).takeSnapshot();
    assertThat(snapshot.percentileValues()).isEmpty();
    assertThat(snapshot.histogramCounts()).hasSizeGreaterThan(50);
    assertThat(registry.scrape())
        .contains("gatling_ssh_response_time_seconds_bucket{request=\"exec\",status=\"OK\",le=");
    registry.close();
  }

  @Test
  void pushRegistriesKeepTheThreePercentilesWithoutHistogramBuckets() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ResponseTimes.PUSHED);
    RequestMeters meters = new RequestMeters(registry);
    for (int i = 1; i <= 100; i++) {
      meters.record("exec", true, i);
    }

    HistogramSnapshot snapshot = responseTime(registry).takeSnapshot();
    assertThat(snapshot.percentileValues())
        .extracting(v -> v.percentile())
        .containsExactly(0.5, 0.95, 0.99);
    assertThat(snapshot.histogramCounts()).isEmpty();
    assertThat(registry.find("gatling.ssh.response.time.percentile").tag("status", "OK").gauges())
        .hasSize(3);
    registry.close();
  }

  @Test
  void otherTimersAreLeftAsTheyAre() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(ResponseTimes.SCRAPED);
    Timer other = Timer.builder("other").publishPercentiles(0.5).register(registry);
    other.record(Duration.ofMillis(5));

    assertThat(other.takeSnapshot().percentileValues()).hasSize(1);
    registry.close();
  }

  private static Timer responseTime(MeterRegistry registry) {
    return registry.get(RequestMeters.RESPONSE_TIME).tag("status", "OK").timer();
  }
}
