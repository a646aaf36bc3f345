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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The account that tests log in as.
 *
 * <p>As a normal user, sshd can only log in the user it runs as, so that is the login user. As root
 * (CI containers), a dedicated account {@value #TEST_USER} is created once (root's own login is
 * slow here and must not be used): empty home directory (no shell start-up files), password field
 * {@code *} (no password, yet not locked: sshd without PAM refuses locked accounts).
 *
 * <p>Password logins need sshd to read {@code /etc/shadow}, so they only work as root. The random
 * password is kept in a root-only state file so that several JVMs (e.g. parallel Surefire forks)
 * agree on it; it is replaced whenever the account's password hash no longer matches.
 */
final class LoginUser {

  static final String TEST_USER = "gatlingssh";

  private static final Path STATE_DIR = Path.of("/var/lib/gatlingssh-test");
  private static final Path PASSWORD_FILE = STATE_DIR.resolve("password");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private static LoginUser current;

  private final String name;
  private final boolean root;
  private String password;

  private LoginUser(String name, boolean root) {
    this.name = name;
    this.root = root;
  }

  /** The login user for this JVM, provisioning {@value #TEST_USER} on first use as root. */
  static synchronized LoginUser get() {
    if (current == null) {
      boolean root = "0".equals(id("-u"));
      if (root) {
        withStateLock(LoginUser::provisionTestUser);
        current = new LoginUser(TEST_USER, true);
      } else {
        current = new LoginUser(id("-un"), false);
      }
    }
    return current;
  }

  String name() {
    return name;
  }

  /** True if the JVM runs as root, i.e. password logins can work. */
  boolean isRoot() {
    return root;
  }

  /**
   * The password of {@value #TEST_USER}, set with chpasswd if needed.
   *
   * @throws IllegalStateException when not running as root
   */
  synchronized String password() {
    if (!root) {
      throw new IllegalStateException("password logins need the tests to run as root");
    }
    if (password == null) {
      password = withStateLock(LoginUser::currentOrNewPassword);
    }
    return password;
  }

  private static Void provisionTestUser() {
    if (!CommandRunner.run(List.of("id", "-u", TEST_USER)).ok()) {
      createTestUser();
    }
    String hash = shadowHash();
    if (hash.startsWith("!")) {
      // locked (e.g. created elsewhere without -p): sshd without PAM would refuse every login
      CommandRunner.runOrFail("unlock " + TEST_USER, List.of("usermod", "-p", "*", TEST_USER));
    }
    return null;
  }

  private static void createTestUser() {
    Path emptySkeleton = null;
    try {
      emptySkeleton = Files.createTempDirectory("gatlingssh-skel-");
      // -k <empty dir>: no shell start-up files; -p '*': no password, but not locked
      List<String> useradd = new ArrayList<>(List.of("useradd", "-m", "-s", "/bin/bash"));
      useradd.addAll(List.of("-k", emptySkeleton.toString(), "-p", "*", TEST_USER));
      CommandRunner.Result result = CommandRunner.run(useradd);
      // exit 9: created meanwhile by a process that does not share our lock
      if (!result.ok() && !CommandRunner.run(List.of("id", "-u", TEST_USER)).ok()) {
        throw new IllegalStateException(
            String.format(
                "useradd %s failed (exit %d): %s",
                TEST_USER, result.exitCode(), result.output().strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (emptySkeleton != null) {
        emptySkeleton.toFile().delete();
      }
    }
  }

  private static String currentOrNewPassword() {
    String hash = shadowHash();
    try {
      if (Files.exists(PASSWORD_FILE)) {
        List<String> state = Files.readAllLines(PASSWORD_FILE, StandardCharsets.UTF_8);
        if (state.size() == 2 && state.get(0).equals(hash) && !state.get(1).isEmpty()) {
          return state.get(1);
        }
      }
      String newPassword = randomPassword();
      CommandRunner.Result result =
          CommandRunner.run(
              List.of("chpasswd"), TEST_USER + ":" + newPassword + "\n", Duration.ofSeconds(60));
      if (!result.ok()) {
        throw new IllegalStateException(
            "chpasswd for " + TEST_USER + " failed (exit " + result.exitCode() + ")");
      }
      Path tmp = STATE_DIR.resolve("password.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, shadowHash() + "\n" + newPassword + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, PASSWORD_FILE, StandardCopyOption.REPLACE_EXISTING);
      return newPassword;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The password field of {@value #TEST_USER} in /etc/shadow ("" if absent). */
  private static String shadowHash() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/shadow"), StandardCharsets.UTF_8)) {
        String[] fields = line.split(":", -1);
        if (fields.length > 1 && fields[0].equals(TEST_USER)) {
          return fields[1];
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Runs {@code action} holding an exclusive lock shared by all JVMs on this machine. */
  private static <T> T withStateLock(Supplier<T> action) {
    try {
      Files.createDirectories(
          STATE_DIR,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try (FileChannel channel =
          FileChannel.open(
              STATE_DIR.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          return action.get();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(String flag) {
    return CommandRunner.runOrFail("id " + flag, List.of("id", flag)).strip();
  }
}
