package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.bare.BareWarmUp;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;

/**
 * Server JVM of the hold mode: the testkit's {@link EmbeddedSshServer} (MINA, in-JVM commands, a
 * socket backlog of 4096) on a free loopback port, in a JVM of its own so that its heap and threads
 * stay out of the client's figures. It warms its JIT up ({@link BareWarmUp}: a client and a
 * temporary server of the same kind in this JVM), prints one {@link HoldTarget} line, keeps the
 * number of authenticated sessions in a status file, then runs until its standard input closes (the
 * benchmark ends it that way) or its time limit passes, and stops.
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
    AtomicReference<SshServer> sshd = new AtomicReference<>();
    try (EmbeddedSshServer server =
        EmbeddedSshServer.builder().sftp(false).customize(sshd::set).build().start()) {
      Path status = server.dataDir().resolve("authenticated");
      HoldTarget target =
          new HoldTarget(
              server.host(),
              server.port(),
              server.username(),
              server.userKey(),
              server.knownHostsFile(),
              server.hostKeyFingerprint(),
              status);
      // the server's handshake code JIT-compiled before the first measured client connects, so
      // that the first client does not meet a slower server than the second
      System.out.println("warmed up with " + BareWarmUp.run() + " sessions");
      System.out.println(target.line());
      System.out.flush();
      Thread reporter = new Thread(() -> report(sshd.get(), status), "hold-server-status");
      reporter.setDaemon(true);
      reporter.start();
      CountDownLatch stdinClosed = new CountDownLatch(1);
      Thread watcher = new Thread(() -> drain(System.in, stdinClosed), "hold-server-stdin");
      watcher.setDaemon(true);
      watcher.start();
      stdinClosed.await(Duration.ofSeconds(seconds).toMillis(), TimeUnit.MILLISECONDS);
    }
    System.exit(0);
  }

  /**
   * Writes the number of authenticated sessions to {@code status} four times a second (replacing
   * the file at once), so that a client's probe knows when all its sessions are held, not only
   * connected: on a loaded machine thousands of handshakes can be in progress at once.
   */
  private static void report(SshServer sshd, Path status) {
    Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
    try {
      while (true) {
        long n = sshd.getActiveSessions().stream().filter(Session::isAuthenticated).count();
        Files.writeString(tmp, Long.toString(n));
        Files.move(
            tmp, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(250);
      }
    } catch (IOException e) {
      System.out.println("hold server status stopped: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
