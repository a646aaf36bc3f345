package io.github.gatlingssh.action.sftp;

import io.gatling.core.structure.ScenarioContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import scala.runtime.BoxedUnit;

/**
 * The bytes of a run's SFTP and SCP transfers, by request name, printed once at the end of the run.
 * Gatling's open-source report has no byte columns for custom protocols, so the HTML report shows a
 * transfer's response time and this summary its size: per request name, the transfers that
 * succeeded, their bytes, and MiB/s as bytes over the sum of their response times (the mean rate of
 * one transfer, not the run's aggregate rate).
 */
final class TransferStats {
  // one per run: the key is the run's actor system, which outlives every action of the run
  private static final Map<Object, TransferStats> RUNS = new ConcurrentHashMap<>();

  private final Map<String, Totals> byRequest = new ConcurrentHashMap<>();

  private record Totals(LongAdder count, LongAdder bytes, LongAdder millis) {}

  /**
   * The stats of the run {@code ctx} belongs to; the first call registers the end-of-run summary.
   */
  static TransferStats of(ScenarioContext ctx) {
    Object run = ctx.coreComponents().actorSystem();
    return RUNS.computeIfAbsent(
        run,
        key -> {
          TransferStats stats = new TransferStats();
          ctx.coreComponents()
              .actorSystem()
              .registerOnTermination(
                  () -> {
                    RUNS.remove(key);
                    stats.print(System.out);
                    return BoxedUnit.UNIT;
                  });
          return stats;
        });
  }

  /** Counts one transfer that succeeded. Called from the users' event loops, concurrently. */
  void add(String request, long bytes, long millis) {
    Totals t =
        byRequest.computeIfAbsent(
            request, r -> new Totals(new LongAdder(), new LongAdder(), new LongAdder()));
    t.count().increment();
    t.bytes().add(bytes);
    t.millis().add(Math.max(millis, 0));
  }

  /** The summary, or nothing when no transfer succeeded. */
  void print(PrintStream out) {
    if (byRequest.isEmpty()) {
      return;
    }
    StringBuilder s =
        new StringBuilder("---- SFTP and SCP transfers (successful) ")
            .append("-".repeat(32))
            .append('\n');
    s.append(
        String.format(Locale.ROOT, "%-32s %10s %16s %10s%n", "request", "count", "bytes", "MiB/s"));
    new TreeMap<>(byRequest)
        .forEach(
            (name, t) -> {
              long ms = t.millis().sum();
              double mibPerSecond = ms == 0 ? 0 : t.bytes().sum() / 1048576.0 / (ms / 1000.0);
              s.append(
                  String.format(
                      Locale.ROOT,
                      "%-32s %10d %16d %10.1f%n",
                      name,
                      t.count().sum(),
                      t.bytes().sum(),
                      mibPerSecond));
            });
    out.print(s);
    out.flush();
  }
}
