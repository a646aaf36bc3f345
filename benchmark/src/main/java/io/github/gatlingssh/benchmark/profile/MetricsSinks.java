package io.github.gatlingssh.benchmark.profile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The other ends of the three live-metrics sinks, in this JVM, on threads named {@code sink-*} so
 * that their CPU is told apart from the client's: an InfluxDB 1.x stand-in that accepts every
 * {@code /write} and {@code /query} (204/200), a Carbon plaintext listener that reads and drops
 * every line, and a scraper that GETs the Prometheus endpoint every step as Prometheus would. Plain
 * sockets rather than the JDK's HTTP server and client, whose threads have fixed names the plugin's
 * endpoint and push threads share.
 */
final class MetricsSinks implements AutoCloseable {
  private final ServerSocket influx = listen();
  private final ServerSocket graphite = listen();
  private final ScheduledExecutorService scraper =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sink-scraper"));
  private final AtomicLong influxBytes = new AtomicLong();
  private final AtomicLong graphiteBytes = new AtomicLong();
  private final AtomicLong scrapes = new AtomicLong();
  private volatile int prometheusPort;

  MetricsSinks() {
    daemon(() -> accept(influx, this::influxConnection), "sink-influx").start();
    daemon(() -> accept(graphite, this::graphiteConnection), "sink-graphite").start();
  }

  int influxPort() {
    return influx.getLocalPort();
  }

  int graphitePort() {
    return graphite.getLocalPort();
  }

  /** Scrapes {@code http://127.0.0.1:port/metrics} every {@code stepMillis} from now on. */
  void scrapeEvery(int port, long stepMillis) {
    prometheusPort = port;
    scraper.scheduleAtFixedRate(
        () -> {
          try {
            scrape(port);
          } catch (IOException e) {
            // the endpoint is not up yet or is closing: Prometheus would retry at the next step
          }
        },
        stepMillis,
        stepMillis,
        TimeUnit.MILLISECONDS);
  }

  /** The sum of every {@code gatling_ssh_requests_total} series, scraped now. */
  long requestsTotal() throws IOException {
    long sum = 0;
    for (String line : scrape(prometheusPort).split("\n")) {
      if (line.startsWith("gatling_ssh_requests_total{")) {
        sum += Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    return sum;
  }

  String traffic() {
    return String.format(
        "sinks received: InfluxDB %d KB, Graphite %d KB; %d Prometheus scrapes",
        influxBytes.get() / 1024, graphiteBytes.get() / 1024, scrapes.get());
  }

  private String scrape(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String body = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      scrapes.incrementAndGet();
      return body;
    }
  }

  private interface Connection {
    void serve(Socket s) throws IOException;
  }

  private static void accept(ServerSocket server, Connection handler) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        daemon(
                () -> {
                  try (s) {
                    handler.serve(s);
                  } catch (IOException e) {
                    // the client went away
                  }
                },
                Thread.currentThread().getName() + "-connection")
            .start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** HTTP/1.1 with keep-alive, as Micrometer's sender uses it: every request answered at once. */
  private void influxConnection(Socket s) throws IOException {
    InputStream in = new BufferedInputStream(s.getInputStream());
    OutputStream out = s.getOutputStream();
    while (true) {
      String requestLine = line(in);
      if (requestLine == null) {
        return;
      }
      long length = 0;
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Long.parseLong(h.substring(15).trim());
        }
      }
      in.skipNBytes(length);
      influxBytes.addAndGet(length);
      String reply =
          requestLine.contains("/query")
              ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
                  + "{\"results\":[{}]}"
              : "HTTP/1.1 204 No Content\r\n\r\n";
      out.write(reply.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private void graphiteConnection(Socket s) throws IOException {
    byte[] buffer = new byte[8192];
    InputStream in = s.getInputStream();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      graphiteBytes.addAndGet(n);
    }
  }

  /** One CRLF-terminated line without its end, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  private static ServerSocket listen() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on 127.0.0.1", e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    scraper.shutdownNow();
    influx.close();
    graphite.close();
  }
}
