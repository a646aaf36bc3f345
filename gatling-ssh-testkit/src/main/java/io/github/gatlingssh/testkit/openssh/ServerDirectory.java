package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * File handling for a server's temporary directory. When tests run as root, sshd logs in another
 * account, which must be able to enter the directory and read its data files (not the keys).
 */
final class ServerDirectory {

  private ServerDirectory() {}

  /**
   * Creates a fresh {@code private-sshd-*} directory (mode 755) under {@code base}.
   *
   * @param otherLoginUser the account that must reach it, or null if it is the current user
   * @throws IllegalStateException if a parent directory is closed to other users
   */
  static Path create(Path base, String otherLoginUser) {
    return create(base, "private-sshd-", otherLoginUser);
  }

  /** Like {@link #create(Path, String)}, with the directory name starting with {@code prefix}. */
  static Path create(Path base, String prefix, String otherLoginUser) {
    try {
      Files.createDirectories(base);
      Path dir = Files.createTempDirectory(base, prefix).toRealPath();
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (Path p = dir.getParent(); otherLoginUser != null && p != null; p = p.getParent()) {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          delete(dir);
          throw new IllegalStateException(
              p
                  + " is not accessible to the login user "
                  + otherLoginUser
                  + "; use SshdOptions.builder().baseDir(...) with a world-accessible directory");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a server directory under " + base, e);
    }
  }

  /** Writes a new world-readable (644) file. */
  static void writeReadable(Path file, byte[] content) {
    try {
      Files.write(file, content, StandardOpenOption.CREATE_NEW);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a directory (755), owned by {@code owner} unless that is null. */
  static void createDirectory(Path directory, String owner) {
    try {
      Files.createDirectory(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chown(directory, owner);
  }

  /** Gives {@code path} to {@code owner} (root only); does nothing if owner is null. */
  static void chown(Path path, String owner) {
    if (owner == null) {
      return;
    }
    try {
      Files.setOwner(
          path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's content as UTF-8, or "" if it does not exist. */
  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code root} and everything below it; nothing if it does not exist. */
  static void delete(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /**
   * Writes {@code content} to {@code name} under {@code dataDir}, creating sub-directories, all
   * owned by {@code owner} (null: the JVM's user); see {@link PrivateSshd#createDataFile}.
   */
  static Path writeDataFile(Path dataDir, String name, byte[] content, String owner) {
    Path file = dataDir.resolve(name).normalize();
    if (!file.startsWith(dataDir) || file.equals(dataDir)) {
      throw new IllegalArgumentException("not a relative file name: " + name);
    }
    List<Path> missingDirs = new ArrayList<>();
    for (Path d = file.getParent();
        !d.equals(dataDir) && !Files.isDirectory(d);
        d = d.getParent()) {
      missingDirs.add(0, d);
    }
    missingDirs.forEach(d -> createDirectory(d, owner));
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeReadable(file, content);
    chown(file, owner);
    return file;
  }
}
