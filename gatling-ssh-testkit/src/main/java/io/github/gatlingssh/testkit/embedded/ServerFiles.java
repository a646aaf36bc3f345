package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Objects;

/**
 * What an {@link EmbeddedSshServer} makes when it starts: its host key and user key pair, and its
 * temporary data directory holding the data files, the seed file, the user key and known_hosts.
 */
final class ServerFiles {

  private final Path directory;
  private final FileStore files;
  private final Path seedFile;
  private final KeyPair hostKey;
  private final KeyPair userKey;
  private final Path userKeyPath;
  private final Path knownHosts;

  private ServerFiles(Path directory, Path readableRoot, String username)
      throws IOException, GeneralSecurityException {
    this.directory = directory;
    this.files = new FileStore(directory, readableRoot != null ? readableRoot : directory);
    this.seedFile = files.put(SeedFile.FILE_NAME, SeedFile.content());
    this.hostKey = ServerKeys.generate();
    this.userKey = ServerKeys.generate();
    this.userKeyPath = directory.resolve(EmbeddedSshServer.USER_KEY_FILE_NAME);
    ServerKeys.writePrivateKey(userKey, userKeyPath, username + "@embedded-ssh-server");
    this.knownHosts = directory.resolve(EmbeddedSshServer.KNOWN_HOSTS_FILE_NAME);
  }

  /**
   * Creates a private temporary directory, the keys and the files; deletes the directory again if
   * that fails.
   *
   * @param readableRoot the directory {@code cat} may read, null for the data directory
   */
  static ServerFiles create(Path readableRoot, String username)
      throws IOException, GeneralSecurityException {
    Path directory = FileStore.createPrivateTempDirectory();
    try {
      return new ServerFiles(directory, readableRoot, username);
    } catch (IOException | GeneralSecurityException | RuntimeException | Error e) {
      FileStore.deleteQuietly(directory);
      throw e;
    }
  }

  /** Writes {@code knownHostsLine} to {@link #knownHosts()}, once the port is known. */
  void writeKnownHosts(String knownHostsLine) throws IOException {
    Files.writeString(knownHosts, knownHostsLine + "\n", StandardCharsets.US_ASCII);
  }

  /** The known_hosts file in the data directory. */
  Path knownHosts() {
    return knownHosts;
  }

  /** See {@link EmbeddedSshServer#createDataFile}. */
  Path createDataFile(String name, byte[] content) {
    try {
      return files.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the data directory; does not throw. */
  void delete() {
    FileStore.deleteQuietly(directory);
  }

  Path directory() {
    return directory;
  }

  FileStore files() {
    return files;
  }

  Path seedFile() {
    return seedFile;
  }

  KeyPair hostKey() {
    return hostKey;
  }

  KeyPair userKey() {
    return userKey;
  }

  Path userKeyPath() {
    return userKeyPath;
  }
}
