package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * An in-test MINA SSH server whose SFTP subsystem (or none, or another one) serves a directory, and
 * a client to reach it. Test-only: accepts any host key, password "secret".
 *
 * <p>Names starting with "forbidden" are refused with AccessDeniedException by the server's file
 * accessor: the tests run as root, for whom chmod 000 denies nothing.
 */
final class SftpTestServer implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  private final SshServer sshd;
  private final SshClient client;
  private final List<ClientSession> sessions = new ArrayList<>();

  private SftpTestServer(SshServer sshd) throws IOException {
    this.sshd = sshd;
    sshd.start();
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((s, a, k) -> true); // tests only
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.start();
  }

  /**
   * A server whose SFTP subsystem serves {@code root}; {@code listener} sees its reads and writes.
   */
  static SftpTestServer sftp(Path root, SftpEventListener listener) throws IOException {
    SftpSubsystemFactory f =
        new SftpSubsystemFactory.Builder().withFileSystemAccessor(new DenyingAccessor()).build();
    if (listener != null) {
      f.addSftpEventListener(listener);
    }
    SshServer sshd = server();
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sshd.setSubsystemFactories(List.of(f));
    return new SftpTestServer(sshd);
  }

  static SftpTestServer sftp(Path root) throws IOException {
    return sftp(root, null);
  }

  /** A server with the given subsystems (none: SFTP is refused). */
  static SftpTestServer withSubsystems(List<SubsystemFactory> subsystems) throws IOException {
    SshServer sshd = server();
    sshd.setSubsystemFactories(subsystems);
    return new SftpTestServer(sshd);
  }

  private static SshServer server() {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    SimpleGeneratorHostKeyProvider hk = new SimpleGeneratorHostKeyProvider();
    hk.setAlgorithm("EC");
    hk.setKeySize(256);
    sshd.setKeyPairProvider(hk);
    sshd.setPasswordAuthenticator((u, p, s) -> "secret".equals(p));
    return sshd;
  }

  SshServer sshd() {
    return sshd;
  }

  /** A new authenticated session (blocking: test thread only). */
  ClientSession session() throws IOException {
    ClientSession s =
        client.connect("tester", "127.0.0.1", sshd.getPort()).verify(WAIT).getSession();
    s.addPasswordIdentity("secret");
    s.auth().verify(WAIT);
    synchronized (sessions) {
      sessions.add(s);
    }
    return s;
  }

  /** An SFTP channel on a new session. */
  SftpChannel channel(SftpSettings settings) throws Exception {
    return await(SftpChannel.open(session(), settings));
  }

  SftpChannel channel() throws Exception {
    return channel(SftpSettings.DEFAULTS);
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    client.stop();
    sshd.stop(true);
  }

  /** Refuses every name starting with "forbidden", as a permission check would. */
  private static final class DenyingAccessor implements SftpFileSystemAccessor {
    private static void check(Path p) throws AccessDeniedException {
      Path name = p.getFileName();
      if (name != null && name.toString().startsWith("forbidden")) {
        throw new AccessDeniedException(p.toString());
      }
    }

    @Override
    public java.nio.channels.SeekableByteChannel openFile(
        SftpSubsystemProxy subsystem,
        org.apache.sshd.sftp.server.FileHandle fileHandle,
        Path file,
        String handle,
        java.util.Set<? extends java.nio.file.OpenOption> options,
        java.nio.file.attribute.FileAttribute<?>... attrs)
        throws IOException {
      check(file);
      return SftpFileSystemAccessor.super.openFile(
          subsystem, fileHandle, file, handle, options, attrs);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
      check(path);
      SftpFileSystemAccessor.super.createDirectory(subsystem, path);
    }

    @Override
    public java.nio.file.DirectoryStream<Path> openDirectory(
        SftpSubsystemProxy subsystem,
        org.apache.sshd.sftp.server.DirectoryHandle dirHandle,
        Path dir,
        String handle,
        java.nio.file.LinkOption... linkOptions)
        throws IOException {
      check(dir);
      return SftpFileSystemAccessor.super.openDirectory(
          subsystem, dirHandle, dir, handle, linkOptions);
    }
  }
}
