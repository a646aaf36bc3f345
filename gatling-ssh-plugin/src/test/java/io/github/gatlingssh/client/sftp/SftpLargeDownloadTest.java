package io.github.gatlingssh.client.sftp;

import static io.github.gatlingssh.client.sftp.SftpTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large download keeps memory flat: bytes are counted and digested as they stream, only {@code
 * maxKeep} are kept. The size is 256 MiB by default so the test stays under ~30 s on a loaded
 * 2-core machine; {@code -Dsftp.largeDownloadMiB=1024} runs the full 1 GiB.
 */
class SftpLargeDownloadTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path root;

  @Test
  void aLargeDownloadIsDigestedWithBoundedMemory() throws Exception {
    long size = Long.getLong("sftp.largeDownloadMiB", 256) * MIB;
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("large.bin").toFile(), "rw")) {
      f.setLength(size); // sparse zeros: nothing to generate
    }
    // what the digests of `size` zero bytes are, computed here while the download runs
    CompletableFuture<byte[][]> expected = CompletableFuture.supplyAsync(() -> zeroDigests(size));

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peakLive = new AtomicLong();
    try (SftpTestServer server = SftpTestServer.sftp(root)) {
      SftpChannel ch = server.channel();
      CompletableFuture<TransferResult> down =
          ch.download("/large.bin", DownloadSink.inMemory(4096));
      // the live heap, sampled after a collection, through the whole download
      Thread sampler =
          new Thread(
              () -> {
                while (!down.isDone()) {
                  System.gc();
                  peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.start();
      TransferResult r = down.get(5, java.util.concurrent.TimeUnit.MINUTES);
      sampler.join();

      assertThat(r.bytes()).isEqualTo(size);
      assertThat(r.kept()).hasSize(4096).containsOnly((byte) 0);
      byte[][] digests = await(expected);
      assertThat(r.md5()).isEqualTo(digests[0]);
      assertThat(r.sha1()).isEqualTo(digests[1]);
    }
    // holding the file would add `size` bytes; streaming adds buffers only (64 x 32 KiB in flight)
    assertThat(peakLive.get() - baseline).isLessThan(64 * MIB);
  }

  private static byte[][] zeroDigests(long size) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] zeros = new byte[(int) MIB];
      for (long done = 0; done < size; done += zeros.length) {
        md5.update(zeros);
        sha1.update(zeros);
      }
      return new byte[][] {md5.digest(), sha1.digest()};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
