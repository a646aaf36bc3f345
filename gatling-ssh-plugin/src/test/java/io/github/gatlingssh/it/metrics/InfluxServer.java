package io.github.gatlingssh.it.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A private InfluxDB 1.x: its own meta, data and WAL directories, HTTP on a free loopback port. */
final class InfluxServer extends MetricsServer {

  private InfluxServer(Path binary, Path dir, int port) throws Exception {
    super(
        "influxd",
        dir,
        port,
        List.of(binary.toString(), "-config", dir.resolve("influxdb.conf").toString()));
  }

  static InfluxServer start(Path dir) throws Exception {
    Path binary = requireBinary("influxd", "influxdb");
    int http = freePort();
    int rpc = freePort();
    Files.writeString(
        dir.resolve("influxdb.conf"),
        """
        reporting-disabled = true
        bind-address = "127.0.0.1:%d"
        [meta]
          dir = "%s"
        [data]
          dir = "%s"
          wal-dir = "%s"
          query-log-enabled = false
        [http]
          bind-address = "127.0.0.1:%d"
          log-enabled = false
        [monitor]
          store-enabled = false
        """
            .formatted(rpc, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"), http));
    return readyOrClosed(new InfluxServer(binary, dir, http), s -> s.awaitReady("/ping"));
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The series of an InfluxQL query's first statement. */
  JsonNode query(String db, String influxql) throws Exception {
    JsonNode r = get("/query?db=" + encode(db) + "&q=" + encode(influxql));
    return r.path("results").path(0).path("series");
  }
}
