package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.bare.BareWarmUp;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Server JVM of the hold mode: the testkit's {@link EmbeddedSshServer} (MINA, in-JVM commands, a
 * socket backlog of 4096) on a free loopback port, in a JVM of its own so that its heap and threads
 * stay out of the client's figures. It warms its JIT up ({@link BareWarmUp}: a client and a
 * temporary server of the same kind in this JVM), prints one {@link HoldTarget} line, then runs
 * until its standard input closes (the benchmark ends it that way) or its time limit passes, and
 * stops.
 *
 * <p>Arguments ({@code key=value}): {@code seconds}, the time limit.
 */
public final class HoldServer {
  private HoldServer() {}

  public static void main(String[] argv) throws Exception {
    long seconds =
        Arrays.stream(argv)
            .filter(a -> a.startsWith("seconds="))
            .mapToLong(a -> Long.parseLong(a.substring("seconds=".length())))
            .findFirst()
            .orElse(600);
    // no SFTP: its subsystem is not used, and nothing of it should be set up per session
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().sftp(false).build().start()) {
      HoldTarget target =
          new HoldTarget(
              server.host(),
              server.port(),
              server.username(),
              server.userKey(),
              server.knownHostsFile(),
              server.hostKeyFingerprint());
      // the server's handshake code JIT-compiled before the first measured client connects, so
      // that the first client does not meet a slower server than the second
      System.out.println("warmed up with " + BareWarmUp.run() + " sessions");
      System.out.println(target.line());
      System.out.flush();
      CountDownLatch stdinClosed = new CountDownLatch(1);
      Thread watcher = new Thread(() -> drain(System.in, stdinClosed), "hold-server-stdin");
      watcher.setDaemon(true);
      watcher.start();
      stdinClosed.await(Duration.ofSeconds(seconds).toMillis(), TimeUnit.MILLISECONDS);
    }
    System.exit(0);
  }

  private static void drain(InputStream in, CountDownLatch closed) {
    try {
      while (in.read() >= 0) {
        // nothing is expected on stdin: its end is the signal
      }
    } catch (IOException e) {
      // a broken pipe ends the server too
    }
    closed.countDown();
  }
}
