package io.github.gatlingssh.protocol;

import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.ConnectRequest;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.client.hostkey.FingerprintPolicy;
import io.github.gatlingssh.metrics.MetricsWarmUp;
import io.github.gatlingssh.protocol.warmup.WarmUpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up the JVM's JIT on the SSH client's code paths (key exchange, host key check, public key
 * authentication, exec, output streaming, close) before the run, so the first seconds of a load
 * test do not pay for interpreted code and compilation: in a fresh JVM the JIT compiler was the
 * largest single CPU consumer of a 200-session benchmark. Like Gatling HTTP's warm-up it runs when
 * the protocol's components are created (before the first user is injected), once per JVM. It talks
 * to a temporary {@link WarmUpServer} on 127.0.0.1, never to the server under test, and never fails
 * the run.
 */
final class JvmWarmUp {
  private static final Logger LOGGER = LoggerFactory.getLogger(JvmWarmUp.class);
  private static final AtomicBoolean DONE = new AtomicBoolean();

  /** Stops after this long, or after {@link #SESSIONS} sessions. */
  static final Duration BUDGET = Duration.ofMillis(2500);

  static final int SESSIONS = 400;
  private static final int CONCURRENCY = 16;
  static final Duration COMPILE_BUDGET = Duration.ofMillis(1500);

  /** The live metrics' rendering warm-up stops after this long (when live metrics are on). */
  static final Duration METRICS_BUDGET = Duration.ofMillis(1500);

  private JvmWarmUp() {}

  /**
   * Runs the warm-up if this JVM has not had one; blocks the calling thread (the one starting the
   * run, never an event loop).
   *
   * @param metrics the run's live metrics settings: their rendering is warmed up too when they ask
   *     for any registry ({@link MetricsWarmUp})
   */
  static void once(ClientSettings settings, Metrics metrics) {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    long start = System.nanoTime();
    int sessions = 0;
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gatling-ssh-warm-up-timer");
              t.setDaemon(true);
              return t;
            });
    try (WarmUpServer server = WarmUpServer.start();
        SshConnector connector = new SshConnector(settings)) {
      ConnectRequest request =
          new ConnectRequest(
              server.host(),
              server.port(),
              server.username(),
              null,
              List.of(server.clientKeyPair()),
              new FingerprintPolicy(List.of(server.hostKeyFingerprint())),
              Duration.ofSeconds(10),
              List.of());
      String cat = WarmUpServer.COMMAND;
      long deadline = start + BUDGET.toNanos();
      while (sessions < SESSIONS && System.nanoTime() < deadline) {
        List<CompletableFuture<?>> round = new ArrayList<>(CONCURRENCY);
        for (int i = 0; i < CONCURRENCY; i++) {
          round.add(connector.connect(request, timer).thenCompose(c -> session(c, cat)));
        }
        CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        sessions += CONCURRENCY;
      }
      int rounds = MetricsWarmUp.run(metrics, METRICS_BUDGET);
      long compiling = awaitJitQuiescence();
      LOGGER.info(
          "JVM warmed up with {} SSH sessions against an in-JVM server{} in {} ms, {} ms of it"
              + " waiting for the JIT compiler to finish (disableWarmUp() to skip)",
          sessions,
          rounds > 0 ? " and " + rounds + " renderings of the live metrics" : "",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          compiling);
    } catch (Exception e) {
      LOGGER.warn("SSH warm-up skipped after {} sessions: {}", sessions, e.toString());
    } finally {
      timer.shutdownNow();
    }
  }

  /**
   * Waits, at most {@link #COMPILE_BUDGET}, until the JIT has compiled what the warm-up made hot:
   * its compile queue would otherwise drain during the run's first seconds, on the same cores.
   *
   * @return how long it waited, in ms
   */
  private static long awaitJitQuiescence() throws InterruptedException {
    java.lang.management.CompilationMXBean jit =
        java.lang.management.ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return 0;
    }
    long start = System.nanoTime();
    long deadline = start + COMPILE_BUDGET.toNanos();
    long last = jit.getTotalCompilationTime();
    int quiet = 0;
    while (quiet < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50); // the simulation-building thread, before the run: nothing else waits on it
      long now = jit.getTotalCompilationTime();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** The seed workload's steps: exec twice on one connection, then disconnect. */
  private static CompletableFuture<Void> session(SshConnection connection, String command) {
    return connection
        .exec(command, StandardCharsets.UTF_8, 1 << 20)
        .completion()
        .thenCompose(r -> connection.exec(command, StandardCharsets.UTF_8, 1 << 20).completion())
        .thenCompose(r -> connection.disconnect());
  }
}
