package io.github.gatlingssh.metrics;

import com.codahale.metrics.graphite.Graphite;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carbon's plaintext sender that turns a dead Carbon into ONE warning per run: the reporter would
 * log every failed step. It never throws; after a failure it drops the step and tries to connect
 * again at the next one. Runs on the reporter's own thread only. Dropwizard's sender itself, with
 * its failures caught: the connection state and failure count stay Dropwizard's.
 */
final class OneWarningGraphite extends Graphite {
  private static final Logger LOGGER = LoggerFactory.getLogger(OneWarningGraphite.class);

  private final String target;
  private final AtomicBoolean warned = new AtomicBoolean();
  private boolean up;
  private boolean failing;

  OneWarningGraphite(String host, int port) {
    super(host, port);
    this.target = "Graphite " + host + ":" + port;
  }

  @Override
  public void connect() {
    try {
      if (!isConnected()) {
        super.connect();
      }
      up = true;
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  @Override
  public void send(String name, String value, long timestamp) {
    if (up) {
      try {
        super.send(name, value, timestamp);
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }
  }

  @Override
  public void flush() {
    if (up) {
      try {
        super.flush();
        if (failing) {
          failing = false;
          LOGGER.info("gatling-ssh metrics: {} is reachable again", target);
        }
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }
  }

  /**
   * Dropwizard's sanitizer (trim, then each run of whitespace to a dash), skipped when it would
   * change nothing: it runs a regular expression on every name and value of every step, and
   * Micrometer's names and the formatted numbers have no character at or below a space.
   */
  @Override
  protected String sanitize(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) <= ' ') {
        return super.sanitize(s);
      }
    }
    return s;
  }

  private void fail(Exception e) {
    up = false;
    failing = true;
    close();
    if (warned.compareAndSet(false, true)) {
      LOGGER.warn(
          "gatling-ssh metrics: cannot push to {} ({}); the run goes on, its metrics for that target"
              + " are lost until it answers. Check graphite(host, port): Carbon's plaintext port is 2003.",
          target,
          e.toString());
    } else {
      LOGGER.debug("gatling-ssh metrics: push to {} failed again: {}", target, e.toString());
    }
  }

  @Override
  public void close() {
    try {
      super.close();
    } catch (IOException | RuntimeException e) {
      // already broken
    }
  }
}
