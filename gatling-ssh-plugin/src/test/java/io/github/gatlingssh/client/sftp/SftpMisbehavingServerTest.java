package io.github.gatlingssh.client.sftp;

import static io.github.gatlingssh.client.sftp.SftpChannelTest.failure;
import static io.github.gatlingssh.client.sftp.SftpTestServer.await;
import static io.github.gatlingssh.client.sftp.SftpTransferTest.digest;
import static io.github.gatlingssh.client.sftp.SftpTransferTest.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted server: replies in reverse order, a malformed reply, no reply at
 * all.
 */
class SftpMisbehavingServerTest {

  private static SftpTestServer server(ScriptedSftpServer.Mode mode, byte[] file) throws Exception {
    return SftpTestServer.withSubsystems(List.of(ScriptedSftpServer.factory(mode, file)));
  }

  @Test
  void repliesInReverseOrderArePutBackInOrder() throws Exception {
    byte[] data = random(2 * 1024 * 1024 + 3, 10);
    try (SftpTestServer server = server(ScriptedSftpServer.Mode.REVERSED, data)) {
      SftpChannel ch = server.channel(new SftpSettings(8 * 1024, 32));
      int before = ScriptedSftpServer.REVERSED_BATCHES.get();
      TransferResult r = await(ch.download("/any", DownloadSink.inMemory(data.length)));
      assertThat(r.kept()).isEqualTo(data);
      assertThat(r.sha1()).isEqualTo(digest("SHA-1", data));
      assertThat(ScriptedSftpServer.REVERSED_BATCHES.get() - before)
          .as("batches answered backwards")
          .isPositive();

      List<CompletableFuture<FileAttributes>> stats = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        stats.add(ch.stat("/f" + i));
      }
      for (CompletableFuture<FileAttributes> f : stats) {
        assertThat(await(f).size()).isEqualTo((long) data.length);
      }
    }
  }

  @Test
  void aMalformedReplyFailsItsRequestAndTheChannel() throws Exception {
    try (SftpTestServer server = server(ScriptedSftpServer.Mode.MALFORMED_STAT, new byte[10])) {
      SftpChannel ch = server.channel();
      SftpException e = failure(ch.stat("/x"));
      assertThat(e.getMessage()).startsWith("sftp: malformed reply from server");
      assertThat(failure(ch.stat("/y")).getMessage())
          .startsWith("sftp: malformed reply from server");
      assertThat(ch.isOpen()).isFalse();
    }
  }

  @Test
  void aServerThatNeverAnswersIsCutOffByAbort() throws Exception {
    try (SftpTestServer server = server(ScriptedSftpServer.Mode.SILENT, new byte[10])) {
      SftpChannel ch = server.channel();
      CompletableFuture<TransferResult> down = ch.download("/x", DownloadSink.inMemory(1));
      CompletableFuture<FileAttributes> stat = ch.stat("/x");
      Thread.sleep(200);
      assertThat(down).isNotDone();
      assertThat(ch.inFlight()).isEqualTo(2);
      ch.abort("timeout", "no reply within 200ms");
      assertThat(failure(down).getMessage()).isEqualTo("timeout: no reply within 200ms");
      assertThat(failure(stat).step()).isEqualTo("timeout");
      assertThat(ch.inFlight()).isZero();
    }
  }
}
