package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import io.github.gatlingssh.testkit.junit.OpenSshRequirement;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP failures staged on purpose: no SFTP subsystem (embedded server, and OpenSSH without a
 * Subsystem line), transfers that stall past their timeout, a connection lost mid-transfer, a full
 * disk (an embedded server that fails writes as a full disk does).
 */
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
    try (EmbeddedSshServer server =
        TransferFaults.sftpServer(
            (offset, length) -> {
              if (offset >= 256 * 1024 && stalled.compareAndSet(false, true)) {
                TransferFaults.sleep(3_000);
              }
            },
            TransferFaults::none)) {
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

  @Test
  void aStalledUploadTimesOutAndTheChannelStaysUsable() throws Exception {
    AtomicBoolean stalled = new AtomicBoolean();
    try (EmbeddedSshServer server =
        TransferFaults.sftpServer(
            TransferFaults::none,
            (offset, length) -> {
              if (offset >= 256 * 1024 && stalled.compareAndSet(false, true)) {
                TransferFaults.sleep(3_000);
              }
            })) {
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("stall")
                              .exec(ssh("connect").connect())
                              .exec(
                                  sftp("slow upload")
                                      .uploadBytes("slow-up.bin", s -> new byte[1024 * 1024])
                                      .timeout(Duration.ofSeconds(1)))
                              .exec(sftp("upload again").uploadBytes("up.bin", s -> new byte[10]))
                              .exec(sftp("stat after").stat("up.bin").check(fileSize().is(10L)))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(TestProtocols.forServer(server)));

      assertThat(r.koMessages("slow upload"))
          .as(r.summary())
          .containsExactly(
              "timeout: sftp upload of slow-up.bin not done within 1 s; transfer aborted");
      Runs.assertAllOk(r, 1, "upload again", "stat after");
    }
  }

  @Test
  void aConnectionLostMidTransferIsKoAndLeavesNothingOpen(@TempDir Path local) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicReference<EmbeddedSshServer> toKill = new AtomicReference<>();
    Path copy = local.resolve("copy.bin");
    EmbeddedSshServer server =
        TransferFaults.sftpServer(
            (offset, length) -> {
              if (offset >= 512 * 1024 && killed.compareAndSet(false, true)) {
                TransferFaults.killFromHook(toKill.get());
              }
            },
            TransferFaults::none);
    toKill.set(server);
    try (server) {
      server.createDataFile("big.bin", new byte[4 * 1024 * 1024]);
      int port = server.port(); // the server is gone when the sockets are checked
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("lost")
                              .exec(ssh("connect").connect())
                              .exec(sftp("download").download("big.bin", copy.toString()))
                              .exec(sftp("after").stat("big.bin"))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(TestProtocols.forServer(server)));

      TransferFaults.assertLostThenNotConnected(r, "download", "after");
      TransferFaults.assertNothingLeft(port, copy);
    }
  }

  @Test
  void aFullDiskIsAFailureOfThatFileAndTheUserGoesOn() throws Exception {
    // a disk that fills up during a write: SFTP v3 has no "no space" status, so servers answer
    // SSH_FX_FAILURE with their fixed text for it (OpenSSH's sftp-server: "Failure", MINA's:
    // "General failure", whatever the exception's message)
    try (EmbeddedSshServer server =
        TransferFaults.sftpServer(
            TransferFaults::none,
            (offset, length) -> {
              if (offset >= 64 * 1024) {
                throw new SftpException(SftpConstants.SSH_FX_FAILURE, "No space left on device");
              }
            })) {
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("full")
                              .exec(ssh("connect").connect())
                              .exec(
                                  sftp("upload")
                                      .uploadBytes("full.bin", s -> new byte[1024 * 1024]))
                              .exec(sftp("small").uploadBytes("small.bin", s -> new byte[100]))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(TestProtocols.forServer(server)));

      assertThat(r.koMessages("upload"))
          .as(r.summary())
          .containsExactly("sftp: failure: full.bin (server: General failure)");
      Runs.assertAllOk(r, 1, "small");
    }
  }

  @Test
  void anOpenSshWithoutSubsystemSftpRefusesIt() {
    OpenSshRequirement.assumeAvailable();
    try (PrivateSshd sshd = PrivateSshd.start(SshdOptions.builder().sftpSubsystem(false).build())) {
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("no sftp")
                              .exec(ssh("connect").connect())
                              .exec(sftp("stat").stat("."))
                              .exec(ssh("exec").exec("echo still here"))
                              .injectOpen(atOnceUsers(2)))
                      .protocols(TestProtocols.forServer(sshd)));

      assertThat(r.koMessages("stat"))
          .as(r.summary())
          .containsOnly("sftp: subsystem refused by server")
          .hasSize(2);
      Runs.assertAllOk(r, 2, "exec");
    }
  }
}
