package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.gatlingssh.protocol.Metrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rendering warm-up renders every registry asked for, offline, and leaves nothing behind. */
class MetricsWarmUpTest {

  @Test
  void rendersEveryRegistryWithoutConnectingListeningOrKeepingAThread() throws Exception {
    AtomicInteger influxRequests = new AtomicInteger();
    HttpServer influx = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    influx.createContext(
        "/",
        exchange -> {
          influxRequests.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    influx.start();
    int prometheusPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      prometheusPort = free.getLocalPort();
    }
    Set<String> threadsBefore = threadNames();
    try (ServerSocket carbon = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Metrics settings =
          Metrics.DEFAULT
              .withPrometheus("127.0.0.1", prometheusPort)
              .withInfluxDb(
                  URI.create("http://127.0.0.1:" + influx.getAddress().getPort()), "gatling")
              .withGraphite("127.0.0.1", carbon.getLocalPort());

      // a generous budget: the rounds, not the time, must end it
      assertThat(MetricsWarmUp.run(settings, Duration.ofMinutes(2)))
          .isEqualTo(MetricsWarmUp.ROUNDS);

      carbon.setSoTimeout(200);
      try (Socket unexpected = carbon.accept()) {
        throw new AssertionError("the warm-up connected to Carbon: " + unexpected);
      } catch (SocketTimeoutException expected) {
        // nobody connected
      }
      assertThat(influxRequests).hasValue(0);
      try (ServerSocket endpointPort =
          new ServerSocket(prometheusPort, 1, InetAddress.getByName("127.0.0.1"))) {
        assertThat(endpointPort.isBound()).as("no Prometheus endpoint was started").isTrue();
      }
      Set<String> left = threadNames();
      left.removeAll(threadsBefore);
      assertThat(left)
          .noneMatch(
              n ->
                  n.contains("influx")
                      || n.contains("graphite")
                      || n.contains("step-meter")
                      || n.contains("HTTP-Dispatcher"));
    } finally {
      influx.stop(0);
    }
  }

  @Test
  void withoutLiveMetricsThereIsNothingToWarmUp() {
    assertThat(MetricsWarmUp.run(Metrics.DEFAULT, Duration.ofMinutes(1))).isZero();
    assertThat(MetricsWarmUp.run(null, Duration.ofMinutes(1))).isZero();
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }
}
