package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.JvmResources;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.ScpTransferEventListener;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCP failures staged on the embedded server, once a transfer has started (its file accepted):
 * transfers that stall past their timeout, a connection lost.
 */
class ScpFaultsTest {
  private static final int SIZE = 1024 * 1024;

  @Test
  void stalledTransfersTimeOutAndTheConnectionStaysUsable() throws Exception {
    AtomicBoolean sendStalled = new AtomicBoolean();
    AtomicBoolean receiveStalled = new AtomicBoolean();
    ScpTransferEventListener stallOnce =
        new ScpTransferEventListener() {
          @Override
          public void startFileEvent(
              Session session,
              FileOperation op,
              Path file,
              long length,
              Set<PosixFilePermission> perms) {
            AtomicBoolean once = op == FileOperation.SEND ? sendStalled : receiveStalled;
            if (once.compareAndSet(false, true)) {
              sleep(3_000); // the server's scp thread, after the file was announced
            }
          }
        };
    try (EmbeddedSshServer server = withListener(stallOnce)) {
      server.createDataFile("slow.bin", new byte[SIZE]);
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("stall")
                              .exec(ssh("connect").connect())
                              .exec(
                                  scp("slow download")
                                      .download("slow.bin")
                                      .timeout(Duration.ofSeconds(1)))
                              .exec(
                                  scp("slow upload")
                                      .uploadBytes("up.bin", s -> new byte[SIZE])
                                      .timeout(Duration.ofSeconds(1)))
                              .exec(
                                  scp("download again")
                                      .download("slow.bin")
                                      .check(bodyLength().is(SIZE)))
                              .exec(
                                  scp("upload again")
                                      .uploadBytes("up.bin", s -> new byte[10])
                                      .check(transferredBytes().is(10L)))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(TestProtocols.forServer(server)));

      assertThat(r.koMessages("slow download"))
          .as(r.summary())
          .containsExactly("timeout: scp download of slow.bin not done within 1 s; channel closed");
      assertThat(r.koMessages("slow upload"))
          .containsExactly("timeout: scp upload of up.bin not done within 1 s; channel closed");
      Runs.assertAllOk(r, 1, "download again", "upload again");
    }
  }

  @Test
  void aConnectionLostMidTransferIsKoAndLeavesNothingOpen(@TempDir Path local) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicReference<EmbeddedSshServer> toKill = new AtomicReference<>();
    ScpTransferEventListener killMidway =
        new ScpTransferEventListener() {
          @Override
          public void startFileEvent(
              Session session,
              FileOperation op,
              Path file,
              long length,
              Set<PosixFilePermission> perms) {
            if (killed.compareAndSet(false, true)) {
              // a crash (TCP close, nothing more), from a thread of its own: kill() waits for the
              // server's threads, this one included
              new Thread(() -> toKill.get().kill(), "kill-embedded-server").start();
              sleep(2_000);
            }
          }
        };
    Path copy = local.resolve("copy.bin");
    EmbeddedSshServer server = withListener(killMidway);
    toKill.set(server);
    try (server) {
      server.createDataFile("big.bin", new byte[4 * SIZE]);
      int port = server.port(); // the server is gone when the sockets are checked
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("lost")
                              .exec(ssh("connect").connect())
                              .exec(scp("download").download("big.bin", copy.toString()))
                              .exec(scp("after").download("big.bin"))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(TestProtocols.forServer(server)));

      assertThat(r.koMessages("download"))
          .as(r.summary())
          .singleElement()
          .satisfies(m -> assertThat(m).startsWith("connection lost: "));
      assertThat(r.koMessages("after"))
          .singleElement()
          .satisfies(m -> assertThat(m).startsWith("not connected: "));
      Duration deadline = Duration.ofSeconds(20);
      assertThat(Polling.until(deadline, () -> JvmResources.clientMinaThreads().isEmpty()))
          .as("MINA client threads left: %s", JvmResources.clientMinaThreads())
          .isTrue();
      assertThat(Polling.until(deadline, () -> JvmResources.clientSocketsTo(port).isEmpty()))
          .as("client sockets left")
          .isTrue();
      assertThat(Polling.until(deadline, () -> !SftpFaultsTest.openInThisProcess(copy)))
          .as("the local file of the lost download is still open")
          .isTrue();
    }
  }

  private static EmbeddedSshServer withListener(ScpTransferEventListener listener)
      throws IOException {
    return EmbeddedSshServer.builder()
        .customize(
            sshd -> ((ScpCommandFactory) sshd.getCommandFactory()).addEventListener(listener))
        .build()
        .start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
