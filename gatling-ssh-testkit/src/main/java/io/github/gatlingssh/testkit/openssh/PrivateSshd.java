package io.github.gatlingssh.testkit.openssh;

import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A private OpenSSH server for integration and fault tests: {@code /usr/sbin/sshd} on a free
 * 127.0.0.1 port, with its own host keys, user key, config and log in a fresh temporary directory.
 *
 * <pre>{@code
 * // in JUnit tests: @ExtendWith(TestServerExtension.class), or OpenSshRequirement.assumeAvailable()
 * try (PrivateSshd sshd = PrivateSshd.start()) {
 *   connect(sshd.host(), sshd.port(), sshd.username(), sshd.userKey(), sshd.knownHostsFile());
 * }
 * }</pre>
 *
 * <p>Login user: the current user, or when the JVM runs as root the dedicated account {@code
 * gatlingssh}, created on first use (see {@link #username()}). Password logins only work as root.
 *
 * <p>Instances are thread-safe. A JVM shutdown hook closes servers that tests forgot to close.
 */
public final class PrivateSshd extends LoopbackServer {

  private final SshdOptions options;
  private final SshdDirectory directory;
  private final SshdKeys keys;
  private final SshdProcess process;

  /** Made by {@link SshdLauncher} once sshd answers. */
  PrivateSshd(
      SshdOptions options,
      LoginUser user,
      SshdDirectory directory,
      SshdKeys keys,
      SshdProcess process) {
    super(user);
    this.options = options;
    this.directory = directory;
    this.keys = keys;
    this.process = process;
  }

  /** Starts a server with {@link SshdOptions#defaults()}. */
  public static PrivateSshd start() {
    return start(SshdOptions.defaults());
  }

  /**
   * Starts a server and returns once it answers with its SSH banner.
   *
   * @throws IllegalStateException if OpenSSH is missing, the config is invalid or sshd does not
   *     come up; the message includes sshd's own output
   */
  public static PrivateSshd start(SshdOptions options) {
    return start(options, ServerProbe::freePort);
  }

  /** Starts a server taking candidate ports from {@code ports} (tests of the port retry). */
  static PrivateSshd start(SshdOptions options, IntSupplier ports) {
    return SshdLauncher.start(options, ports);
  }

  /**
   * Why a private sshd cannot start on this machine: OpenSSH's sshd or ssh-keygen is not installed.
   * Tests decide what that means (JUnit: {@code testkit.junit.OpenSshRequirement} skips, or fails
   * when {@code CI=true}).
   *
   * @return what is missing and how to install it, or empty if both are installed
   */
  public static Optional<String> unavailableReason() {
    return OpenSsh.missingTools();
  }

  /** True if password logins can work, i.e. the JVM runs as root (sshd reads /etc/shadow). */
  public static boolean passwordLoginSupported() {
    return LoginUser.get().isRoot();
  }

  @Override
  public String kind() {
    return "openssh";
  }

  /** The default user key: an unencrypted Ed25519 private key in OpenSSH format, authorized. */
  @Override
  public Path userKey() {
    return keys.userKey();
  }

  /**
   * The login user's password, if {@link SshdOptions#passwordAuthentication()} is on and the JVM
   * runs as root ({@link #passwordLoginSupported()}); otherwise empty. Do not log it.
   */
  @Override
  public Optional<String> password() {
    boolean on = options.passwordAuthentication() && user.isRoot();
    return on ? Optional.of(user.password()) : Optional.empty();
  }

  /**
   * Generates an additional authorized user key: OpenSSH format, no passphrase.
   *
   * @return the private key; the public key is next to it with suffix {@code .pub}
   */
  public Path generateUserKey(KeyType type) {
    return generateUserKey(type, KeyFormat.OPENSSH, null, true);
  }

  /**
   * Generates an additional user key.
   *
   * @param passphrase null or empty for an unencrypted key
   * @param authorize whether to add it to authorized_keys (false: for "key not authorized" tests)
   * @return the private key; the public key is next to it with suffix {@code .pub}
   * @throws UnsupportedOperationException for {@link KeyFormat#PEM} with Ed25519: ssh-keygen cannot
   */
  public Path generateUserKey(
      KeyType type, KeyFormat format, String passphrase, boolean authorize) {
    return keys.userKeys().generate(type, format, passphrase, authorize);
  }

  /** Adds the public key {@code <privateKey>.pub}, next to the private key,, to authorized_keys. */
  public void authorizeKey(Path privateKey) {
    keys.userKeys().authorize(privateKey);
  }

  /** A known_hosts file: one {@code [127.0.0.1]:PORT} line per host key (Ed25519, ECDSA, RSA). */
  @Override
  public Path knownHostsFile() {
    return keys.knownHosts();
  }

  /**
   * The SHA-256 fingerprint of a host key as {@code ssh-keygen -lf} prints it ({@code SHA256:...}).
   *
   * @param keyType {@code ed25519}, {@code ecdsa}, {@code rsa}, or an SSH name such as {@code
   *     ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code rsa-sha2-512}
   */
  public String hostKeyFingerprint(String keyType) {
    return hostKeyFingerprint(KeyType.of(keyType));
  }

  /** The SHA-256 fingerprint of the Ed25519 host key, {@code SHA256:...}. */
  @Override
  public String hostKeyFingerprint() {
    return hostKeyFingerprint(KeyType.ED25519);
  }

  /** The reference workload file ({@link SeedFile}) in {@link #dataDir()}, made on first use. */
  @Override
  public Path seedFile() {
    return directory.seedFile();
  }

  /** The SHA-256 fingerprint of the host key of {@code type}, e.g. {@code SHA256:3Xf...}. */
  public String hostKeyFingerprint(KeyType type) {
    return SshKeygen.fingerprint(hostPublicKey(type));
  }

  /** The public host key of {@code type} as {@code <type> <base64>}, e.g. for key verifiers. */
  public String hostPublicKey(KeyType type) {
    return keys.hostPublicKey(type);
  }

  /** The server's temporary directory (config, keys, logs); deleted by {@link #close()}. */
  @Override
  public Path dir() {
    return directory.dir();
  }

  /** A directory owned and writable by the login user, e.g. for uploads; see createDataFile. */
  @Override
  public Path dataDir() {
    return directory.dataDir();
  }

  /** The sshd log so far (LogLevel VERBOSE: connections, authentications, disconnects). */
  public String log() {
    return directory.log();
  }

  /**
   * Writes a file the login user can read (and overwrite) under {@link #dataDir()}.
   *
   * @param name relative path, may contain sub-directories
   * @return its absolute path
   */
  @Override
  public Path createDataFile(String name, byte[] content) {
    return directory.createDataFile(name, content);
  }

  /**
   * CPU seconds (user + system) used so far by sshd: the listener, its per-connection processes and
   * the user's commands, including finished ones. After {@link #kill()} the value at the kill. 0
   * where /proc is unavailable.
   */
  public double cpuSeconds() {
    return process.cpuSeconds();
  }

  @Override
  SshdProcess process() {
    return process;
  }

  /** Forgets the server at JVM exit and deletes its directory. */
  @Override
  void cleanUp() {
    try {
      SshdLauncher.closed(this);
    } finally {
      directory.delete();
    }
  }
}
