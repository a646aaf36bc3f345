package io.github.gatlingssh.testkit.embedded;

import io.github.gatlingssh.testkit.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSH server inside the JVM, for load tests that need a target when no real server is given and
 * for integration tests. It runs Apache MINA SSHD on NIO2 and executes a fixed set of commands in
 * the JVM, without processes or a thread per command: {@code cat}, {@code echo}, {@code sleep},
 * {@code lines}, {@code bytes}, {@code hang} and others, listed in this package's description.
 *
 * <p>Authentication: the configured user with the password (if one is set) or with a public key
 * from {@link EmbeddedSshServerBuilder#authorizedKey} or the generated {@linkplain #userKey() user
 * key}. Like OpenSSH's {@code MaxSessions}, at most {@link
 * EmbeddedSshServerBuilder#maxSessionsPerConnection} session channels may be open at once on one
 * connection; further opens fail (reason code {@code SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}) and the
 * connection survives.
 *
 * <p>Fault injection, for testing clients: {@link EmbeddedSshServerBuilder#customize} with {@link
 * Faults#injector()} makes every connection misbehave at a chosen phase of the handshake (close,
 * disconnect, stall or delay at the banner, the key exchange or authentication), and {@link
 * #kill()} drops every connection at once as a crashing server process would.
 *
 * <pre>{@code
 * try (EmbeddedSshServer server = EmbeddedSshServer.builder().password("secret").build().start()) {
 *   // ssh -i USER_KEY -o UserKnownHostsFile=KNOWN_HOSTS -p PORT gatling@127.0.0.1 'cat FILE'
 * }
 * }</pre>
 *
 * <p>Each instance owns one scheduler thread (shared by all timed commands and MINA's own
 * timeouts), MINA's NIO2 threads (cores + 1 by default), and a temporary directory (data files,
 * user key, known_hosts); {@link #close()} releases all of them. Its threads are named {@code
 * gatling-ssh-server-N-timer} and {@code sshd-gatling-ssh-server-N-nio2-...}.
 */
public final class EmbeddedSshServer implements TestServer {

  /** Default user name. */
  public static final String DEFAULT_USERNAME = "gatling";

  /** Default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * Default limit of concurrently open session channels per connection, as OpenSSH's MaxSessions.
   */
  public static final int DEFAULT_MAX_SESSIONS_PER_CONNECTION = 10;

  /** Name of the user private key in the data directory. */
  public static final String USER_KEY_FILE_NAME = "id_client";

  /** Name of the known_hosts file in the data directory. */
  public static final String KNOWN_HOSTS_FILE_NAME = "known_hosts";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSshServer.class);

  private final EmbeddedSshServerBuilder config;
  private final ServerLifecycle lifecycle = new ServerLifecycle();

  // Written by start() under the lifecycle's lock before it enters RUNNING, which publishes them.
  private ServerAssembly assembly;
  private ServerFiles files;
  private int port;

  EmbeddedSshServer(EmbeddedSshServerBuilder config) {
    this.config = config;
  }

  /** Returns a builder with the defaults: 127.0.0.1, any free port, user "gatling", no password. */
  public static EmbeddedSshServerBuilder builder() {
    return new EmbeddedSshServerBuilder();
  }

  /**
   * Generates the keys and the data directory, then binds and starts accepting connections.
   *
   * @return this server
   * @throws IOException if binding or writing the temporary files fails; the server is then closed
   * @throws IllegalStateException if already started or closed
   */
  public EmbeddedSshServer start() throws IOException {
    synchronized (lifecycle) {
      lifecycle.starting();
      try {
        files = ServerFiles.create(config.readableRoot, config.username);
        assembly =
            new ServerAssembly(config, files.hostKey(), files.userKey().getPublic(), files.files());
        port = assembly.start();
        files.writeKnownHosts(knownHostsLine());
        lifecycle.running();
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      } catch (GeneralSecurityException e) {
        close();
        throw new IOException("Cannot generate keys", e);
      }
    }
    LOG.debug("Embedded SSH server on {}:{}, host key {}", config.host, port, hostKeyFingerprint());
    return this;
  }

  /** The prefix in the names of this server's threads, e.g. {@code gatling-ssh-server-3-}. */
  String threadNamePrefix() {
    return config.threadPrefix + "-";
  }

  @Override
  public String kind() {
    return "embedded";
  }

  @Override
  public String host() {
    return config.host;
  }

  /** Returns the bound port (the ephemeral one chosen at start if port 0 was configured). */
  @Override
  public int port() {
    lifecycle.requireRunning();
    return port;
  }

  @Override
  public String username() {
    return config.username;
  }

  @Override
  public Optional<String> password() {
    return Optional.ofNullable(config.password);
  }

  /** Returns the number of currently connected SSH sessions. */
  public int activeSessionCount() {
    lifecycle.requireRunning();
    return assembly.server().getActiveSessions().size();
  }

  /**
   * @return the host public key, generated in memory at start: ssh-ed25519 (ecdsa-sha2-nistp256 if
   *     neither net.i2p eddsa nor BouncyCastle is on the classpath)
   */
  public PublicKey hostKey() {
    lifecycle.requireRunning();
    return files.hostKey().getPublic();
  }

  @Override
  public String hostKeyFingerprint() {
    return ServerKeys.fingerprint(hostKey());
  }

  /**
   * @return the known_hosts line for this server, e.g. {@code [127.0.0.1]:40123 ssh-ed25519
   *     AAAA...}
   */
  public String knownHostsLine() {
    return ServerKeys.knownHostsLine(config.host, port, files.hostKey().getPublic());
  }

  /** Returns a known_hosts file in the data directory holding {@link #knownHostsLine()}. */
  @Override
  public Path knownHostsFile() {
    lifecycle.requireRunning();
    return files.knownHosts();
  }

  /**
   * @return the generated user private key file: unencrypted OpenSSH format, mode 0600, with its
   *     public key in {@code <file>.pub}; authorized for {@link #username()}
   */
  @Override
  public Path userKey() {
    lifecycle.requireRunning();
    return files.userKeyPath();
  }

  /** Returns the generated, authorized user key pair, the same as in {@link #userKey()}. */
  public KeyPair userKeyPair() {
    lifecycle.requireRunning();
    return files.userKey();
  }

  @Override
  public Path dataDir() {
    lifecycle.requireRunning();
    return files.directory();
  }

  /**
   * Writes a file into the data directory (replacing any previous one) and caches it for {@code
   * cat}.
   *
   * @param name a plain file name, without directories
   * @param content the content
   * @return the absolute path of the file
   * @throws UncheckedIOException if it cannot be written
   * @throws IllegalArgumentException if {@code name} is not a plain file name
   */
  @Override
  public Path createDataFile(String name, byte[] content) {
    lifecycle.requireRunning();
    return files.createDataFile(name, content);
  }

  /** The reference workload file, {@link SeedFile}, written at start. */
  @Override
  public Path seedFile() {
    lifecycle.requireRunning();
    return files.seedFile();
  }

  /**
   * Simulates a crash of the server process: drops every connection at once, as the kernel does for
   * a killed process (TCP close; no SSH_MSG_DISCONNECT, no channel EOF, exit status or CLOSE), and
   * stops listening, so that new connections are refused. Then releases everything as {@link
   * #close()} does. Blocks like {@link #close()}. Does nothing if not running.
   */
  @Override
  public void kill() {
    if (!lifecycle.isRunning()) {
      return;
    }
    LOG.debug("Killing the embedded SSH server on {}:{}", config.host, port);
    assembly.dropConnections();
    close();
  }

  /**
   * Stops the server (dropping open connections), its scheduler and threads, and deletes the data
   * directory. Idempotent; does not throw. Blocks until MINA's threads have ended, so do not call
   * it from an SSH callback.
   */
  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    if (assembly != null) {
      assembly.stop();
    }
    if (files != null) {
      files.delete();
    }
  }

  @Override
  public String toString() {
    int shown = lifecycle.isNew() ? config.port : port;
    return "EmbeddedSshServer[" + config.host + ":" + shown + "]";
  }
}
