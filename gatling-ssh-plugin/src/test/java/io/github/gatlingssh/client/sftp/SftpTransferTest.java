package io.github.gatlingssh.client.sftp;

import static io.github.gatlingssh.client.sftp.SftpChannelTest.failure;
import static io.github.gatlingssh.client.sftp.SftpTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelined downloads and uploads against MINA's SFTP server: content, digests, concurrency,
 * failures.
 */
class SftpTransferTest {
  static final int MIB = 1024 * 1024;

  @TempDir Path root;

  @TempDir Path local;

  private SftpTestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** A file of {@code size} zero bytes, sparse: nothing written. */
  static void sparse(Path file, long size) throws Exception {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  static byte[] digest(String algorithm, byte[] data) throws Exception {
    return MessageDigest.getInstance(algorithm).digest(data);
  }

  private SftpChannel channel(SftpSettings settings) throws Exception {
    if (server == null) {
      server = SftpTestServer.sftp(root);
    }
    return server.channel(settings);
  }

  @Test
  void downloadsEightMebibytesPipelinedWithDigestsOverEveryByte() throws Exception {
    byte[] data = random(8 * MIB + 123, 1);
    Files.write(root.resolve("big.bin"), data);
    SftpChannel ch = channel(SftpSettings.DEFAULTS);

    TransferResult r = await(ch.download("/big.bin", DownloadSink.inMemory(1000)));

    assertThat(r.bytes()).isEqualTo(data.length);
    assertThat(r.md5()).isEqualTo(digest("MD5", data));
    assertThat(r.sha1()).isEqualTo(digest("SHA-1", data));
    assertThat(r.kept()).isEqualTo(Arrays.copyOf(data, 1000));
    assertThat(r.keptAll()).isFalse();
    assertThat(r.path()).isEqualTo("/big.bin");
    assertThat(r.totalNanos()).isPositive().isGreaterThanOrEqualTo(r.firstByteNanos());
    assertThat(r.firstByteNanos()).isGreaterThanOrEqualTo(r.openNanos());
    assertThat(r.endEpochMillis()).isGreaterThanOrEqualTo(r.startEpochMillis());
    assertThat(ch.inFlight()).isZero();
  }

  @Test
  void shortReadsAreAskedAgainAndTheBytesStayInOrder() throws Exception {
    // MINA's server answers at most 64512 bytes per READ: every 100 KiB request comes back short
    byte[] data = random(3 * MIB + 7, 2);
    Files.write(root.resolve("short.bin"), data);
    SftpChannel ch = channel(new SftpSettings(100 * 1024, 16));

    TransferResult r = await(ch.download("/short.bin", DownloadSink.inMemory(data.length)));

    assertThat(r.kept()).isEqualTo(data);
    assertThat(r.keptAll()).isTrue();
    assertThat(r.sha1()).isEqualTo(digest("SHA-1", data));
  }

  @Test
  void unpipelinedAndEmptyTransfersWork() throws Exception {
    byte[] data = random(10_000, 3);
    Files.write(root.resolve("small.bin"), data);
    Files.write(root.resolve("empty.bin"), new byte[0]);
    SftpChannel ch = channel(new SftpSettings(1024, 1));

    assertThat(await(ch.download("/small.bin", DownloadSink.inMemory(MIB))).kept()).isEqualTo(data);
    TransferResult empty = await(ch.download("/empty.bin", DownloadSink.inMemory(MIB)));
    assertThat(empty.bytes()).isZero();
    assertThat(empty.md5()).isEqualTo(digest("MD5", new byte[0]));
    assertThat(empty.firstByteNanos()).isEqualTo(-1);

    await(ch.upload(UploadSource.ofBytes(data), "/up.bin", WriteMode.OVERWRITE));
    assertThat(root.resolve("up.bin")).hasBinaryContent(data);
    assertThat(
            await(ch.upload(UploadSource.ofBytes(new byte[0]), "/up0.bin", WriteMode.OVERWRITE))
                .bytes())
        .isZero();
    assertThat(root.resolve("up0.bin")).isEmptyFile();
  }

  @Test
  void downloadsToALocalFile() throws Exception {
    byte[] data = random(5 * MIB + 11, 4);
    Files.write(root.resolve("f.bin"), data);
    Path target = local.resolve("copy.bin");
    Files.write(target, new byte[10 * MIB]); // truncated first
    SftpChannel ch = channel(SftpSettings.DEFAULTS);

    TransferResult r = await(ch.download("/f.bin", DownloadSink.toFile(target).keep(16)));

    assertThat(target).hasBinaryContent(data);
    assertThat(r.kept()).isEqualTo(Arrays.copyOf(data, 16));
    assertThat(r.sha1()).isEqualTo(digest("SHA-1", data));
  }

  @Test
  void uploadsEightMebibytesPipelinedFromBytesAndFromAFile() throws Exception {
    byte[] data = random(8 * MIB + 5, 5);
    Path src = local.resolve("src.bin");
    Files.write(src, data);
    SftpChannel ch = channel(SftpSettings.DEFAULTS);

    TransferResult fromBytes =
        await(ch.upload(UploadSource.ofBytes(data), "/a.bin", WriteMode.OVERWRITE));
    TransferResult fromFile =
        await(ch.upload(UploadSource.ofFile(src), "/b.bin", WriteMode.OVERWRITE));

    assertThat(fromBytes.bytes()).isEqualTo(data.length);
    assertThat(fromFile.bytes()).isEqualTo(data.length);
    assertThat(fromFile.firstByteNanos()).isPositive();
    assertThat(digest("SHA-1", Files.readAllBytes(root.resolve("a.bin"))))
        .isEqualTo(digest("SHA-1", data));
    assertThat(digest("SHA-1", Files.readAllBytes(root.resolve("b.bin"))))
        .isEqualTo(digest("SHA-1", data));
  }

  @Test
  void localFileIoRunsOnASmallSharedPool() throws Exception {
    byte[] data = random(MIB, 11);
    for (int i = 0; i < 20; i++) {
      Files.write(local.resolve("in" + i), data);
      Files.write(root.resolve("out" + i), data);
    }
    SftpChannel ch = channel(SftpSettings.DEFAULTS);
    List<CompletableFuture<TransferResult>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(
          ch.upload(UploadSource.ofFile(local.resolve("in" + i)), "/up" + i, WriteMode.OVERWRITE));
      all.add(ch.download("/out" + i, DownloadSink.toFile(local.resolve("down" + i))));
    }
    for (CompletableFuture<TransferResult> f : all) {
      await(f);
    }
    long fileThreads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("gatling-ssh-sftp-file-"))
            .count();
    assertThat(fileThreads)
        .isBetween(1L, (long) Math.max(2, Runtime.getRuntime().availableProcessors()));
    for (int i = 0; i < 20; i++) {
      assertThat(local.resolve("down" + i)).hasBinaryContent(data);
      assertThat(root.resolve("up" + i)).hasBinaryContent(data);
    }
  }

  @Test
  void appendWritesAfterTheEndAndOverwriteTruncates() throws Exception {
    Files.writeString(root.resolve("log.txt"), "abc");
    Files.writeString(root.resolve("long.txt"), "0123456789");
    SftpChannel ch =
        channel(new SftpSettings(2, 4)); // tiny chunks: many writes at explicit offsets

    await(ch.upload(UploadSource.ofBytes("defghij".getBytes()), "/log.txt", WriteMode.APPEND));
    await(ch.upload(UploadSource.ofBytes("xyz".getBytes()), "/long.txt", WriteMode.OVERWRITE));
    await(ch.upload(UploadSource.ofBytes("new".getBytes()), "/new.txt", WriteMode.APPEND));

    assertThat(root.resolve("log.txt")).hasContent("abcdefghij");
    assertThat(root.resolve("long.txt")).hasContent("xyz");
    assertThat(root.resolve("new.txt")).hasContent("new");
  }

  @Test
  void aMissingLocalFileFailsBeforeAnythingIsSent() throws Exception {
    SftpChannel ch = channel(SftpSettings.DEFAULTS);
    Path missing = local.resolve("nope.bin");
    SftpException e =
        failure(ch.upload(UploadSource.ofFile(missing), "/x.bin", WriteMode.OVERWRITE));
    assertThat(e.step()).isEqualTo("sftp");
    assertThat(e.getMessage())
        .isEqualTo("sftp: cannot read local file " + missing + " (no such file)");
    assertThat(root.resolve("x.bin")).doesNotExist();
  }

  @Test
  void transfersSurviveKeyReExchanges() throws Exception {
    // the server re-keys every 1 MiB: requests written meanwhile, from the test thread and the file
    // pool's threads, must be queued by MINA, not block (MINA issue 878) or get lost
    server = SftpTestServer.sftp(root);
    org.apache.sshd.core.CoreModuleProperties.REKEY_BYTES_LIMIT.set(server.sshd(), (long) MIB);
    java.util.concurrent.atomic.AtomicInteger kex = new java.util.concurrent.atomic.AtomicInteger();
    server
        .sshd()
        .addSessionListener(
            new org.apache.sshd.common.session.SessionListener() {
              @Override
              public void sessionEvent(
                  org.apache.sshd.common.session.Session session, Event event) {
                if (event == Event.KexCompleted) {
                  kex.incrementAndGet();
                }
              }
            });
    byte[] data = random(8 * MIB, 9);
    Path src = local.resolve("src.bin");
    Files.write(src, data);
    SftpChannel ch = server.channel();
    CompletableFuture<TransferResult> up =
        ch.upload(UploadSource.ofFile(src), "/up.bin", WriteMode.OVERWRITE);
    Files.write(root.resolve("down.bin"), data);
    CompletableFuture<TransferResult> down = ch.download("/down.bin", DownloadSink.inMemory(0));
    assertThat(await(down).sha1()).isEqualTo(digest("SHA-1", data));
    await(up);
    assertThat(root.resolve("up.bin")).hasBinaryContent(data);
    assertThat(kex.get()).as("key exchanges, the first included").isGreaterThan(4);
  }

  @Test
  void fiftyTransfersAtOnceOnOneChannel() throws Exception {
    List<byte[]> files = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      byte[] d = random(512 * 1024 + i, 100 + i);
      files.add(d);
      Files.write(root.resolve("d" + i), d);
    }
    SftpChannel ch = channel(SftpSettings.DEFAULTS);
    List<CompletableFuture<TransferResult>> downs = new ArrayList<>();
    List<CompletableFuture<TransferResult>> ups = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      downs.add(ch.download("/d" + i, DownloadSink.inMemory(0)));
      ups.add(ch.upload(UploadSource.ofBytes(files.get(i)), "/u" + i, WriteMode.OVERWRITE));
    }
    for (int i = 0; i < 25; i++) {
      assertThat(await(downs.get(i)).sha1()).isEqualTo(digest("SHA-1", files.get(i)));
      await(ups.get(i));
      assertThat(root.resolve("u" + i)).hasBinaryContent(files.get(i));
    }
    assertThat(ch.inFlight()).isZero();
  }

  @Test
  void fiftySessionsTransferingAtOnce() throws Exception {
    byte[] data = random(256 * 1024, 6);
    Files.write(root.resolve("shared.bin"), data);
    server = SftpTestServer.sftp(root);
    List<SftpChannel> channels = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      channels.add(server.channel());
    }
    List<CompletableFuture<TransferResult>> downs = new ArrayList<>();
    List<CompletableFuture<TransferResult>> ups = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      downs.add(channels.get(i).download("/shared.bin", DownloadSink.inMemory(0)));
      ups.add(channels.get(i).upload(UploadSource.ofBytes(data), "/s" + i, WriteMode.OVERWRITE));
    }
    byte[] sha1 = digest("SHA-1", data);
    for (int i = 0; i < 50; i++) {
      assertThat(await(downs.get(i)).sha1()).isEqualTo(sha1);
      assertThat(await(ups.get(i)).bytes()).isEqualTo(data.length);
      assertThat(root.resolve("s" + i)).hasBinaryContent(data);
    }
  }

  @Test
  void connectionClosedMidTransferFailsEveryPendingRequest() throws Exception {
    sparse(root.resolve("big.bin"), 64L * MIB);
    server =
        SftpTestServer.sftp(
            root,
            new SftpEventListener() {
              @Override
              public void reading(
                  ServerSession session,
                  String handle,
                  FileHandle file,
                  long offset,
                  byte[] data,
                  int off,
                  int len) {
                if (offset >= 2 * MIB) {
                  session.close(
                      true); // the server drops the connection in the middle of the download
                }
              }
            });
    SftpChannel ch = server.channel();
    CompletableFuture<TransferResult> down = ch.download("/big.bin", DownloadSink.inMemory(0));
    Path src = local.resolve("zeros.bin");
    sparse(src, 64L * MIB); // long enough to be still running when the server drops
    CompletableFuture<TransferResult> up =
        ch.upload(UploadSource.ofFile(src), "/up.bin", WriteMode.OVERWRITE);

    SftpException e = failure(down);
    assertThat(e.step()).isEqualTo("connection lost");
    assertThat(e.getMessage()).startsWith("connection lost: ");
    assertThat(failure(up).step()).isEqualTo("connection lost");
    assertThat(failure(ch.stat("/")).step()).isEqualTo("connection lost");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aDeadlineCompletingTheFutureStopsTheTransferAndTheChannelGoesOn() throws Exception {
    sparse(root.resolve("big.bin"), 256L * MIB);
    SftpChannel ch = channel(SftpSettings.DEFAULTS);
    CompletableFuture<TransferResult> down = ch.download("/big.bin", DownloadSink.inMemory(0));
    try {
      down.get(300, TimeUnit.MILLISECONDS);
    } catch (TimeoutException expected) {
      down.completeExceptionally(SftpException.of("timeout", "/big.bin", "no reply within 300ms"));
    }
    // the transfer stops asking: what is in flight drains, the handle is closed, the channel works
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ch.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ch.inFlight()).isZero();
    assertThat(await(ch.stat("/big.bin")).size()).isEqualTo(256L * MIB);
    assertThat(ch.isOpen()).isTrue();
  }
}
