package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The protocol's SFTP pipelining settings reach the transfers: the embedded server sees READ and
 * WRITE requests of the chunk size set with {@code sftpChunkSize}, not the default 32 KiB.
 */
class SftpPipeliningTest {
  private static final int SIZE = 200_000;
  private static final int CHUNK = 10_000;

  @Test
  void transfersUseTheProtocolsChunkSize() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger largestRead = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger largestWrite = new AtomicInteger();
    try (EmbeddedSshServer server =
        TransferFaults.sftpServer(
            (offset, length) -> {
              reads.incrementAndGet();
              largestRead.accumulateAndGet(length, Math::max);
            },
            (offset, length) -> {
              writes.incrementAndGet();
              largestWrite.accumulateAndGet(length, Math::max);
            })) {
      GatlingResult r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                          scenario("chunks")
                              .exec(ssh("connect").connect())
                              .exec(sftp("upload").uploadBytes("chunked.bin", s -> new byte[SIZE]))
                              .exec(
                                  sftp("download")
                                      .download("chunked.bin")
                                      .check(bodyLength().is(SIZE)))
                              .injectOpen(atOnceUsers(1)))
                      .protocols(
                          TestProtocols.forServer(server).sftpChunkSize(CHUNK).sftpMaxRequests(4)));

      Runs.assertAllOk(r, 1, "connect", "upload", "download");
      assertThat(largestWrite.get()).isEqualTo(CHUNK);
      assertThat(writes.get()).isEqualTo(SIZE / CHUNK);
      assertThat(largestRead.get()).isEqualTo(CHUNK);
      // every chunk, then the read that finds the end of the file (up to the 4 in flight)
      assertThat(reads.get()).isBetween(SIZE / CHUNK + 1, SIZE / CHUNK + 4);
    }
  }
}
