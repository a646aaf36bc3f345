package io.github.gatlingssh.protocol;

import java.net.URI;
import java.time.Duration;

/**
 * Live metrics of a run: where they go, and how often. Every target is off unless asked; the
 * injector page at the end of the run is always written (it needs no target).
 *
 * @param prometheusPort port of the Prometheus endpoint ({@code /metrics}); 0 = no endpoint
 * @param prometheusBind address the endpoint listens on (default 127.0.0.1: only this machine can
 *     read the run's request names)
 * @param influxUrl InfluxDB 1.x base URL ({@code http://host:8086}), or null for no InfluxDB
 * @param influxDb the InfluxDB database the points are written to
 * @param graphiteHost Carbon host (plaintext protocol), or null for no Graphite
 * @param graphitePort Carbon plaintext port
 * @param step how often metrics are pushed and the injector sampled
 */
public record Metrics(
    int prometheusPort,
    String prometheusBind,
    URI influxUrl,
    String influxDb,
    String graphiteHost,
    int graphitePort,
    Duration step) {

  /** 5 s, as the seed's graphs. */
  public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);

  /** The endpoint's default address: loopback only. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  /** No endpoint, no push; a 5 s step. */
  public static final Metrics DEFAULT =
      new Metrics(0, DEFAULT_BIND, null, null, null, 0, DEFAULT_STEP);

  /** Whether anything is exported while the run lasts (else only the injector page is written). */
  public boolean live() {
    return prometheusPort > 0 || influxUrl != null || graphiteHost != null;
  }

  /** A copy serving {@code /metrics} on this address and port. */
  public Metrics withPrometheus(String bind, int port) {
    return new Metrics(port, bind, influxUrl, influxDb, graphiteHost, graphitePort, step);
  }

  /** A copy pushing to this InfluxDB 1.x database. */
  public Metrics withInfluxDb(URI url, String db) {
    return new Metrics(prometheusPort, prometheusBind, url, db, graphiteHost, graphitePort, step);
  }

  /** A copy pushing to this Carbon plaintext listener. */
  public Metrics withGraphite(String host, int port) {
    return new Metrics(prometheusPort, prometheusBind, influxUrl, influxDb, host, port, step);
  }

  /** A copy with this step. */
  public Metrics withStep(Duration value) {
    return new Metrics(
        prometheusPort, prometheusBind, influxUrl, influxDb, graphiteHost, graphitePort, value);
  }
}
