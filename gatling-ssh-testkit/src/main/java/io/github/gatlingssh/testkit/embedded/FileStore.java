package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the {@code cat} command may read, cached in memory by absolute path so that a load test
 * reads each file from disk once. Relative names resolve against the data directory; paths outside
 * {@code readableRoot} are refused, so that a password-protected test server does not hand out
 * arbitrary files of the user running the test.
 */
final class FileStore {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSshServer.class);

  /** Larger files are refused rather than cached. */
  static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

  private final Path dataDir;
  private final Path readableRoot;
  private final Map<Path, byte[]> cache = new ConcurrentHashMap<>();

  FileStore(Path dataDir, Path readableRoot) throws IOException {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.readableRoot = readableRoot.toRealPath();
  }

  Path dataDir() {
    return dataDir;
  }

  /** Writes {@code content} to {@code name} in the data directory and caches it. */
  Path put(String name, byte[] content) throws IOException {
    Path file = dataDir.resolve(name).normalize();
    if (!file.getParent().equals(dataDir) || name.isEmpty()) {
      throw new IllegalArgumentException("Not a plain file name: " + name);
    }
    byte[] copy = content.clone();
    Files.write(file, copy);
    cache.put(file, copy);
    return file;
  }

  /**
   * Returns the content of {@code name}, reading and caching it on first use. The first read of a
   * file not created through {@link #put} happens on the calling (I/O) thread; files are small and
   * read once.
   *
   * @return the content; callers must not modify it
   * @throws NoSuchFileException if it does not exist or is not a regular file
   * @throws AccessDeniedException if it lies outside the readable root
   * @throws IOException if it is too large or cannot be read
   */
  byte[] read(String name) throws IOException {
    Path file = dataDir.resolve(name).toAbsolutePath().normalize();
    byte[] cached = cache.get(file);
    if (cached != null) {
      return cached;
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(name);
    }
    // the real path, so that a symbolic link cannot lead out of the root
    if (!file.toRealPath().startsWith(readableRoot)) {
      throw new AccessDeniedException(name);
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(Files.isDirectory(file) ? "Is a directory" : "Not a regular file");
    }
    if (Files.size(file) > MAX_FILE_SIZE) {
      throw new IOException("File too large");
    }
    byte[] content = Files.readAllBytes(file);
    byte[] previous = cache.putIfAbsent(file, content);
    return previous != null ? previous : content;
  }

  /** A new temporary directory only its owner can enter (it holds the user's private key). */
  static Path createPrivateTempDirectory() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          "gatling-ssh-server-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory("gatling-ssh-server-");
  }

  /** Deletes {@code dir} and everything in it; logs a warning if that fails. */
  static void deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot delete the embedded SSH server's directory {}: {}", dir, e.toString());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
