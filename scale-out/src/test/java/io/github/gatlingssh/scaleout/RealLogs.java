package io.github.gatlingssh.scaleout;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real simulation.log files: {@link TinyHttpSimulation} run by Gatling in this JVM. */
final class RealLogs {
  private RealLogs() {}

  /**
   * Runs the simulation {@code count} times, one after the other (so their starts differ), the
   * odd-numbered runs with the scenarios declared in the other order.
   *
   * @return each run's simulation.log
   */
  static List<Path> run(Path dir, int count) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/ok") ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      Path[] logs = new Path[count];
      for (int i = 0; i < count; i++) {
        logs[i] = runOnce(dir.resolve("injector-" + i), server.getAddress().getPort(), i % 2 == 1);
      }
      return List.of(logs);
    } finally {
      server.stop(0);
    }
  }

  private static Path runOnce(Path resultsDir, int port, boolean reversed) throws IOException {
    System.setProperty("tiny.port", Integer.toString(port));
    System.setProperty("tiny.reversed", Boolean.toString(reversed));
    System.setProperty("gatling.data.enableAnalytics", "false");
    com.typesafe.config.ConfigFactory.invalidateCaches();
    int code =
        io.gatling.app.Gatling$.MODULE$.fromArgs(
            new String[] {
              "-s", TinyHttpSimulation.class.getName(), "-rf", resultsDir.toString(), "-nr"
            });
    if (code != 0) {
      throw new IllegalStateException("Gatling run exited with " + code);
    }
    try (Stream<Path> runs = Files.list(resultsDir)) {
      return runs.map(r -> r.resolve("simulation.log"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow();
    }
  }
}
