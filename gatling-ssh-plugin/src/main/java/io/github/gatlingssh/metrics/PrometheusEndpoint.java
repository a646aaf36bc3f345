package io.github.gatlingssh.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} in Prometheus' text format while the run lasts, with the JDK's own HTTP
 * server: one thread, no dependency. It binds 127.0.0.1 unless told otherwise, because request
 * names may tell more than their owner wants to publish on the network.
 */
final class PrometheusEndpoint implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(PrometheusEndpoint.class);

  private final HttpServer server;

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts the endpoint; null (after ONE warning) when the address is taken or unusable. */
  static PrometheusEndpoint start(PrometheusMeterRegistry registry, String bind, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
      server.createContext("/metrics", exchange -> scrape(registry, exchange));
      server.start();
      LOGGER.info("gatling-ssh metrics: Prometheus endpoint on http://{}:{}/metrics", bind, port);
      return new PrometheusEndpoint(server);
    } catch (BindException e) {
      LOGGER.warn(
          "gatling-ssh metrics: no Prometheus endpoint in this run: {}:{} is in use or not a local"
              + " address ({}); the run goes on without it. Pick a free port with prometheusEndpoint(port).",
          bind,
          port,
          e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOGGER.warn(
          "gatling-ssh metrics: no Prometheus endpoint in this run: cannot listen on {}:{} ({});"
              + " the run goes on without it.",
          bind,
          port,
          e.toString());
    }
    return null;
  }

  private static void scrape(PrometheusMeterRegistry registry, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      // the UTF-8 bytes as written, not a String decoded from them and encoded again
      ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
      registry.scrape(body);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }

  /** Stops listening at once (the last scrape may miss the run's last step). */
  @Override
  public void close() {
    server.stop(0);
  }
}
