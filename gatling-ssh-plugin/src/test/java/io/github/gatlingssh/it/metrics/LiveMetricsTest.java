package io.github.gatlingssh.it.metrics;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.gatlingssh.it.Runs;
import io.github.gatlingssh.it.Scenarios;
import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ClassServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Live metrics in real Gatling runs against the embedded server: scraped by a real Prometheus,
 * pushed to a real InfluxDB 1.x, and with a taken port and a dead push target.
 */
class LiveMetricsTest {
  private static final String PASSWORD = "metrics-pw";

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> SERVER =
      ClassServer.embedded(EmbeddedSshServer.builder().password(PASSWORD));

  @TempDir Path tmp;

  private static SshProtocolBuilder protocol() {
    return ssh.host(SERVER.get().host())
        .port(SERVER.get().port())
        .username(SERVER.get().username())
        .password(PASSWORD)
        .hostKeyFingerprint(SERVER.get().hostKeyFingerprint())
        .disableWarmUp()
        .metricsStep(Duration.ofSeconds(1));
  }

  /**
   * connect, 3 x echo, a KO check, disconnect per user; then a pause, so that the last requests are
   * scraped (a pull endpoint misses what happens after its last scrape) and pushed.
   */
  private static GatlingResult run(UnaryOperator<SshProtocolBuilder> metrics) {
    return Runs.atOnce(
        () ->
            Scenarios.connected("metrics")
                .repeat(3)
                .on(exec(ssh("echo").exec("echo hi")))
                .exec(ssh("fail").exec("echo 1").check(stdout().is("2\n")))
                .exec(ssh("disconnect").disconnect())
                .pause(Duration.ofMillis(2500)),
        4,
        metrics.apply(protocol()));
  }

  /** "name status" -> count, from simulation.log. */
  private static Map<String, Long> logCounts(GatlingResult r) {
    return r.requests().stream()
        .collect(
            Collectors.groupingBy(
                q -> q.name() + " " + (q.ok() ? "OK" : "KO"), TreeMap::new, Collectors.counting()));
  }

  /**
   * "name status" -> count, from the {@code series} a metrics server answered: each one's request
   * and status labels under {@code labels}, its {@code count}; series that counted nothing are left
   * out, as simulation.log has no line for them.
   */
  private static Map<String, Long> countsByRequest(
      JsonNode series, String labels, ToDoubleFunction<JsonNode> count) {
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode s : series) {
      long v = Math.round(count.applyAsDouble(s));
      if (v > 0) {
        JsonNode tags = s.path(labels);
        counts.put(tags.path("request").asText() + " " + tags.path("status").asText(), v);
      }
    }
    return counts;
  }

  @Test
  void prometheusScrapesTheCountsOfSimulationLog() throws Exception {
    int port = MetricsServer.freePort();
    try (PrometheusServer prometheus =
        PrometheusServer.start(Files.createDirectories(tmp.resolve("prom")), port)) {
      GatlingResult r = run(p -> p.prometheusEndpoint(port));

      Map<String, Long> expected = logCounts(r);
      assertThat(expected).containsEntry("echo OK", 12L).containsEntry("fail KO", 4L);
      // the target is gone once the run ended, and its series stale: read their last values
      Map<String, Long> scraped =
          countsByRequest(
              prometheus.query(
                  "sum by (request, status) (last_over_time(gatling_ssh_requests_total[5m]))"),
              "metric",
              s -> Double.parseDouble(s.path("value").path(1).asText()));
      assertThat(scraped).as(r.summary()).isEqualTo(expected);
      for (String series :
          List.of(
              "gatling_ssh_response_time_seconds_bucket",
              "gatling_ssh_connections_open",
              "gatling_ssh_channels_open",
              "gatling_ssh_connects_total",
              "gatling_ssh_bytes_received_total",
              "gatling_ssh_injector_event_loop_lag_seconds",
              "gatling_ssh_injector_io_thread_lag_seconds",
              "process_cpu_usage",
              "jvm_memory_used_bytes",
              "jvm_threads_live_threads")) {
        assertThat(prometheus.query("last_over_time(" + series + "[5m])").size())
            .as(series)
            .isPositive();
      }
      assertThat(
              prometheus
                  .query("last_over_time(gatling_ssh_injector_io_thread_lag_seconds[5m])")
                  .path(0)
                  .path("value")
                  .path(1)
                  .asDouble(-1))
          .as("MINA I/O-thread lag")
          .isGreaterThanOrEqualTo(0);
      JsonNode p95 =
          prometheus.query(
              "histogram_quantile(0.95, sum by (le) (last_over_time("
                  + "gatling_ssh_response_time_seconds_bucket{request=\"echo\",status=\"OK\"}[5m])))");
      assertThat(p95.path(0).path("value").path(1).asDouble()).isPositive();
      for (String expr : dashboardQueries("gatling-ssh-prometheus.json", "expr")) {
        prometheus.query(
            expr.replace("$__rate_interval", "1m")); // throws on a query Prometheus rejects
      }
      JsonNode connects = prometheus.query("max(last_over_time(gatling_ssh_connects_total[5m]))");
      assertThat(connects.path(0).path("value").path(1).asDouble()).isEqualTo(4.0);
      assertInjectorPage(r);
    }
  }

  @Test
  void influxDbReceivesTheCountsOfSimulationLog() throws Exception {
    try (InfluxServer influx = InfluxServer.start(Files.createDirectories(tmp.resolve("influx")))) {
      GatlingResult r = run(p -> p.influxDb(influx.url(), "gatling"));

      // a step counter: each point holds the requests of its step
      Map<String, Long> pushed =
          countsByRequest(
              influx.query(
                  "gatling",
                  "SELECT sum(\"value\") FROM \"gatling_ssh_requests\" GROUP BY \"request\", \"status\""),
              "tags",
              s -> s.path("values").path(0).path(1).asDouble());
      assertThat(pushed).as(r.summary()).isEqualTo(logCounts(r));
      assertThat(influx.query("gatling", "SELECT * FROM \"gatling_ssh_response_time\" LIMIT 1"))
          .isNotEmpty();
      for (String q : dashboardQueries("gatling-ssh-influxdb.json", "query")) {
        JsonNode result =
            MetricsServer.JSON.readTree(
                influx
                    .get(
                        "/query?db=gatling&q="
                            + MetricsServer.encode(
                                q.replace("$timeFilter", "time > now() - 1h")
                                    .replace("$__interval", "1s")))
                    .toString());
        assertThat(result.path("results").path(0).has("error")).as(q + " -> " + result).isFalse();
      }
      // connect (key exchange) always takes milliseconds; an echo on the embedded server can take
      // less than Gatling's 1 ms clock resolution, and a p95 of 0 would prove nothing
      JsonNode p95 =
          influx.query(
              "gatling",
              "SELECT max(\"value\") FROM \"gatling_ssh_response_time_percentile\""
                  + " WHERE \"phi\" = '0.95' AND \"request\" = 'connect'");
      assertThat(p95.path(0).path("values").path(0).path(1).asDouble())
          .as(
              influx
                  .query(
                      "gatling", "SELECT * FROM \"gatling_ssh_response_time_percentile\" LIMIT 3")
                  .toString())
          .isPositive();
      assertThat(influx.query("gatling", "SELECT * FROM \"jvm_memory_used\" LIMIT 1")).isNotEmpty();
    }
  }

  @Test
  void graphiteReceivesTheCountsOfSimulationLogInPlaintext() throws Exception {
    try (FakeCarbon carbon = new FakeCarbon()) {
      GatlingResult r = run(p -> p.graphite("127.0.0.1", carbon.port()));

      Map<String, Long> pushed = new TreeMap<>();
      // hierarchical paths: gatlingSshRequests.request.<name>.status.<status>.count (cumulative)
      carbon
          .last("gatlingSshRequests.")
          .forEach(
              (path, value) -> {
                String[] f = path.split("\\.");
                if (f.length == 6 && f[5].equals("count") && value > 0) {
                  pushed.put(f[2] + " " + f[4], Math.round(value));
                }
              });
      assertThat(pushed)
          .as(carbon.lines().stream().limit(40).toList().toString())
          .isEqualTo(logCounts(r));
      // the response-time percentiles are Micrometer's (as InfluxDB gets them), pushed once
      assertThat(carbon.last("gatlingSshResponseTimePercentile.").keySet())
          .anyMatch(
              path -> path.startsWith("gatlingSshResponseTimePercentile.phi.0_95.request.echo"));
      assertThat(carbon.last("gatlingSshResponseTime.").keySet())
          .anyMatch(path -> path.endsWith(".max"))
          .noneMatch(path -> path.endsWith(".p95"));
      // of Dropwizard's rates, the one-minute rate only
      assertThat(carbon.last("gatlingSshRequests.").keySet())
          .anyMatch(path -> path.endsWith(".m1_rate"))
          .noneMatch(path -> path.endsWith(".m5_rate") || path.endsWith(".m15_rate"))
          .noneMatch(path -> path.endsWith(".mean_rate"));
    }
  }

  @Test
  void maxDurationEndsTheMetricsWithTheRun() throws Exception {
    int port = MetricsServer.freePort();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("cut short")
                    .exec(ssh("echo").exec("echo hi"))
                    .pause(Duration.ofSeconds(60)),
            2,
            protocol().prometheusEndpoint(port),
            Duration.ofSeconds(2));

    assertThat(r.ok("echo")).as(r.summary()).isEqualTo(2);
    assertInjectorPage(r);
    assertNoMetricsThreads();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).as("the endpoint's port is free again").isEqualTo(port);
    }
  }

  @Test
  void aTakenPortAndADeadInfluxDbAreOneWarningEachAndTheRunGoesOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int deadPort = MetricsServer.freePort(); // nothing listens there
      List<ILoggingEvent> warnings = new ArrayList<>();
      GatlingResult r =
          captureWarnings(
              warnings,
              () ->
                  run(
                      p ->
                          p.prometheusEndpoint(taken.getLocalPort())
                              .influxDb("http://127.0.0.1:" + deadPort, "gatling")
                              .graphite("127.0.0.1", deadPort)));

      assertThat(r.exitCode()).isZero();
      assertThat(logCounts(r))
          .containsEntry("echo OK", 12L)
          .containsEntry("fail KO", 4L)
          .containsEntry("connect OK", 4L)
          .containsEntry("disconnect OK", 4L);
      List<String> messages = warnings.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(messages.stream().filter(m -> m.contains("Prometheus endpoint")))
          .as(messages.toString())
          .singleElement()
          .asString()
          .contains(String.valueOf(taken.getLocalPort()))
          .contains("prometheusEndpoint(port)");
      assertThat(messages.stream().filter(m -> m.toLowerCase().contains("influx")))
          .as(messages.toString())
          .hasSize(1);
      assertThat(messages.stream().filter(m -> m.toLowerCase().contains("graphite")))
          .as(messages.toString())
          .hasSize(1);
      assertThat(messages).as("nothing else warned").hasSize(3);
      assertInjectorPage(r);
      assertNoMetricsThreads();
    }
  }

  /** The queries of a dashboard shipped in the repository's dashboards/ folder. */
  private static List<String> dashboardQueries(String file, String field) throws Exception {
    JsonNode dashboard = MetricsServer.JSON.readTree(Path.of("..", "dashboards", file).toFile());
    List<String> queries = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(p -> p.path("targets").forEach(t -> queries.add(t.path(field).asText())));
    assertThat(queries).hasSizeGreaterThan(10);
    return queries;
  }

  private static void assertNoMetricsThreads() {
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(
                    n ->
                        n.startsWith("gatling-ssh-metrics")
                            || n.contains("influx")
                            || n.contains("graphite")
                            || n.startsWith("HTTP-Dispatcher")))
        .isEmpty();
  }

  private static void assertInjectorPage(GatlingResult r) throws Exception {
    Path page = r.runDir().resolve("injector.html");
    assertThat(page).exists();
    String html = Files.readString(page);
    assertThat(html)
        .contains(
            "process CPU",
            "heap used",
            "event-loop lag",
            "I/O-thread lag",
            "open connections",
            "response time median per request");
    assertThat(html.split("<img ", -1)).hasSize(6);
  }

  private static GatlingResult captureWarnings(
      List<ILoggingEvent> into, java.util.function.Supplier<GatlingResult> run) {
    // Gatling stops Logback when a run ends, which detaches appenders: attach one for this run
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.setContext(context);
    events.start();
    root.addAppender(events);
    try {
      return run.get();
    } finally {
      root.detachAppender(events);
      events.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
          .forEach(into::add);
    }
  }
}
