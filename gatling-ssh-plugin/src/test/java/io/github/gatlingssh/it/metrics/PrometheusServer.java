package io.github.gatlingssh.it.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A private Prometheus scraping one target every second. */
final class PrometheusServer extends MetricsServer {

  private PrometheusServer(Path binary, Path dir, int port) throws Exception {
    super(
        "prometheus",
        dir,
        port,
        List.of(
            binary.toString(),
            "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn"));
  }

  /** Starts one that scrapes {@code 127.0.0.1:<targetPort>/metrics} every second. */
  static PrometheusServer start(Path dir, int targetPort) throws Exception {
    Path binary = requireBinary("prometheus", "prometheus");
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: gatling-ssh
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """
            .formatted(targetPort));
    return readyOrClosed(
        new PrometheusServer(binary, dir, freePort()),
        s -> {
          s.awaitReady("/-/ready");
          s.awaitFirstScrape();
        });
  }

  /** The result vector of an instant PromQL query. */
  JsonNode query(String promql) throws Exception {
    JsonNode r = get("/api/v1/query?query=" + encode(promql));
    return r.path("data").path("result");
  }

  /**
   * Waits (up to 20 s) until Prometheus scrapes its target: it applies new targets on a 5 s ticker,
   * so a run started at once could end before its first scrape.
   */
  void awaitFirstScrape() throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (query("up{job=\"gatling-ssh\"}").size() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Prometheus did not scrape its target within 20 s");
      }
      Thread.sleep(200);
    }
  }
}
