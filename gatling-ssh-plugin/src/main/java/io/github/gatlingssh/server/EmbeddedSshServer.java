package io.github.gatlingssh.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSH server inside the JVM, for load tests that need a target when no real server is given and
 * for integration tests. It runs Apache MINA SSHD on NIO2 and executes a fixed set of commands in
 * the JVM, without processes or a thread per command:
 *
 * <table>
 * <caption>Commands</caption>
 * <tr><td>{@code cat FILE...}</td><td>file contents (cached in memory); without FILE, copies
 * stdin. Relative names resolve in {@link #dataDirectory()}; files outside {@link
 * Builder#readableRoot} are refused</td></tr>
 * <tr><td>{@code echo [-n] ARGS...}</td><td>the words joined with spaces, and a newline</td></tr>
 * <tr><td>{@code err TEXT...}</td><td>like echo, to stderr; exit status 0</td></tr>
 * <tr><td>{@code true}, {@code false}, {@code exit N}</td><td>exit status 0, 1, N</td></tr>
 * <tr><td>{@code sleep SECONDS}</td><td>exits 0 after the delay (decimals allowed)</td></tr>
 * <tr><td>{@code lines N [WIDTH]}</td><td>N numbered lines of WIDTH bytes (default 80), in the
 * {@link SeedFile} format</td></tr>
 * <tr><td>{@code bytes N}</td><td>N bytes of 80-byte text lines, with back-pressure (a flood of
 * any size in constant memory)</td></tr>
 * <tr><td>{@code binary N}</td><td>N bytes that are not valid UTF-8</td></tr>
 * <tr><td>{@code signal NAME}</td><td>ends with {@code exit-signal} NAME (e.g. KILL) and no exit
 * status</td></tr>
 * <tr><td>{@code hang}</td><td>never ends until the channel is closed</td></tr>
 * <tr><td>{@code channels}</td><td>the number of session channels open on this connection, this
 * one included (to see that a client closed the others)</td></tr>
 * <tr><td>anything else</td><td>stderr {@code "CMD: command not found"}, exit status 127</td></tr>
 * </table>
 *
 * <p>Quoting follows the shell for {@code '...'}, {@code "..."} and backslashes; there are no
 * pipes, variables or globs. Only exec requests are served: no shell, subsystem or port forwarding.
 *
 * <p>Authentication: the configured user with the password (if one is set) or with a public key
 * from {@link Builder#authorizedKey} or the generated {@linkplain #clientKeyPath() client key}.
 * Like OpenSSH's {@code MaxSessions}, at most {@link Builder#maxSessionsPerConnection} session
 * channels may be open at once on one connection; further opens fail (reason code {@code
 * SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}) and the connection survives.
 *
 * <p>Fault injection, for testing clients: {@link Builder#faults} makes every connection misbehave
 * at a chosen step of the handshake (close, disconnect, stall or delay at the banner, the key
 * exchange or authentication), and {@link #kill()} drops every connection at once as a crashing
 * server process would.
 *
 * <pre>{@code
 * try (EmbeddedSshServer server = EmbeddedSshServer.builder().password("secret").build().start()) {
 *   server.writeKnownHosts(knownHosts);
 *   // ssh -i CLIENT_KEY -o UserKnownHostsFile=KNOWN_HOSTS -p PORT gatling@127.0.0.1 'cat FILE'
 * }
 * }</pre>
 *
 * <p>Each instance owns one scheduler thread (shared by all timed commands and MINA's own
 * timeouts), MINA's NIO2 threads (cores + 1 by default), and a temporary directory (data files,
 * client key); {@link #close()} releases all of them. Its threads are named {@code
 * gatling-ssh-server-N-timer} and {@code sshd-gatling-ssh-server-N-nio2-...}.
 */
public final class EmbeddedSshServer implements AutoCloseable {

  /** Default user name. */
  public static final String DEFAULT_USERNAME = "gatling";

  /** Default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * Default limit of concurrently open session channels per connection, as OpenSSH's MaxSessions.
   */
  public static final int DEFAULT_MAX_SESSIONS_PER_CONNECTION = 10;

  /** Name of the client private key in the data directory. */
  public static final String CLIENT_KEY_FILE_NAME = "id_client";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSshServer.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private static final int SOCKET_BACKLOG = 4096;
  // Bounds what a client can push into a command that does not read stdin; ample on loopback.
  private static final long WINDOW_SIZE = 256 * 1024;
  private static final int NIO2_READ_BUFFER_SIZE = 16 * 1024;

  private final Builder config;
  private final String threadPrefix = "gatling-ssh-server-" + INSTANCES.incrementAndGet();
  private final Object lock = new Object();
  private final AtomicInteger ioPools = new AtomicInteger();

  private enum State {
    NEW,
    STARTING,
    RUNNING,
    CLOSED
  }

  // Changed under lock. The fields below are written by start() before the volatile write of
  // RUNNING,
  // which publishes them to the threads that then read the state.
  private volatile State state = State.NEW;
  private SshServer sshd;
  private ScheduledThreadPoolExecutor scheduler;
  private Path directory;
  private FileStore files;
  private KeyPair hostKey;
  private KeyPair clientKey;
  private Path clientKeyPath;
  private Path seedFile;
  private int port;

  private EmbeddedSshServer(Builder config) {
    this.config = config;
  }

  /**
   * @return a builder with the defaults: 127.0.0.1, ephemeral port, user "gatling", no password
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates the keys and the data directory, then binds and starts accepting connections.
   *
   * @return this server
   * @throws IOException if binding or writing the temporary files fails; the server is then closed
   * @throws IllegalStateException if already started or closed
   */
  public EmbeddedSshServer start() throws IOException {
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException(state == State.CLOSED ? "closed" : "already started");
      }
      state = State.STARTING;
      try {
        doStart();
        state = State.RUNNING;
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      } catch (GeneralSecurityException e) {
        close();
        throw new IOException("Cannot generate keys", e);
      }
    }
    LOG.debug(
        "Embedded SSH server listening on {}:{}, host key {}",
        config.host,
        port,
        hostKeyFingerprint());
    return this;
  }

  private void doStart() throws IOException, GeneralSecurityException {
    directory = createPrivateTempDirectory();
    Path root = config.readableRoot != null ? config.readableRoot : directory;
    files = new FileStore(directory, root);
    seedFile = files.put(SeedFile.FILE_NAME, SeedFile.content());

    hostKey = ServerKeys.generate();
    clientKey = ServerKeys.generate();
    clientKeyPath = directory.resolve(CLIENT_KEY_FILE_NAME);
    ServerKeys.writePrivateKey(clientKey, clientKeyPath, config.username + "@embedded-ssh-server");

    scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadPrefix + "-timer");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true); // cancelled sleeps of destroyed commands go at once
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);

    sshd = SshServer.setUpDefaultServer();
    // Explicit, so that sshd-netty on the classpath cannot silently switch the back-end
    sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(this::newIoPool));
    // one timer thread for MINA's timeouts and the commands
    sshd.setScheduledExecutorService(scheduler, false);
    FaultInjector injector =
        config.faults.isEmpty() ? null : new FaultInjector(config.faults, scheduler);
    sshd.setSessionFactory(new EmbeddedSessionFactory(sshd, injector));
    if (injector != null) {
      if (config.faults.at(Faults.Step.AUTH).isPresent()) {
        // MINA's defaults (ServerBuilder), with the user auth service replaced
        sshd.setServiceFactories(
            List.of(
                FaultyUserAuthService.factory(injector), ServerConnectionServiceFactory.INSTANCE));
      }
    }
    sshd.setHost(config.host);
    sshd.setPort(config.port);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setUserAuthFactories(userAuthFactories());
    sshd.setPasswordAuthenticator(config.password == null ? null : this::passwordMatches);
    sshd.setPublickeyAuthenticator((username, key, session) -> keyMatches(username, key));
    sshd.setChannelFactories(
        List.of(EmbeddedChannelSession.factory(config.maxSessionsPerConnection)));
    sshd.setCommandFactory(new InJvmCommandFactory(scheduler, files));
    CoreModuleProperties.SOCKET_BACKLOG.set(sshd, SOCKET_BACKLOG);
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    CoreModuleProperties.WINDOW_SIZE.set(sshd, WINDOW_SIZE);
    CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(sshd, NIO2_READ_BUFFER_SIZE);
    if (config.ioWorkers > 0) {
      CoreModuleProperties.NIO_WORKERS.set(sshd, config.ioWorkers);
    }
    sshd.start();
    port = sshd.getPort();
  }

  /**
   * MINA's NIO2 pools (I/O and "resume"), as MINA would create them but named after this instance,
   * so that its threads can be told apart from other servers' and from the plugin's client threads.
   * MINA shuts them down on stop.
   */
  private CloseableExecutorService newIoPool() {
    return ThreadUtils.newFixedThreadPool(
        threadPrefix + "-nio2-" + ioPools.incrementAndGet(),
        CoreModuleProperties.NIO_WORKERS.getRequired(sshd));
  }

  /** The prefix in the names of this server's threads, e.g. {@code gatling-ssh-server-3-}. */
  String threadNamePrefix() {
    return threadPrefix + "-";
  }

  private List<UserAuthFactory> userAuthFactories() {
    List<UserAuthFactory> factories = new ArrayList<>(2);
    factories.add(UserAuthPublicKeyFactory.INSTANCE);
    if (config.password != null) {
      factories.add(UserAuthPasswordFactory.INSTANCE);
    }
    return factories;
  }

  private boolean passwordMatches(String username, String password, ServerSession session) {
    return config.username.equals(username)
        && MessageDigest.isEqual(
            config.password.getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8));
  }

  private boolean keyMatches(String username, PublicKey key) {
    if (!config.username.equals(username)) {
      return false;
    }
    if (KeyUtils.compareKeys(clientKey.getPublic(), key)) {
      return true;
    }
    return config.authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
  }

  private static Path createPrivateTempDirectory() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          "gatling-ssh-server-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory("gatling-ssh-server-");
  }

  // --- connection details -----------------------------------------------------------------------

  /**
   * @return the address the server is bound to, e.g. {@code 127.0.0.1}
   */
  public String host() {
    return config.host;
  }

  /**
   * @return the bound port (the ephemeral one chosen at start if port 0 was configured)
   */
  public int port() {
    requireStarted();
    return port;
  }

  /**
   * @return the user name that may log in
   */
  public String username() {
    return config.username;
  }

  /**
   * @return the password accepted for {@link #username()}, empty if password authentication is off
   */
  public Optional<String> password() {
    return Optional.ofNullable(config.password);
  }

  /**
   * @return the number of currently connected SSH sessions
   */
  public int activeSessionCount() {
    requireStarted();
    return sshd.getActiveSessions().size();
  }

  // --- host key ---------------------------------------------------------------------------------

  /**
   * @return the host public key, generated in memory at start: ssh-ed25519 (ecdsa-sha2-nistp256 if
   *     neither net.i2p eddsa nor BouncyCastle is on the classpath)
   */
  public PublicKey hostKey() {
    requireStarted();
    return hostKey.getPublic();
  }

  /**
   * @return the host key fingerprint as OpenSSH prints it, e.g. {@code SHA256:k2k8...}
   */
  public String hostKeyFingerprint() {
    return ServerKeys.fingerprint(hostKey());
  }

  /**
   * @return the known_hosts line for this server, e.g. {@code [127.0.0.1]:40123 ssh-ed25519
   *     AAAA...}
   */
  public String knownHostsLine() {
    return ServerKeys.knownHostsLine(config.host, port(), hostKey());
  }

  /**
   * Writes (replacing) a known_hosts file holding {@link #knownHostsLine()}.
   *
   * @param file the file to write
   * @return {@code file}
   * @throws IOException if it cannot be written
   */
  public Path writeKnownHosts(Path file) throws IOException {
    Files.writeString(file, knownHostsLine() + "\n", StandardCharsets.US_ASCII);
    return file;
  }

  // --- client key -------------------------------------------------------------------------------

  /**
   * @return the generated client private key file: unencrypted OpenSSH format, mode 0600, with its
   *     public key in {@code <file>.pub}; authorized for {@link #username()}
   */
  public Path clientKeyPath() {
    requireStarted();
    return clientKeyPath;
  }

  /**
   * @return the generated, authorized client key pair, the same as in {@link #clientKeyPath()}
   */
  public KeyPair clientKeyPair() {
    requireStarted();
    return clientKey;
  }

  // --- data files -------------------------------------------------------------------------------

  /**
   * @return the server's private temporary directory, deleted by {@link #close()}
   */
  public Path dataDirectory() {
    requireStarted();
    return directory;
  }

  /**
   * Writes a file into the data directory (replacing any previous one) and caches it for {@code
   * cat}.
   *
   * @param name a plain file name, without directories
   * @param content the content
   * @return the absolute path of the file
   * @throws IOException if it cannot be written
   * @throws IllegalArgumentException if {@code name} is not a plain file name
   */
  public Path dataFile(String name, byte[] content) throws IOException {
    requireStarted();
    return files.put(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
  }

  /**
   * @return the absolute path of the reference workload file: {@value SeedFile#LINE_COUNT} lines of
   *     {@value SeedFile#LINE_WIDTH} bytes, {@value SeedFile#SIZE} bytes in all (see {@link
   *     SeedFile})
   */
  public Path seedFile() {
    requireStarted();
    return seedFile;
  }

  private void requireStarted() {
    State current = state;
    if (current != State.RUNNING) {
      throw new IllegalStateException(current == State.CLOSED ? "closed" : "not started");
    }
  }

  /**
   * Simulates a crash of the server process: drops every connection at once, as the kernel does
   * for a killed process (TCP close; no SSH_MSG_DISCONNECT, no channel EOF, exit status or CLOSE),
   * and stops listening, so that new connections are refused. Then releases everything as {@link
   * #close()} does. Blocks like {@link #close()}. Does nothing if not running.
   */
  public void kill() {
    SshServer server;
    synchronized (lock) {
      if (state != State.RUNNING) {
        return;
      }
      server = sshd;
    }
    LOG.debug("Killing the embedded SSH server on {}:{}", config.host, port);
    for (org.apache.sshd.common.session.Session session : server.getActiveSessions()) {
      session.getIoSession().close(true); // the transport only: MINA's session sends nothing more
    }
    close();
  }

  /**
   * Stops the server (dropping open connections), its scheduler and threads, and deletes the data
   * directory. Idempotent; does not throw. Blocks until MINA's threads have ended, so do not call
   * it from an SSH callback.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    if (sshd != null) {
      try {
        sshd.stop(true);
      } catch (IOException | RuntimeException e) {
        LOG.debug("Stopping the embedded SSH server failed: {}", String.valueOf(e));
      }
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (directory != null) {
      try {
        deleteRecursively(directory);
      } catch (IOException | UncheckedIOException e) {
        LOG.warn(
            "Cannot delete the embedded SSH server's directory {}: {}",
            directory,
            String.valueOf(e));
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedSshServer["
        + config.host
        + ":"
        + (state == State.NEW ? config.port : port)
        + "]";
  }

  /**
   * Configuration of an {@link EmbeddedSshServer}; {@link #build()} copies it, so a builder may be
   * reused.
   */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private String username = DEFAULT_USERNAME;
    private String password;
    private final List<PublicKey> authorizedKeys = new ArrayList<>();
    private int maxSessionsPerConnection = DEFAULT_MAX_SESSIONS_PER_CONNECTION;
    private int ioWorkers;
    private Path readableRoot;
    private Faults faults = Faults.none();

    private Builder() {}

    private Builder(Builder other) {
      host = other.host;
      port = other.port;
      username = other.username;
      password = other.password;
      authorizedKeys.addAll(other.authorizedKeys);
      maxSessionsPerConnection = other.maxSessionsPerConnection;
      ioWorkers = other.ioWorkers;
      readableRoot = other.readableRoot;
      faults = other.faults;
    }

    /**
     * Sets the address to bind.
     *
     * @param host an address or host name, default {@value EmbeddedSshServer#DEFAULT_HOST}
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the port to bind.
     *
     * @param port the port, default 0: an ephemeral port chosen at start
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the only user that may log in.
     *
     * @param username the user name, default {@value EmbeddedSshServer#DEFAULT_USERNAME}
     * @return this builder
     */
    public Builder username(String username) {
      if (username == null || username.isEmpty()) {
        throw new IllegalArgumentException("username must not be empty");
      }
      this.username = username;
      return this;
    }

    /**
     * Enables password authentication; off by default.
     *
     * @param password the password accepted for the user; {@code null} disables password
     *     authentication
     * @return this builder
     */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Authorizes a public key for the user, in addition to the generated client key. May be
     * repeated.
     *
     * @param key the public key
     * @return this builder
     */
    public Builder authorizedKey(PublicKey key) {
      authorizedKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Limits the session channels open at once on one connection, like OpenSSH's MaxSessions.
     *
     * @param max the limit, default {@value EmbeddedSshServer#DEFAULT_MAX_SESSIONS_PER_CONNECTION}
     * @return this builder
     */
    public Builder maxSessionsPerConnection(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSessionsPerConnection must be positive: " + max);
      }
      this.maxSessionsPerConnection = max;
      return this;
    }

    /**
     * Sets the number of NIO2 I/O threads.
     *
     * @param workers the number of threads; 0 (default) keeps MINA's default of cores + 1
     * @return this builder
     */
    public Builder ioWorkers(int workers) {
      if (workers < 0) {
        throw new IllegalArgumentException("ioWorkers must not be negative: " + workers);
      }
      this.ioWorkers = workers;
      return this;
    }

    /**
     * Sets the directory tree {@code cat} may read. By default only the server's data directory is
     * readable; {@code Path.of("/")} serves any file the JVM can read to any client that can log
     * in.
     *
     * @param root an existing directory
     * @return this builder
     */
    public Builder readableRoot(Path root) {
      this.readableRoot = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * Makes every connection misbehave as {@code faults} say, to test clients; see {@link Faults}.
     *
     * @param faults the faults, default {@link Faults#none()}
     * @return this builder
     */
    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * @return a new, not yet started server with a copy of this configuration
     */
    public EmbeddedSshServer build() {
      return new EmbeddedSshServer(new Builder(this));
    }
  }
}
