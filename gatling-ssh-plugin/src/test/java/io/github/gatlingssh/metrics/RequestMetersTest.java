package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-request meters, read back as Prometheus and the injector page see them. */
class RequestMetersTest {

  /** Prometheus gets the histogram (p50/p95/p99 by histogram_quantile, summable over injectors). */
  @Test
  void prometheusShowsCountsPercentilesAndHistogramsByRequestAndStatus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RequestMeters meters = new RequestMeters(registry);
    meters.record("exec", true, 12);
    meters.record("exec", true, 14);
    meters.record("exec", false, 1000);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("gatling_ssh_requests_total{request=\"exec\",status=\"OK\"} 2")
        .contains("gatling_ssh_requests_total{request=\"exec\",status=\"KO\"} 1")
        .contains("gatling_ssh_response_time_seconds_bucket{request=\"exec\",status=\"OK\",le=")
        .contains("gatling_ssh_response_time_seconds_count{request=\"exec\",status=\"KO\"} 1");
    registry.close();
  }

  /**
   * A KO histogram is a hundred series: it appears with the name's first KO, its counter at once.
   */
  @Test
  void theKoResponseTimesAppearWithTheFirstKo() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RequestMeters meters = new RequestMeters(registry);
    meters.record("echo", true, 5);

    assertThat(registry.scrape())
        .contains("gatling_ssh_requests_total{request=\"echo\",status=\"KO\"} 0")
        .doesNotContain("gatling_ssh_response_time_seconds_count{request=\"echo\",status=\"KO\"}");
    meters.record("echo", false, 7);
    meters.record("echo", false, 9);
    assertThat(registry.scrape())
        .contains("gatling_ssh_requests_total{request=\"echo\",status=\"KO\"} 2")
        .contains("gatling_ssh_response_time_seconds_count{request=\"echo\",status=\"KO\"} 2");
    registry.close();
  }

  @Test
  void thePageGetsEachNamesMedianPerStepWithoutARegistry() {
    RequestMeters meters = new RequestMeters(null);
    for (int i = 1; i <= 101; i++) {
      meters.record("echo", true, i);
    }
    meters.record("connect", false, 300);

    Map<String, Double> medians = meters.drainMedians();
    assertThat(medians.get("echo")).isBetween(48.0, 54.0);
    assertThat(medians.get("connect")).isBetween(285.0, 315.0);
    assertThat(meters.drainMedians()).as("the next step starts empty").isEmpty();
  }
}
