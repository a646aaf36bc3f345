package io.github.gatlingssh.benchmark.bare;

import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * The bare MINA client's JIT warm-up, the same as gatling-ssh's (its JvmWarmUp, which
 * SeedSimulation's protocol runs when the simulation is built): before the measured round, up to
 * 400 sessions of the seed workload, 16 at a time, for at most 2.5 s, with a client of its own
 * against a temporary in-JVM server on 127.0.0.1, never the server under test.
 */
public final class BareWarmUp {
  static final Duration BUDGET = Duration.ofMillis(2500);
  static final int SESSIONS = 400;
  private static final int CONCURRENCY = 16;

  private BareWarmUp() {}

  /**
   * @return the number of sessions run
   */
  public static int run() {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int sessions = 0;
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start()) {
      SshClient client = BareMinaClient.start(List.of(server.hostKey()));
      try {
        BareSession.Setup setup =
            new BareSession.Setup(
                client,
                server.host(),
                server.port(),
                server.username(),
                server.userKeyPair(),
                "cat " + server.seedFile(),
                SeedFile.LINE_COUNT,
                SeedFile.SIZE);
        while (sessions < SESSIONS && System.nanoTime() < deadline) {
          CountDownLatch round = new CountDownLatch(CONCURRENCY);
          for (int i = 0; i < CONCURRENCY; i++) {
            new BareSession(setup, ended(round), Lockstep.NONE).start();
          }
          if (!round.await(10, TimeUnit.SECONDS)) {
            break;
          }
          sessions += CONCURRENCY;
        }
      } finally {
        client.stop();
      }
    } catch (Exception e) {
      System.err.println("bare MINA warm-up stopped after " + sessions + " sessions: " + e);
    }
    return sessions;
  }

  private static BareSession.Sink ended(CountDownLatch round) {
    return new BareSession.Sink() {
      @Override
      public void record(PhaseRecord step) {}

      @Override
      public void negotiated(ClientSession session) {}

      @Override
      public void finished() {
        round.countDown();
      }
    };
  }
}
