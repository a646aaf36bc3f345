package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.Test;

/** SFTP failures only an embedded server can stage: no SFTP subsystem, a transfer that stalls. */
class SftpFaultsTest {

  @Test
  void aServerWithoutSftpRefusesTheSubsystem() throws Exception {
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().sftp(false).build().start()) {
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("no sftp")
                      .exec(sftp("stat").stat("."))
                      .exec(sftp("stat again").stat("."))
                      .exec(ssh("exec").exec("echo still here").check(stdout().is("still here\n"))),
              2,
              TestProtocols.forServer(server));

      assertThat(r.koMessages("stat"))
          .as(r.summary())
          .containsOnly("sftp: subsystem refused by server")
          .hasSize(2);
      assertThat(r.koMessages("stat again"))
          .containsOnly("sftp: subsystem refused by server")
          .hasSize(2);
      assertThat(r.ok("exec")).isEqualTo(2);
    }
  }

  @Test
  void aStalledTransferTimesOutAndTheChannelStaysUsable() throws Exception {
    AtomicBoolean stalled = new AtomicBoolean();
    SftpEventListener stallOnce =
        new SftpEventListener() {
          @Override
          public void reading(
              ServerSession session,
              String remoteHandle,
              FileHandle localHandle,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen) {
            if (offset >= 256 * 1024 && stalled.compareAndSet(false, true)) {
              try {
                Thread.sleep(
                    3_000); // the server's SFTP thread: every request behind this one waits
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    try (EmbeddedSshServer server =
        EmbeddedSshServer.builder()
            .customize(
                sshd ->
                    ((SftpSubsystemFactory) sshd.getSubsystemFactories().get(0))
                        .addSftpEventListener(stallOnce))
            .build()
            .start()) {
      server.createDataFile("slow.bin", new byte[1024 * 1024]);
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("stall")
                      .exec(
                          sftp("slow download").download("slow.bin").timeout(Duration.ofSeconds(1)))
                      .exec(sftp("stat after").stat("slow.bin").check(fileSize().is(1024L * 1024)))
                      .exec(
                          sftp("download again")
                              .download("slow.bin")
                              .check(bodyLength().is(1024 * 1024))),
              1,
              TestProtocols.forServer(server));

      assertThat(r.koMessages("slow download"))
          .as(r.summary())
          .containsExactly(
              "timeout: sftp download of slow.bin not done within 1 s; transfer aborted");
      assertThat(r.ok("stat after")).as(r.summary()).isEqualTo(1);
      assertThat(r.ok("download again")).as(r.summary()).isEqualTo(1);
    }
  }
}
