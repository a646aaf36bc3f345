package io.github.gatlingssh.it.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian metrics server (Prometheus, InfluxDB) started by a test as the current user on a free
 * loopback port, with its own data directory; stopped and its files removed by {@link #close()}.
 * Missing binary: the test is skipped, or fails when {@code CI=true} (CI installs them).
 */
abstract class MetricsServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path dir;
  final int port;
  private final Path log;
  private final Process process;

  MetricsServer(String binary, Path dir, int port, List<String> command) throws IOException {
    this.dir = dir;
    this.port = port;
    this.log = dir.resolve(binary + ".log");
    this.process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** What a server does to be ready for its test, once started. */
  interface Readiness<S extends MetricsServer> {
    void await(S server) throws Exception;
  }

  /**
   * Returns {@code server} once {@code readiness} passes; closes it first if not, so that a server
   * that never got ready is not left running behind a failed test.
   */
  static <S extends MetricsServer> S readyOrClosed(S server, Readiness<S> readiness)
      throws Exception {
    try {
      readiness.await(server);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Skips the test when {@code binary} is not installed (fails under CI, where it must be). */
  static Path requireBinary(String binary, String debianPackage) {
    Path path = Path.of("/usr/bin", binary);
    boolean present = Files.isExecutable(path);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          binary + " is missing: apt-get install " + debianPackage + " (.ci/run does)");
    }
    assumeTrue(present, binary + " not installed (apt-get install " + debianPackage + ")");
    return path;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (up to 30 s) until {@code path} answers 2xx. */
  void awaitReady(String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log()));
      }
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server not ready within 30 s: " + Files.readString(log()));
  }

  /** The server's output, both streams. */
  Path log() {
    return log;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
