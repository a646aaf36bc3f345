package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.protocol.Metrics;
import io.github.gatlingssh.protocol.SshProtocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Checks the live metrics settings of {@link SshProtocolBuilder} and applies them: a bad value
 * fails when the simulation is built, saying what to set.
 */
final class MetricsSettings {
  private MetricsSettings() {}

  static Metrics prometheus(Metrics m, String bindAddress, int port) {
    if (bindAddress == null || bindAddress.isBlank()) {
      throw SshProtocol.invalid(
          "prometheusEndpoint needs a bind address, e.g. \"127.0.0.1\" (this machine"
              + " only) or \"0.0.0.0\" (every interface)");
    }
    return m.withPrometheus(bindAddress.strip(), port(port, "prometheusEndpoint", 9464));
  }

  static Metrics influxDb(Metrics m, String url, String db) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw SshProtocol.invalid(
          "influxDb needs the http(s) URL of an InfluxDB 1.x server, e.g."
              + " influxDb(\"http://127.0.0.1:8086\", \"gatling\"), was '"
              + url
              + "'");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null) {
      // the URL is shown in warnings and logs: credentials in it would leak there
      throw SshProtocol.invalid(
          "influxDb takes a URL without credentials or query, e.g. http://127.0.0.1:8086;"
              + " InfluxDB authentication is not supported yet");
    }
    if (db == null || db.isBlank()) {
      throw SshProtocol.invalid(
          "influxDb needs a database name, e.g. influxDb(\"" + url + "\", \"gatling\")");
    }
    return m.withInfluxDb(uri, db.strip());
  }

  static Metrics graphite(Metrics m, String host, int port) {
    if (host == null || host.isBlank()) {
      throw SshProtocol.invalid("graphite needs Carbon's host, e.g. graphite(\"127.0.0.1\", 2003)");
    }
    return m.withGraphite(host.strip(), port(port, "graphite", 2003));
  }

  static Metrics step(Metrics m, Duration step) {
    if (step == null || step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw SshProtocol.invalid(
          "metricsStep must be at least 1 s, e.g. metricsStep(Duration.ofSeconds(5)),"
              + " was "
              + step);
    }
    return m.withStep(step);
  }

  private static int port(int port, String method, int example) {
    if (port < 1 || port > 65535) {
      throw SshProtocol.invalid(
          method
              + " port "
              + port
              + " is out of range 1-65535, e.g. "
              + method
              + "(.., "
              + example
              + ")");
    }
    return port;
  }
}
