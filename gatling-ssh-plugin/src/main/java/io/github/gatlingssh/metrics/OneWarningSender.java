package io.github.gatlingssh.metrics;

import io.micrometer.core.ipc.http.HttpSender;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a push registry's HTTP requests and turns a dead target into ONE warning per run:
 * Micrometer itself would log every failed push (every step, twice with InfluxDB's database
 * creation). After the first failure, failures are logged at debug; a recovery is logged once at
 * info. Micrometer is told every push succeeded: it has nothing to do with a failure but log it.
 */
final class OneWarningSender implements HttpSender {
  private static final Logger LOGGER = LoggerFactory.getLogger(OneWarningSender.class);

  private final HttpSender delegate;
  private final String target;
  private final AtomicBoolean warned = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();

  OneWarningSender(String target, Duration connectTimeout, Duration readTimeout) {
    this.delegate = new HttpUrlConnectionSender(connectTimeout, readTimeout);
    this.target = target;
  }

  @Override
  public Response send(Request request) {
    String problem;
    try {
      Response response = delegate.send(request);
      if (response.isSuccessful()) {
        if (failing.compareAndSet(true, false)) {
          LOGGER.info("gatling-ssh metrics: {} is reachable again", target);
        }
        return response;
      }
      problem = "HTTP " + response.code() + " " + response.body();
    } catch (Throwable t) {
      problem = t.toString();
    }
    failing.set(true);
    if (warned.compareAndSet(false, true)) {
      LOGGER.warn(
          "gatling-ssh metrics: cannot push to {} ({}); the run goes on, its metrics for that target"
              + " are lost until it answers. Check the URL and database given to influxDb(url, db).",
          target,
          problem);
    } else {
      LOGGER.debug("gatling-ssh metrics: push to {} failed again: {}", target, problem);
    }
    return new Response(204, Response.NO_RESPONSE_BODY);
  }
}
