package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import io.github.gatlingssh.testkit.junit.ServerKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 1 GiB SFTP download in a real Gatling run, checked with bodyLength and sha1 over every byte
 * while only maxOutputLength bytes are kept: the live heap stays flat. Against OpenSSH's sftp
 * server, so that the JVM holds the client only; the file is sparse (zeros), so the server's disk
 * costs nothing.
 */
class SftpGigabyteTest {
  private static final Logger LOG = LoggerFactory.getLogger(SftpGigabyteTest.class);
  private static final long GIB = 1L << 30;
  private static final int KEPT = 64 * 1024;

  @ForEachServer(ServerKind.OPENSSH)
  void aGigabyteDownloadIsCheckedWithFlatMemory(TestServer server) throws Exception {
    Path file = server.dataDir().resolve("gigabyte.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(GIB); // sparse zeros: nothing to write
    }
    try {
      CompletableFuture<String> sha1 = CompletableFuture.supplyAsync(SftpGigabyteTest::zerosSha1);
      GatlingResult r;
      HeapSampler.Stats heap;
      try (HeapSampler sampler = HeapSampler.start(Duration.ofMillis(500))) {
        r =
            ScriptedSimulation.run(
                sim ->
                    sim.setUp(
                            scenario("gigabyte")
                                .exec(ssh("connect").connect())
                                .exec(
                                    sftp("1 GiB")
                                        .download(file.toString())
                                        .check(
                                            bodyLength().is((int) GIB),
                                            sha1().is(sha1.join()),
                                            bodyBytes().transform(b -> b.length).is(KEPT),
                                            transferredBytes().is(GIB)))
                                .exec(ssh("disconnect").disconnect())
                                .injectOpen(atOnceUsers(1)))
                        .protocols(
                            TestProtocols.forServer(server)
                                .maxOutputLength(KEPT)
                                .requestTimeout(Duration.ofMinutes(5))));
        heap = sampler.stop();
      }
      LOG.info("1 GiB SFTP download: live heap {}", heap);

      Runs.assertAllOk(r, 1, "connect", "1 GiB", "disconnect");
      assertThat(heap.samples()).as("heap samples during the download").isGreaterThanOrEqualTo(2);
      // a client that held the file would grow by 1 GiB; streaming holds buffers only
      assertThat(heap.growth()).as("live heap growth: %s", heap).isLessThan(256L << 20);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String zerosSha1() {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] zeros = new byte[1 << 20];
      for (long done = 0; done < GIB; done += zeros.length) {
        sha1.update(zeros);
      }
      return HexFormat.of().formatHex(sha1.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
