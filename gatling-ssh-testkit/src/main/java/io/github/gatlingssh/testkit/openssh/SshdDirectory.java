package io.github.gatlingssh.testkit.openssh;

import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary directory of one {@link PrivateSshd}: sshd's config, log, output and pid file, and
 * the data directory the login user reads and writes.
 */
final class SshdDirectory {

  private final Path dir;
  private final SshdProcess.SshdFiles files;
  private final Path dataDir;
  private final String otherLoginUser;

  /**
   * Creates the data directory in {@code dir}.
   *
   * @param otherLoginUser the account sshd logs in if it is not the JVM's own, else null
   */
  SshdDirectory(Path dir, String otherLoginUser) {
    this.dir = dir;
    this.files =
        new SshdProcess.SshdFiles(
            dir.resolve("sshd_config"), dir.resolve("sshd.log"), dir.resolve("sshd.out"));
    this.dataDir = dir.resolve("data");
    this.otherLoginUser = otherLoginUser;
    ServerDirectory.createDirectory(dataDir, otherLoginUser);
  }

  Path dir() {
    return dir;
  }

  SshdProcess.SshdFiles files() {
    return files;
  }

  Path pidFile() {
    return dir.resolve("sshd.pid");
  }

  Path dataDir() {
    return dataDir;
  }

  /** sshd's log so far. */
  String log() {
    return ServerDirectory.read(files.log());
  }

  /** See {@link PrivateSshd#createDataFile}. */
  Path createDataFile(String name, byte[] content) {
    return ServerDirectory.writeDataFile(dataDir, name, content, otherLoginUser);
  }

  /** See {@link PrivateSshd#seedFile()}. */
  synchronized Path seedFile() {
    Path file = dataDir.resolve(SeedFile.FILE_NAME);
    return Files.exists(file) ? file : createDataFile(SeedFile.FILE_NAME, SeedFile.content());
  }

  /** Deletes the directory and everything in it. */
  void delete() {
    ServerDirectory.delete(dir);
  }
}
