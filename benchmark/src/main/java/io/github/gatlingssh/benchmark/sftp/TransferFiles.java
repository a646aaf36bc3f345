package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.run.TargetServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;

/**
 * The files of the SFTP benchmark: random content (so that nothing on the way could compress it),
 * made once and shared by both clients.
 *
 * <ul>
 *   <li>local, in a fresh temporary directory deleted by {@link #close()}: the single transfer's
 *       upload source, the concurrent users' upload source, the warm-up file, and the downloads;
 *   <li>remote, in the server's data directory (owned by the login user, deleted with the server):
 *       the single download's source, readable by the login user; the uploads land there too.
 * </ul>
 */
final class TransferFiles implements AutoCloseable {
  /**
   * The warm-up file: 5 rounds of 64 MiB are 10,240 requests of 32 KiB each way, past C2's compile
   * thresholds (with 3 of 32 MiB, C2 still compiled during the measured upload).
   */
  static final long WARM_UP_BYTES = 64 * SftpOptions.MIB;

  private static final int CHUNK = 1 << 20;

  private final Path localDir;
  private final Path remoteDir;
  private final Path bigLocal;
  private final Path bigRemote;
  private final Path smallLocal;
  private final Path warmUpLocal;

  private TransferFiles(Path localDir, Path remoteDir, SftpOptions options) throws IOException {
    this.localDir = localDir;
    this.remoteDir = remoteDir;
    this.bigLocal = random(localDir.resolve("single.bin"), options.fileBytes(), 1);
    this.smallLocal = random(localDir.resolve("user.bin"), options.userBytes(), 2);
    this.warmUpLocal = random(localDir.resolve("warm-up-source.bin"), WARM_UP_BYTES, 3);
    this.bigRemote = remoteDir.resolve("download.bin");
    Files.copy(bigLocal, bigRemote);
    Files.setPosixFilePermissions(bigRemote, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createDirectories(downloads());
  }

  /** Makes the files; the remote ones in the directory of the server's data file. */
  static TransferFiles create(TargetServer server, SftpOptions options) {
    Path local = null;
    try {
      local = Files.createTempDirectory("gatling-ssh-sftp-bench-");
      return new TransferFiles(local, server.dataFile().getParent(), options);
    } catch (IOException e) {
      if (local != null) {
        delete(local);
      }
      throw new UncheckedIOException("cannot write the SFTP benchmark's files", e);
    }
  }

  /** Where the single upload's source is. */
  Path bigLocal() {
    return bigLocal;
  }

  /** The single download's source, on the server. */
  Path bigRemote() {
    return bigRemote;
  }

  /** Each concurrent user's upload source. */
  Path smallLocal() {
    return smallLocal;
  }

  Path warmUpLocal() {
    return warmUpLocal;
  }

  /** The server directory uploads go to (writable by the login user). */
  Path remoteDir() {
    return remoteDir;
  }

  /** The local directory downloads go to. */
  Path downloads() {
    return localDir.resolve("downloads");
  }

  /**
   * Deletes what a run transferred (downloads, and uploads on the server) so that the disk holds
   * one run's files at most.
   */
  void clean() {
    deleteChildren(downloads(), "");
    deleteChildren(remoteDir, "up-");
    deleteChildren(remoteDir, "warm-up");
  }

  @Override
  public void close() {
    clean();
    delete(localDir);
    try {
      Files.deleteIfExists(bigRemote);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code size} pseudo-random bytes (seeded: the same file each run). */
  private static Path random(Path file, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= CHUNK) {
        buffer.clear();
        while (buffer.remaining() >= Long.BYTES) {
          buffer.putLong(random.nextLong());
        }
        out.write(buffer.array(), 0, (int) Math.min(left, CHUNK));
      }
    }
    return file;
  }

  private static void deleteChildren(Path dir, String prefix) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }

  private static void delete(Path dir) {
    try {
      if (Files.isDirectory(dir.resolve("downloads"))) {
        deleteChildren(dir.resolve("downloads"), "");
      }
      deleteChildren(dir, "");
      Files.deleteIfExists(dir);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("cannot delete " + dir + ": " + e);
    }
  }
}
