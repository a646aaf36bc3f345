package io.github.gatlingssh.client.sftp;

import static io.github.gatlingssh.client.sftp.SftpChannelTest.failure;
import static io.github.gatlingssh.client.sftp.SftpTestServer.await;
import static io.github.gatlingssh.client.sftp.SftpTransferTest.digest;
import static io.github.gatlingssh.client.sftp.SftpTransferTest.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against OpenSSH's own SFTP server ({@code /usr/lib/openssh/sftp-server}), run as the
 * MINA test server's "sftp" subsystem. As root, the server runs as "nobody" (through setpriv) so
 * that permissions apply. Skipped where OpenSSH's sftp-server is not installed.
 */
class OpenSshSftpServerInteropTest {
  private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  @TempDir Path tmp;

  private Path root;
  private boolean unprivileged;
  private SftpTestServer server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(SFTP_SERVER), "OpenSSH's sftp-server is not installed");
    root = tmp.resolve("root");
    Files.createDirectory(root);
    List<String> command = new ArrayList<>();
    unprivileged = "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV);
    if (unprivileged) {
      // nobody must reach the tree: open it up; "locked" below stays root's, mode 700
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
      command.addAll(
          List.of(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.add(SFTP_SERVER.toString());
    command.addAll(List.of("-d", root.toString()));
    server = SftpTestServer.withSubsystems(List.of(ProcessSubsystem.factory("sftp", command)));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyVerbAgainstOpenSsh() throws Exception {
    SftpChannel ch = server.channel();
    assertThat(ch.serverVersion()).isEqualTo(3);
    assertThat(ch.extensions()).containsKey("posix-rename@openssh.com");
    assertThat(await(ch.realpath("."))).isEqualTo(root.toString());

    String dir = root + "/dir";
    await(ch.mkdir(dir));
    byte[] data = random(8 * 1024 * 1024 + 99, 7);
    TransferResult up =
        await(ch.upload(UploadSource.ofBytes(data), dir + "/data.bin", WriteMode.OVERWRITE));
    assertThat(up.bytes()).isEqualTo(data.length);
    assertThat(Path.of(dir, "data.bin")).hasBinaryContent(data);
    assertThat(await(ch.stat(dir + "/data.bin")).size()).isEqualTo((long) data.length);

    TransferResult down = await(ch.download(dir + "/data.bin", DownloadSink.inMemory(100)));
    assertThat(down.bytes()).isEqualTo(data.length);
    assertThat(down.md5()).isEqualTo(digest("MD5", data));
    assertThat(down.sha1()).isEqualTo(digest("SHA-1", data));

    await(ch.upload(UploadSource.ofBytes("tail".getBytes()), dir + "/data.bin", WriteMode.APPEND));
    assertThat(await(ch.stat(dir + "/data.bin")).size()).isEqualTo(data.length + 4L);

    assertThat(await(ch.list(dir))).extracting(DirEntry::name).containsExactly("data.bin");
    await(ch.rename(dir + "/data.bin", dir + "/old.bin"));
    assertThat(await(ch.lstat(dir + "/old.bin")).isRegularFile()).isTrue();
    await(ch.remove(dir + "/old.bin"));
    await(ch.rmdir(dir));
    assertThat(Path.of(dir)).doesNotExist();
  }

  @Test
  void bigChunksAndShortReadsAgainstOpenSsh() throws Exception {
    byte[] data = random(3 * 1024 * 1024 + 1, 8);
    Files.write(root.resolve("f.bin"), data);
    SftpChannel ch = server.channel(new SftpSettings(SftpSettings.MAX_CHUNK_SIZE, 8));
    assertThat(await(ch.download(root + "/f.bin", DownloadSink.inMemory(data.length))).kept())
        .isEqualTo(data);
  }

  @Test
  void errorsAgainstOpenSsh() throws Exception {
    SftpChannel ch = server.channel();
    assertThat(failure(ch.stat(root + "/x/y")).getMessage())
        .isEqualTo("sftp: no such file: " + root + "/x/y");
    assertThat(failure(ch.download(root + "/none", DownloadSink.inMemory(1))).statusName())
        .isEqualTo("SSH_FX_NO_SUCH_FILE");
    assumeTrue(unprivileged, "permissions do not apply to root");
    Path locked = Files.createDirectory(root.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    SftpException e =
        failure(ch.upload(UploadSource.ofBytes(new byte[1]), locked + "/f", WriteMode.OVERWRITE));
    assertThat(e.getMessage()).isEqualTo("sftp: permission denied: " + locked + "/f");
    assertThat(failure(ch.list(locked.toString())).statusName())
        .isEqualTo("SSH_FX_PERMISSION_DENIED");
  }
}
