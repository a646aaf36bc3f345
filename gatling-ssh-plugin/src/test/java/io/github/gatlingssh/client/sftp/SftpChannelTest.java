package io.github.gatlingssh.client.sftp;

import static io.github.gatlingssh.client.sftp.SftpTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every one-message verb against MINA's SFTP server, and the ways they fail. */
class SftpChannelTest {
  @TempDir Path root;

  private SftpTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = SftpTestServer.sftp(root);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** The SftpException behind a failed future. */
  static SftpException failure(CompletableFuture<?> f) {
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(f));
    assertThat(e.getCause()).isInstanceOf(SftpException.class);
    return (SftpException) e.getCause();
  }

  @Test
  void opensTheSubsystemAndNegotiatesVersion3() throws Exception {
    SftpChannel ch = server.channel();
    assertThat(ch.serverVersion()).isEqualTo(3);
    assertThat(ch.isOpen()).isTrue();
    assertThat(await(ch.realpath("."))).isEqualTo("/");
  }

  @Test
  void statsFilesAndDirectories() throws Exception {
    Files.writeString(root.resolve("a.txt"), "hello");
    Files.createDirectory(root.resolve("d"));
    Files.createSymbolicLink(root.resolve("link"), root.resolve("a.txt"));
    SftpChannel ch = server.channel();

    FileAttributes file = await(ch.stat("/a.txt"));
    assertThat(file.size()).isEqualTo(5L);
    assertThat(file.isRegularFile()).isTrue();
    assertThat(file.mtime()).isPositive();
    assertThat(await(ch.stat("/d")).isDirectory()).isTrue();
    assertThat(await(ch.stat("/link")).isRegularFile()).isTrue();
    assertThat(await(ch.lstat("/link")).isSymbolicLink()).isTrue();
  }

  @Test
  void makesListsRenamesAndRemoves() throws Exception {
    SftpChannel ch = server.channel();
    await(ch.mkdir("/dir"));
    assertThat(root.resolve("dir")).isDirectory();
    Files.writeString(root.resolve("dir/one"), "1");
    Files.writeString(root.resolve("dir/two"), "22");

    List<DirEntry> entries = await(ch.list("/dir"));
    assertThat(entries).extracting(DirEntry::name).containsExactlyInAnyOrder("one", "two");
    assertThat(entries)
        .filteredOn(e -> e.name().equals("two"))
        .first()
        .satisfies(e -> assertThat(e.attributes().size()).isEqualTo(2L));

    await(ch.rename("/dir/one", "/dir/uno"));
    assertThat(root.resolve("dir/uno")).hasContent("1");
    assertThat(root.resolve("dir/one")).doesNotExist();

    await(ch.remove("/dir/uno"));
    await(ch.remove("/dir/two"));
    assertThat(await(ch.list("/dir"))).isEmpty();
    await(ch.rmdir("/dir"));
    assertThat(root.resolve("dir")).doesNotExist();
  }

  @Test
  void listsALargeDirectoryOverManyReaddirReplies() throws Exception {
    Files.createDirectory(root.resolve("big"));
    for (int i = 0; i < 600; i++) {
      Files.writeString(root.resolve("big/file-" + i), "x");
    }
    SftpChannel ch = server.channel();
    assertThat(await(ch.list("/big")))
        .hasSize(600)
        .extracting(DirEntry::name)
        .doesNotContain(".", "..");
  }

  @Test
  void noSuchFileIsNamedWithItsPath() throws Exception {
    SftpChannel ch = server.channel();
    SftpException e = failure(ch.stat("/x/y"));
    assertThat(e.getMessage()).isEqualTo("sftp: no such file: /x/y");
    assertThat(e.step()).isEqualTo("sftp");
    assertThat(e.statusName()).isEqualTo("SSH_FX_NO_SUCH_FILE");
    assertThat(e.path()).isEqualTo("/x/y");

    assertThat(failure(ch.remove("/nope")).getMessage()).isEqualTo("sftp: no such file: /nope");
    assertThat(failure(ch.list("/nodir")).status()).isEqualTo(SftpStatus.SSH_FX_NO_SUCH_FILE);
    assertThat(failure(ch.download("/missing.bin", DownloadSink.inMemory(10))).getMessage())
        .isEqualTo("sftp: no such file: /missing.bin");
    // the channel is still usable after failures
    assertThat(await(ch.realpath("/"))).isEqualTo("/");
  }

  @Test
  void permissionDeniedIsNamedWithItsPath() throws Exception {
    Files.writeString(root.resolve("forbidden.txt"), "secret");
    SftpChannel ch = server.channel();
    SftpException e = failure(ch.download("/forbidden.txt", DownloadSink.inMemory(10)));
    assertThat(e.getMessage()).isEqualTo("sftp: permission denied: /forbidden.txt");
    assertThat(e.statusName()).isEqualTo("SSH_FX_PERMISSION_DENIED");
    assertThat(failure(ch.mkdir("/forbidden-dir")).getMessage())
        .isEqualTo("sftp: permission denied: /forbidden-dir");
    assertThat(
            failure(
                    ch.upload(
                        UploadSource.ofBytes(new byte[10]), "/forbidden.bin", WriteMode.OVERWRITE))
                .status())
        .isEqualTo(SftpStatus.SSH_FX_PERMISSION_DENIED);
  }

  @Test
  void otherFailuresCarryTheStatusName() throws Exception {
    Files.createDirectories(root.resolve("full/sub"));
    SftpChannel ch = server.channel();
    SftpException e = failure(ch.rmdir("/full"));
    assertThat(e.status()).isNotNull().isNotEqualTo(SftpStatus.SSH_FX_OK);
    assertThat(e.statusName()).startsWith("SSH_FX_");
    assertThat(e.getMessage()).startsWith("sftp: ").contains("/full");
  }

  @Test
  void manyRequestsInFlightOnOneChannelAreMatchedByTheirIds() throws Exception {
    for (int i = 0; i < 200; i++) {
      Files.writeString(root.resolve("f" + i), "x".repeat(i));
    }
    SftpChannel ch = server.channel();
    List<CompletableFuture<FileAttributes>> stats = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      stats.add(ch.stat("/f" + i));
    }
    for (int i = 0; i < 200; i++) {
      assertThat(await(stats.get(i)).size()).isEqualTo((long) i);
    }
  }

  @Test
  void subsystemRefusedByAServerWithoutSftp() throws Exception {
    try (SftpTestServer plain = SftpTestServer.withSubsystems(List.of())) {
      ClientSession s = plain.session();
      SftpException e = failure(SftpChannel.open(s, SftpSettings.DEFAULTS));
      assertThat(e.getMessage()).isEqualTo("sftp: subsystem refused by server");
      assertThat(s.isOpen()).isTrue(); // the connection survives the refusal
    }
  }

  @Test
  void aDeadlineOnOpenClosesTheChannel() throws Exception {
    ClientSession s = server.session();
    CompletableFuture<SftpChannel> open = SftpChannel.open(s, SftpSettings.DEFAULTS);
    open.completeExceptionally(SftpException.of("timeout", null, "no sftp version within 0s"));
    // whether or not the channel had opened, it is closed: none stays open on the connection
    AbstractConnectionService channels =
        (AbstractConnectionService) s.getService(ConnectionService.class);
    long deadline = System.nanoTime() + SftpTestServer.WAIT.toNanos();
    while (!channels.getChannels().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(channels.getChannels()).isEmpty();
    assertThat(await(SftpChannel.open(s, SftpSettings.DEFAULTS)).serverVersion()).isEqualTo(3);
  }

  @Test
  void openOnAClosedConnectionFails() throws Exception {
    ClientSession s = server.session();
    s.close(true).await(SftpTestServer.WAIT);
    assertThat(failure(SftpChannel.open(s, SftpSettings.DEFAULTS)).step())
        .isEqualTo("connection lost");
  }

  @Test
  void abortFailsEveryPendingRequestAndLaterOnes() throws Exception {
    SftpChannel ch = server.channel();
    List<CompletableFuture<FileAttributes>> pending = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pending.add(ch.stat("/"));
    }
    ch.abort("timeout", "no reply within 1s");
    for (CompletableFuture<FileAttributes> f : pending) {
      // each either answered before the abort, or failed with its reason: none hangs
      try {
        await(f);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).hasMessage("timeout: no reply within 1s");
      }
    }
    assertThat(failure(ch.stat("/")).getMessage()).isEqualTo("timeout: no reply within 1s");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void closeEndsTheChannelAndFailsLaterRequests() throws Exception {
    SftpChannel ch = server.channel();
    await(ch.close());
    assertThat(ch.isOpen()).isFalse();
    assertThat(failure(ch.stat("/")).getMessage()).isEqualTo("sftp: channel closed by the client");
  }

  @Test
  void pathsAreUtf8() throws Exception {
    SftpChannel ch = server.channel();
    await(
        ch.upload(
            UploadSource.ofBytes("é".getBytes(StandardCharsets.UTF_8)),
            "/café.txt",
            WriteMode.OVERWRITE));
    assertThat(root.resolve("café.txt")).hasContent("é");
    assertThat(await(ch.list("/"))).extracting(DirEntry::name).contains("café.txt");
  }
}
