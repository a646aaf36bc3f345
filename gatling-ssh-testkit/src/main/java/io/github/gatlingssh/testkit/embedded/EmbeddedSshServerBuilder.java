package io.github.gatlingssh.testkit.embedded;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.sshd.server.SshServer;

/**
 * Configuration of an {@link EmbeddedSshServer}; {@link #build()} copies it, so a builder may be
 * reused.
 */
public final class EmbeddedSshServerBuilder {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  // package-private: read by EmbeddedSshServer and ServerAssembly from the copy build() makes
  String host = EmbeddedSshServer.DEFAULT_HOST;
  int port;
  String username = EmbeddedSshServer.DEFAULT_USERNAME;
  String password;
  final List<PublicKey> authorizedKeys = new ArrayList<>();
  int maxSessionsPerConnection = EmbeddedSshServer.DEFAULT_MAX_SESSIONS_PER_CONNECTION;
  int ioWorkers;
  Path readableRoot;
  boolean sftp = true;
  final List<Consumer<SshServer>> customizers = new ArrayList<>();
  String threadPrefix;

  EmbeddedSshServerBuilder() {}

  private EmbeddedSshServerBuilder(EmbeddedSshServerBuilder other) {
    host = other.host;
    port = other.port;
    username = other.username;
    password = other.password;
    authorizedKeys.addAll(other.authorizedKeys);
    maxSessionsPerConnection = other.maxSessionsPerConnection;
    ioWorkers = other.ioWorkers;
    readableRoot = other.readableRoot;
    sftp = other.sftp;
    customizers.addAll(other.customizers);
    threadPrefix = "gatling-ssh-server-" + INSTANCES.incrementAndGet();
  }

  /**
   * Sets the address to bind.
   *
   * @param host an address or host name, default {@value EmbeddedSshServer#DEFAULT_HOST}
   * @return this builder
   */
  public EmbeddedSshServerBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * Sets the port to bind.
   *
   * @param port the port, default 0: an ephemeral port chosen at start
   * @return this builder
   */
  public EmbeddedSshServerBuilder port(int port) {
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
  public EmbeddedSshServerBuilder username(String username) {
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
  public EmbeddedSshServerBuilder password(String password) {
    this.password = password;
    return this;
  }

  /**
   * Authorizes a public key for the user, in addition to the generated client key. May be repeated.
   *
   * @param key the public key
   * @return this builder
   */
  public EmbeddedSshServerBuilder authorizedKey(PublicKey key) {
    authorizedKeys.add(Objects.requireNonNull(key, "key"));
    return this;
  }

  /**
   * Limits the session channels open at once on one connection, like OpenSSH's MaxSessions.
   *
   * @param max the limit, default {@value EmbeddedSshServer#DEFAULT_MAX_SESSIONS_PER_CONNECTION}
   * @return this builder
   */
  public EmbeddedSshServerBuilder maxSessionsPerConnection(int max) {
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
  public EmbeddedSshServerBuilder ioWorkers(int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException("ioWorkers must not be negative: " + workers);
    }
    this.ioWorkers = workers;
    return this;
  }

  /**
   * Sets the directory tree {@code cat} may read. By default only the server's data directory is
   * readable; {@code Path.of("/")} serves any file the JVM can read to any client that can log in.
   *
   * @param root an existing directory
   * @return this builder
   */
  public EmbeddedSshServerBuilder readableRoot(Path root) {
    this.readableRoot = Objects.requireNonNull(root, "root");
    return this;
  }

  /**
   * Serves SFTP (the {@code "sftp"} subsystem, MINA's SftpSubsystem) rooted in the server's data
   * directory, or refuses the subsystem as a server without SFTP does.
   *
   * @param enabled true (default) to serve SFTP
   * @return this builder
   */
  public EmbeddedSshServerBuilder sftp(boolean enabled) {
    this.sftp = enabled;
    return this;
  }

  /**
   * Adds a customiser of the server's MINA {@code SshServer}, called after the embedded server's
   * own settings and before it starts, in the order added: e.g. {@link Faults#injector()}, or a
   * MINA property. It may replace the session factory or the service factories; the scheduler
   * ({@code getScheduledExecutorService()}) is the server's timer thread.
   *
   * @param customizer changes the {@code SshServer} before its start
   * @return this builder
   */
  public EmbeddedSshServerBuilder customize(Consumer<SshServer> customizer) {
    customizers.add(Objects.requireNonNull(customizer, "customizer"));
    return this;
  }

  /**
   * @return a new, not yet started server with a copy of this configuration
   */
  public EmbeddedSshServer build() {
    return new EmbeddedSshServer(new EmbeddedSshServerBuilder(this));
  }
}
