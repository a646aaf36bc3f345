package io.github.gatlingssh.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per request name, the meters a request ends in: built on the name's first request and then only
 * looked up, so recording is a hash lookup and a few atomic adds. Micrometer meters exist only when
 * a registry is configured; the page's histogram always.
 */
final class RequestMeters {
  /** Micrometer name; Prometheus shows it as {@code gatling_ssh_requests_total}. */
  static final String REQUESTS = "gatling.ssh.requests";

  /** Micrometer name; Prometheus shows it as {@code gatling_ssh_response_time_seconds}. */
  static final String RESPONSE_TIME = "gatling.ssh.response.time";

  private final MeterRegistry registry;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param registry where the meters go, or null for the page only
   */
  RequestMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String request, boolean ok, long millis) {
    Entry e = entries.get(request);
    if (e == null) {
      e = entries.computeIfAbsent(request, this::newEntry);
    }
    e.page.record(millis);
    if (registry != null) {
      (ok ? e.okCount : e.koCount).increment();
      (ok ? e.okTime : e.koTime(request)).record(millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The median of each request name over the step that ends now (names without requests left out).
   */
  Map<String, Double> drainMedians() {
    Map<String, Double> medians = new LinkedHashMap<>();
    entries.forEach(
        (name, e) -> {
          double m = e.page.drainMedian();
          if (!Double.isNaN(m)) {
            medians.put(name, m);
          }
        });
    return medians;
  }

  private Entry newEntry(String request) {
    Entry e = new Entry();
    if (registry != null) {
      e.okCount = counter(request, "OK");
      e.koCount = counter(request, "KO");
      e.okTime = timer(request, "OK");
    }
    return e;
  }

  private Counter counter(String request, String status) {
    return Counter.builder(REQUESTS)
        .description("SSH requests ended, by name and status")
        .tag("request", request)
        .tag("status", status)
        .register(registry);
  }

  private Timer timer(String request, String status) {
    return Timer.builder(RESPONSE_TIME)
        .description("SSH response time, by name and status")
        .tag("request", request)
        .tag("status", status)
        .publishPercentiles(0.5, 0.95, 0.99)
        // over the last minute: push registries default the window to one step, whose ring buffer
        // can rotate the requests out before the next push, publishing 0 for a request that ran
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(2))
        .register(registry);
  }

  /**
   * A name's meters. The KO timer is registered at the name's first KO: its histogram is a hundred
   * series scraped or pushed every step, for a status most requests never have (the KO counter is
   * registered at once, so a rate of KOs reads 0 rather than nothing).
   */
  private final class Entry {
    final LogBuckets page = new LogBuckets();
    Counter okCount;
    Counter koCount;
    Timer okTime;
    private volatile Timer koTime;

    Timer koTime(String request) {
      Timer t = koTime;
      if (t == null) {
        // two first KOs at once both register: Micrometer returns the same timer to both
        t = timer(request, "KO");
        koTime = t;
      }
      return t;
    }
  }
}
