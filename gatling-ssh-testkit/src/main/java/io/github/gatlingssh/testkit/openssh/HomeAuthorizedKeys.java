package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The login user's own {@code ~/.ssh/authorized_keys}, for servers that read no other file
 * (Dropbear 2022, tinysshd). Each server adds its user key on a line whose comment names the
 * server's directory, and removes it on close; lines of servers whose directory is gone (a JVM that
 * was killed) are removed on the next change. Other lines are left alone.
 *
 * <p>Changes hold a lock on the file, so that several JVMs (parallel Surefire forks) can share it.
 */
final class HomeAuthorizedKeys {

  /** Starts the comment of every line written here. */
  static final String MARKER = "gatling-ssh-testkit:";

  private static final Object JVM_LOCK = new Object();

  private HomeAuthorizedKeys() {}

  /** The file of {@code user}: {@code ~/.ssh/authorized_keys} of the home in the passwd entry. */
  static Path file(LoginUser user) {
    String entry =
        CommandRunner.runOrFail("getent passwd", List.of("getent", "passwd", user.name()));
    String[] fields = entry.strip().split(":");
    if (fields.length < 6 || fields[5].isEmpty()) {
      throw new IllegalStateException("no home directory for " + user.name());
    }
    return Path.of(fields[5], ".ssh", "authorized_keys");
  }

  /** Authorizes {@code publicKeyLine} ({@code type base64}) for the server in {@code serverDir}. */
  static void add(LoginUser user, String publicKeyLine, Path serverDir) {
    update(user, lines -> lines.add(publicKeyLine + " " + MARKER + serverDir));
  }

  /** Removes the lines that {@link #add} wrote for the server in {@code serverDir}. */
  static void remove(LoginUser user, Path serverDir) {
    update(user, lines -> lines.removeIf(l -> l.endsWith(" " + MARKER + serverDir)));
  }

  private interface Change {
    void apply(List<String> lines);
  }

  private static void update(LoginUser user, Change change) {
    Path file = file(user);
    String owner = user.isRoot() ? user.name() : null;
    synchronized (JVM_LOCK) { // a FileLock is per JVM: threads of one JVM must not both take it
      try {
        createPrivate(file.getParent(), true, owner);
        createPrivate(file, false, owner);
        // the lock is a file of its own: the keys file is replaced, not rewritten, so that a server
        // reading it while it changes sees the old or the new lines, never an empty file
        Path lockFile = file.resolveSibling(".authorized_keys.gatling-ssh-testkit.lock");
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
          lines.removeIf(HomeAuthorizedKeys::isStale);
          change.apply(lines);
          StringBuilder text = new StringBuilder();
          lines.forEach(l -> text.append(l).append('\n'));
          Path next = file.resolveSibling(".authorized_keys.gatling-ssh-testkit.next");
          Files.deleteIfExists(next);
          createPrivate(next, false, owner); // the owner and mode the servers check
          Files.writeString(next, text, StandardCharsets.UTF_8);
          Files.move(
              next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update " + file, e);
      }
    }
  }

  /** A line written by {@link #add} for a server whose directory no longer exists. */
  private static boolean isStale(String line) {
    int marker = line.lastIndexOf(" " + MARKER);
    return marker >= 0 && !Files.isDirectory(Path.of(line.substring(marker + 1 + MARKER.length())));
  }

  /** Creates a directory (700) or file (600) unless it exists; Dropbear refuses looser modes. */
  private static void createPrivate(Path path, boolean directory, String owner) throws IOException {
    if (Files.exists(path)) {
      return;
    }
    if (directory) {
      Files.createDirectory(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    ServerDirectory.chown(path, owner);
  }
}
