package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.ChainBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.OpenSshRequirement;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  /** A transfer the server stalls once started (past 256 KiB), past its 1 s timeout. */
  enum Stall {
    DOWNLOAD(
        "slow download",
        "timeout: sftp download of slow.bin not done within 1 s; transfer aborted",
        "stat after",
        "download again"),
    UPLOAD(
        "slow upload",
        "timeout: sftp upload of slow-up.bin not done within 1 s; transfer aborted",
        "upload again",
        "stat after");

    /** The stalled request. */
    final String stalled;

    /** Its KO message. */
    final String message;

    /** The requests after it on the same channel, OK. */
    final String[] after;

    Stall(String stalled, String message, String... after) {
      this.stalled = stalled;
      this.message = message;
      this.after = after;
    }

    /** An embedded server whose SFTP reads (a download) or writes (an upload) stall once. */
    EmbeddedSshServer server() throws IOException {
      TransferFaults.Hook stall = TransferFaults.stallOnceFrom(256 * 1024);
      return this == DOWNLOAD
          ? TransferFaults.sftpServer(stall, TransferFaults::none)
          : TransferFaults.sftpServer(TransferFaults::none, stall);
    }

    /** The stalled request, then the same channel's requests that must be OK after it. */
    ChainBuilder requests() {
      Duration timeout = Duration.ofSeconds(1);
      return switch (this) {
        case DOWNLOAD ->
            exec(sftp(stalled).download("slow.bin").timeout(timeout))
                .exec(sftp("stat after").stat("slow.bin").check(fileSize().is(1024L * 1024)))
                .exec(
                    sftp("download again")
                        .download("slow.bin")
                        .check(bodyLength().is(1024 * 1024)));
        case UPLOAD ->
            exec(sftp(stalled)
                    .uploadBytes("slow-up.bin", s -> new byte[1024 * 1024])
                    .timeout(timeout))
                .exec(sftp("upload again").uploadBytes("up.bin", s -> new byte[10]))
                .exec(sftp("stat after").stat("up.bin").check(fileSize().is(10L)));
      };
    }
  }

  @ParameterizedTest
  @EnumSource(Stall.class)
  void aStalledTransferTimesOutAndTheChannelStaysUsable(Stall stall) throws Exception {
    try (EmbeddedSshServer server = stall.server()) {
      server.createDataFile("slow.bin", new byte[1024 * 1024]);
      GatlingResult r =
          Runs.atOnce(
              () -> Scenarios.connected("stall").exec(stall.requests()),
              1,
              TestProtocols.forServer(server));

      assertThat(r.koMessages(stall.stalled)).as(r.summary()).containsExactly(stall.message);
      Runs.assertAllOk(r, 1, stall.after);
    }
  }

  @Test
  void aConnectionLostMidTransferIsKoAndLeavesNothingOpen(@TempDir Path local) throws Exception {
    // past 512 KiB: the download has started and is far from done
    TransferFaults.assertConnectionLostMidDownload(
        TransferKind.SFTP,
        local,
        kill ->
            TransferFaults.sftpServer(
                (offset, length) -> {
                  if (offset >= 512 * 1024) {
                    kill.run();
                  }
                },
                TransferFaults::none));
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
          Runs.atOnce(
              () ->
                  Scenarios.connected("full")
                      .exec(sftp("upload").uploadBytes("full.bin", s -> new byte[1024 * 1024]))
                      .exec(sftp("small").uploadBytes("small.bin", s -> new byte[100])),
              1,
              TestProtocols.forServer(server));

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
          Runs.atOnce(
              () ->
                  Scenarios.connected("no sftp")
                      .exec(sftp("stat").stat("."))
                      .exec(ssh("exec").exec("echo still here")),
              2,
              TestProtocols.forServer(sshd));

      assertThat(r.koMessages("stat"))
          .as(r.summary())
          .containsOnly("sftp: subsystem refused by server")
          .hasSize(2);
      Runs.assertAllOk(r, 2, "exec");
    }
  }
}
