package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.bare.BareMinaClient;
import io.github.gatlingssh.benchmark.bare.BareWarmUp;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * Client JVM of the hold mode for bare MINA SSHD: the hold scenario ({@link BareHoldSession}, the
 * numbers from {@code -Dhold.*}, the target from {@code -Dssh.*}) with the benchmark's bare client
 * ({@link BareMinaClient}: gatling-ssh's algorithms, MINA's other defaults), under the same {@link
 * HeapProbe}, after the same JIT warm-up ({@link BareWarmUp}): what a held session costs on the
 * library alone. Argument: the probe's output file.
 */
public final class BareHoldChild {
  private BareHoldChild() {}

  public static void main(String[] args) throws Exception {
    HoldSettings settings = HoldSettings.fromSystemProperties();
    int port = Integer.getInteger("ssh.port");
    HeapProbe probe = settings.probe(port).start();
    // as gatling-ssh's protocol does before its first user: classes loaded, crypto tables built
    // and the JIT warm before the baseline, so that the heap per session holds sessions only
    System.out.println("warmed up with " + BareWarmUp.run() + " sessions");
    SshClient client = BareMinaClient.start(Path.of(System.getProperty("ssh.knownHosts")));
    // MINA's thread factory makes daemon threads: a stuck session cannot keep this JVM alive
    ScheduledExecutorService timer =
        ThreadUtils.newSingleThreadScheduledExecutor("bare-hold-timer");
    BareHoldSession.Setup setup =
        new BareHoldSession.Setup(
            client,
            System.getProperty("ssh.host"),
            port,
            System.getProperty("ssh.username"),
            BareMinaClient.loadKey(Path.of(System.getProperty("ssh.privateKey"))),
            settings,
            timer);
    Outcome outcome = new Outcome(settings.users());
    // the quiet time, then the sessions evenly spread over the ramp, as Gatling's rampUsers does
    long step = settings.ramp().toNanos() / settings.users();
    long first = settings.quiet().toNanos();
    for (int i = 0; i < settings.users(); i++) {
      timer.schedule(
          () -> new BareHoldSession(setup, outcome).start(),
          first + i * step,
          TimeUnit.NANOSECONDS);
    }
    boolean allDone =
        outcome.finished.await(settings.clientTimeout().toSeconds(), TimeUnit.SECONDS);
    probe.write(
        Path.of(args[0]),
        Map.of(
            "ok", Integer.toString(outcome.ok.get()),
            "ko", Integer.toString(outcome.ko.get()),
            "koSamples", String.join(" | ", outcome.koSamples)));
    client.stop();
    System.exit(allDone ? 0 : 3);
  }

  /** Counts the requests, as Gatling would: connect, each echo, disconnect. */
  private static final class Outcome implements BareHoldSession.Sink {
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger ko = new AtomicInteger();
    final Queue<String> koSamples = new ConcurrentLinkedQueue<>();
    final CountDownLatch finished;

    Outcome(int users) {
      finished = new CountDownLatch(users);
    }

    @Override
    public void ok() {
      ok.incrementAndGet();
    }

    @Override
    public void ko(String request, Throwable error) {
      if (ko.incrementAndGet() <= 5) {
        koSamples.add(request + ": " + error);
      }
    }

    @Override
    public void finished() {
      finished.countDown();
    }
  }
}
