package io.github.gatlingssh.testkit.openssh;

import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A test server that is a program of this machine other than OpenSSH's sshd (Dropbear, tinysshd),
 * run as the JVM's user on a free 127.0.0.1 port, with its Ed25519 host key, user key, data and log
 * in a fresh temporary directory. Subclasses say how to make the host key and the command line.
 *
 * <p>Such servers read no authorized_keys file but the login user's own {@code
 * ~/.ssh/authorized_keys} (the login user is the one of {@link PrivateSshd}: the current user, or
 * as root the dedicated account {@code gatlingssh}). The user key is added there on a line whose
 * comment starts with {@code gatling-ssh-testkit:} and removed on {@link #close()}.
 *
 * <p>Instances are thread-safe. A JVM shutdown hook closes servers that tests forgot to close.
 */
public abstract class ProcessServer extends LoopbackServer {

  /** How long a server may take to answer with its banner: generous for loaded CI machines. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final ExitCleanup RUNNING = new ExitCleanup("process-server-cleanup");

  private final String kind;
  private final Path dir;
  private final Path dataDir;
  private final Path knownHosts;
  private final Path log;
  private final Path userKey;
  private final Object seedLock = new Object();
  private volatile String hostPublicKey;
  private volatile DaemonProcess process;

  /**
   * Creates the server's directory; {@link #launch} starts it.
   *
   * @param kind what {@link #kind()} returns, also the start of the directory's name
   */
  protected ProcessServer(String kind) {
    super(LoginUser.get());
    this.kind = kind;
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    this.dir = ServerDirectory.create(base, "private-" + kind + "-", otherLoginUser());
    this.dataDir = dir.resolve("data");
    this.knownHosts = dir.resolve("known_hosts");
    this.log = dir.resolve(kind + ".log");
    this.userKey = dir.resolve("user_key_ed25519");
  }

  /**
   * Makes the keys, starts the server and returns once it answers with its SSH banner. On failure
   * the server is closed (directory deleted, authorized_keys line removed).
   *
   * @param ports candidate ports, e.g. {@link #freePort()}
   * @throws IllegalStateException if the server does not come up; the message has its log
   */
  protected final void launch(IntSupplier ports, Duration timeout) {
    try {
      RUNNING.add(this);
      ServerDirectory.createDirectory(dataDir, otherLoginUser());
      SshKeygen.generate(KeyType.ED25519, KeyFormat.OPENSSH, null, userKey);
      HomeAuthorizedKeys.add(user, SshKeygen.publicKeyLine(userKey), dir);
      hostPublicKey = createHostKey(dir);
      process = DaemonProcess.start(kind, this::command, log, ports, timeout);
      String line = "[" + HOST + "]:" + process.port() + " " + hostPublicKey + "\n";
      ServerDirectory.writeReadable(knownHosts, line.getBytes(StandardCharsets.US_ASCII));
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * Creates the server's Ed25519 host key in {@code dir}.
   *
   * @return its public key as {@code ssh-ed25519 <base64>}
   */
  protected abstract String createHostKey(Path dir);

  /** The command line that runs the server in the foreground on {@code port} of {@link #HOST}. */
  protected abstract List<String> command(int port);

  /** A port that was free on {@link #HOST} a moment ago; a lost race is retried by launch. */
  protected static int freePort() {
    return ServerProbe.freePort();
  }

  /**
   * {@code name} on the PATH or in {@code /usr/sbin}, {@code /usr/bin}, {@code /sbin}, {@code
   * /bin}.
   */
  protected static Optional<Path> program(String name) {
    return OpenSsh.onPath(name);
  }

  /**
   * Runs a short helper command (e.g. a key generator).
   *
   * @return its stdout
   * @throws IllegalStateException naming {@code description} and the output if it fails
   */
  protected static String run(String description, List<String> command) {
    return CommandRunner.runOrFail(description, command);
  }

  /**
   * Launches the server {@code create} makes, unless something it needs is missing.
   *
   * @param unavailable what is missing and how to install it (the subclass's {@code
   *     unavailableReason()}), or empty
   * @throws IllegalStateException naming what is missing, or if the server does not come up within
   *     {@code timeout} (the message has its log)
   */
  protected static <S extends ProcessServer> S launched(
      Optional<String> unavailable, Supplier<S> create, IntSupplier ports, Duration timeout) {
    unavailable.ifPresent(
        missing -> {
          throw new IllegalStateException(missing);
        });
    S server = create.get();
    server.launch(ports, timeout);
    return server;
  }

  /**
   * What a server cannot start without: {@code missing} (how to install each absent program), and
   * ssh-keygen for the user key if it is missing too.
   *
   * @return them joined with "; ", or empty when nothing is missing
   */
  protected static Optional<String> unavailable(List<String> missing) {
    List<String> all = new ArrayList<>(missing);
    missingSshKeygen().ifPresent(all::add);
    return all.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", all));
  }

  /** What ssh-keygen (for the user key) needs, if it is missing. */
  protected static Optional<String> missingSshKeygen() {
    return OpenSsh.sshKeygen().isPresent()
        ? Optional.empty()
        : Optional.of("OpenSSH ssh-keygen not found: apt-get install -y openssh-client");
  }

  private String otherLoginUser() {
    return user.isRoot() ? user.name() : null;
  }

  /** {@inheritDoc} */
  @Override
  public String kind() {
    return kind;
  }

  /** An unencrypted Ed25519 private key in OpenSSH format, authorized for {@link #username()}. */
  @Override
  public Path userKey() {
    return userKey;
  }

  /** Always empty: these servers run without password logins. */
  @Override
  public Optional<String> password() {
    return Optional.empty();
  }

  /** The SHA-256 fingerprint of the Ed25519 host key, {@code SHA256:...}. */
  @Override
  public String hostKeyFingerprint() {
    return SshKeygen.fingerprint(hostPublicKey);
  }

  /** The Ed25519 host key as {@code ssh-ed25519 <base64>}. */
  public String hostPublicKey() {
    return hostPublicKey;
  }

  /** A known_hosts file with the {@code [127.0.0.1]:PORT} line of the host key. */
  @Override
  public Path knownHostsFile() {
    return knownHosts;
  }

  /** A directory owned and writable by the login user; see {@link #createDataFile}. */
  @Override
  public Path dataDir() {
    return dataDir;
  }

  /** {@inheritDoc} */
  @Override
  public Path createDataFile(String name, byte[] content) {
    return ServerDirectory.writeDataFile(dataDir, name, content, otherLoginUser());
  }

  /** The reference workload file ({@link SeedFile}) in {@link #dataDir()}, written on first use. */
  @Override
  public Path seedFile() {
    synchronized (seedLock) {
      Path file = dataDir.resolve(SeedFile.FILE_NAME);
      return Files.exists(file) ? file : createDataFile(SeedFile.FILE_NAME, SeedFile.content());
    }
  }

  /** The server's temporary directory (keys, data, log); deleted by {@link #close()}. */
  @Override
  public Path dir() {
    return dir;
  }

  /** The server's output so far (stdout and stderr), e.g. for a test's failure message. */
  public String log() {
    return ServerDirectory.read(log);
  }

  @Override
  final DaemonProcess process() {
    return process;
  }

  /** Forgets the server at JVM exit, deletes its directory and removes its authorized_keys line. */
  @Override
  final void cleanUp() {
    try {
      RUNNING.remove(this);
      ServerDirectory.delete(dir);
    } finally {
      removeAuthorizedKey();
    }
  }

  private void removeAuthorizedKey() {
    try {
      HomeAuthorizedKeys.remove(user, dir);
    } catch (RuntimeException e) {
      // close() does not throw: the line is stale now, and the next server's change removes it
    }
  }
}
