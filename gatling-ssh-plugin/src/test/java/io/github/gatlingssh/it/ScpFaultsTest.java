package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.scp.common.ScpTransferEventListener.FileOperation;
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
    try (EmbeddedSshServer server =
        TransferFaults.scpServer(
            op -> {
              AtomicBoolean once = op == FileOperation.SEND ? sendStalled : receiveStalled;
              if (once.compareAndSet(false, true)) {
                TransferFaults.sleep(3_000); // the server's scp thread, the file announced
              }
            })) {
      server.createDataFile("slow.bin", new byte[SIZE]);
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("stall")
                      .exec(
                          scp("slow download").download("slow.bin").timeout(Duration.ofSeconds(1)))
                      .exec(
                          scp("slow upload")
                              .uploadBytes("up.bin", s -> new byte[SIZE])
                              .timeout(Duration.ofSeconds(1)))
                      .exec(scp("download again").download("slow.bin").check(bodyLength().is(SIZE)))
                      .exec(
                          scp("upload again")
                              .uploadBytes("up.bin", s -> new byte[10])
                              .check(transferredBytes().is(10L))),
              1,
              TestProtocols.forServer(server));

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
    // the scp command's hook runs once the file is announced and accepted, before its data
    TransferFaults.assertConnectionLostMidDownload(
        TransferKind.SCP, local, kill -> TransferFaults.scpServer(op -> kill.run()));
  }
}
