package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.protocol.HostKeyVerification;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Configures the SSH protocol: where to connect, as whom, how to trust the server, and timeouts.
 * Immutable: every method returns a new builder. Strings are Gatling EL ({@code "#{host}"}); each
 * setting also takes a {@code Function<Session, T>}.
 *
 * <pre>{@code
 * SshProtocolBuilder protocol = ssh
 *     .host("127.0.0.1").port(2222)
 *     .username("bench")
 *     .privateKey("/home/me/.ssh/id_ed25519")
 *     .knownHosts("/home/me/.ssh/known_hosts")
 *     .connectTimeout(Duration.ofSeconds(10))
 *     .requestTimeout(Duration.ofSeconds(60));
 * }</pre>
 *
 * <p>Invalid settings (no host, no username, no credential, a missing key file, a port out of
 * range...) fail when the simulation is built, with a message that says what to set.
 */
public final class SshProtocolBuilder implements ProtocolBuilder {
  private final SshProtocol protocol;

  SshProtocolBuilder(SshProtocol protocol) {
    this.protocol = protocol;
  }

  private SshProtocolBuilder with(UnaryOperator<Values> change) {
    return new SshProtocolBuilder(change.apply(new Values(protocol)).build());
  }

  // --- target and credentials ---

  /** The server's host name or address (EL). */
  public SshProtocolBuilder host(String host) {
    requireText(host, "host");
    return with(v -> v.host(Param.el(host)));
  }

  public SshProtocolBuilder host(Function<Session, String> host) {
    return with(v -> v.host(Param.fn(host)));
  }

  /** The server's port, 22 by default. */
  public SshProtocolBuilder port(int port) {
    checkPort(port);
    return with(v -> v.port(Param.of(port)));
  }

  /** The server's port as Gatling EL, e.g. {@code "#{port}"}. */
  public SshProtocolBuilder port(String port) {
    requireText(port, "port");
    Param<Integer> p = Param.intEl(port);
    p.staticValue().ifPresent(SshProtocolBuilder::checkPort);
    return with(v -> v.port(p));
  }

  public SshProtocolBuilder port(Function<Session, Integer> port) {
    return with(v -> v.port(Param.fn(port)));
  }

  /** The user to log in as (EL). */
  public SshProtocolBuilder username(String username) {
    requireText(username, "username");
    return with(v -> v.username(Param.el(username)));
  }

  public SshProtocolBuilder username(Function<Session, String> username) {
    return with(v -> v.username(Param.fn(username)));
  }

  /** Password authentication (also answers keyboard-interactive password prompts). EL, e.g. {@code "#{password}"}. */
  public SshProtocolBuilder password(String password) {
    Objects.requireNonNull(password, "password must not be null");
    return with(v -> v.password(Param.el(password)));
  }

  public SshProtocolBuilder password(Function<Session, String> password) {
    return with(v -> v.password(Param.fn(password)));
  }

  /**
   * Public key authentication with an unencrypted private key file (OpenSSH or PEM format; ed25519,
   * ECDSA or RSA). The key is loaded once per run, not once per user.
   */
  public SshProtocolBuilder privateKey(String path) {
    requireText(path, "privateKey path");
    return with(v -> v.privateKey(new SshProtocol.PrivateKey(Param.el(path), null)));
  }

  /** Public key authentication with a passphrase-protected private key file (both EL). */
  public SshProtocolBuilder privateKey(String path, String passphrase) {
    requireText(path, "privateKey path");
    Objects.requireNonNull(passphrase, "passphrase must not be null");
    return with(v -> v.privateKey(new SshProtocol.PrivateKey(Param.el(path), Param.el(passphrase))));
  }

  public SshProtocolBuilder privateKey(Function<Session, String> path) {
    return with(v -> v.privateKey(new SshProtocol.PrivateKey(Param.fn(path), null)));
  }

  public SshProtocolBuilder privateKey(Function<Session, String> path, Function<Session, String> passphrase) {
    return with(v -> v.privateKey(new SshProtocol.PrivateKey(Param.fn(path), Param.fn(passphrase))));
  }

  // --- host key verification ---

  /**
   * Verifies host keys against this known_hosts file (default {@code ~/.ssh/known_hosts}): an
   * unknown host or a changed key is a KO. Plain, hashed and {@code [host]:port} entries work.
   */
  public SshProtocolBuilder knownHosts(String path) {
    requireText(path, "knownHosts path");
    return with(v -> v.hostKeys(new HostKeyVerification(HostKeyVerification.Mode.KNOWN_HOSTS, Path.of(path), List.of())));
  }

  /** Trusts only host keys with one of these fingerprints, as {@code ssh-keygen -lf} prints them ({@code SHA256:...}). */
  public SshProtocolBuilder hostKeyFingerprint(String... fingerprints) {
    if (fingerprints.length == 0) {
      throw new IllegalArgumentException("hostKeyFingerprint(..) needs at least one fingerprint, e.g. \"SHA256:...\"");
    }
    return with(v -> v.hostKeys(new HostKeyVerification(
        HostKeyVerification.Mode.FINGERPRINTS, null, Arrays.asList(fingerprints))));
  }

  /** Disables host key verification: any server is trusted. An explicit opt-out, logged once per run. */
  public SshProtocolBuilder acceptAnyHostKey() {
    return with(v -> v.hostKeys(new HostKeyVerification(HostKeyVerification.Mode.ACCEPT_ANY, null, List.of())));
  }

  // --- timeouts and output ---

  /** Bounds TCP connect + key exchange + authentication (default 10 s). */
  public SshProtocolBuilder connectTimeout(Duration timeout) {
    checkPositive(timeout, "connectTimeout");
    return with(v -> v.connectTimeout(timeout));
  }

  /** Default timeout of exec, start, awaitExit and disconnect (default 60 s); a request's own timeout(..) wins. */
  public SshProtocolBuilder requestTimeout(Duration timeout) {
    checkPositive(timeout, "requestTimeout");
    return with(v -> v.requestTimeout(timeout));
  }

  /** How stdout and stderr are decoded (default UTF-8; invalid input becomes U+FFFD). */
  public SshProtocolBuilder charset(String charset) {
    return charset(Charset.forName(charset));
  }

  public SshProtocolBuilder charset(Charset charset) {
    Objects.requireNonNull(charset, "charset must not be null");
    return with(v -> v.charset(charset));
  }

  /**
   * How many characters of stdout (and of stderr) a request keeps for its checks (default
   * 1,048,576). Output beyond it is read and counted ({@code bodyLength()} sees every byte) but
   * not kept, so a huge output cannot exhaust memory.
   */
  public SshProtocolBuilder maxOutputLength(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("maxOutputLength must be >= 0, was " + chars);
    }
    return with(v -> v.maxOutputLength(chars));
  }

  // --- client tuning ---

  /** Key exchange algorithms, in preference order (default: curve25519-sha256 first, no post-quantum hybrids). */
  public SshProtocolBuilder kexAlgorithms(String... names) {
    return client(c -> new ClientSettings(List.of(names), c.ciphers(), c.macs(), c.ioThreads(), c.windowSize()));
  }

  /**
   * Ciphers, in preference order (default: aes128-gcm, aes256-gcm, chacha20-poly1305, aes-ctr:
   * AES-GCM first, the cheapest for client and server on CPUs with AES-NI).
   */
  public SshProtocolBuilder ciphers(String... names) {
    return client(c -> new ClientSettings(c.kexAlgorithms(), List.of(names), c.macs(), c.ioThreads(), c.windowSize()));
  }

  /** MACs, in preference order (default: MINA's list). */
  public SshProtocolBuilder macs(String... names) {
    return client(c -> new ClientSettings(c.kexAlgorithms(), c.ciphers(), List.of(names), c.ioThreads(), c.windowSize()));
  }

  /** MINA I/O threads shared by all connections (default: cores + 1). */
  public SshProtocolBuilder ioThreads(int threads) {
    return client(c -> new ClientSettings(c.kexAlgorithms(), c.ciphers(), c.macs(), threads, c.windowSize()));
  }

  /** The channel window offered to the server, in bytes (default: MINA's 2 MiB). */
  public SshProtocolBuilder windowSize(long bytes) {
    return client(c -> new ClientSettings(c.kexAlgorithms(), c.ciphers(), c.macs(), c.ioThreads(), bytes));
  }

  /**
   * Skips the JIT warm-up. By default, when the simulation is built (before the run, once per
   * JVM), gatling-ssh runs a few hundred SSH sessions for up to 2.5 s against a temporary server
   * inside the JVM on 127.0.0.1 (never against your server), so that the run's first seconds do
   * not measure an interpreted, still-compiling client.
   */
  public SshProtocolBuilder disableWarmUp() {
    return with(v -> v.warmUp(false));
  }

  private SshProtocolBuilder client(UnaryOperator<ClientSettings> change) {
    ClientSettings settings = change.apply(protocol.client());
    SshConnector.validate(settings);
    return with(v -> v.client(settings));
  }

  /**
   * Validates and returns the protocol: called by Gatling when the simulation is built. Also runs
   * the once-per-JVM warm-up, unless {@link #disableWarmUp()}.
   */
  @Override
  public SshProtocol protocol() {
    if (protocol.host() == null) {
      throw invalid("no host: set ssh.host(\"...\")");
    }
    if (protocol.username() == null) {
      throw invalid("no username: set .username(\"...\")");
    }
    if (protocol.password() == null && protocol.privateKey() == null) {
      throw invalid("no credential: set .privateKey(\"/path/to/id_ed25519\") or .password(\"...\")");
    }
    if (protocol.privateKey() != null) {
      protocol.privateKey().path().staticValue().ifPresent(p -> {
        Path path = Path.of(p);
        if (!Files.isRegularFile(path)) {
          throw invalid("private key file " + path.toAbsolutePath() + " does not exist: fix .privateKey(..)");
        }
        if (!Files.isReadable(path)) {
          throw invalid("private key file " + path.toAbsolutePath() + " is not readable by this user");
        }
      });
    }
    HostKeyVerification hostKeys = protocol.hostKeys();
    if (hostKeys.mode() == HostKeyVerification.Mode.KNOWN_HOSTS && hostKeys.knownHosts() != null
        && !Files.isRegularFile(hostKeys.knownHosts())) {
      throw invalid("known_hosts file " + hostKeys.knownHosts().toAbsolutePath() + " does not exist: create it"
          + " (ssh-keyscan -p PORT HOST > FILE), or use hostKeyFingerprint(\"SHA256:...\") or acceptAnyHostKey()");
    }
    protocol.warmUpJvm();
    return protocol;
  }

  private static IllegalArgumentException invalid(String what) {
    return new IllegalArgumentException("SSH protocol: " + what);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw invalid(name + " must not be empty");
    }
  }

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw invalid("port " + port + " is out of range 1-65535");
    }
  }

  private static void checkPositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw invalid(name + " must be a positive duration, was " + d);
    }
  }

  /** A mutable copy of the protocol's fields, to change one and rebuild. */
  private static final class Values {
    private Param<String> host;
    private Param<Integer> port;
    private Param<String> username;
    private Param<String> password;
    private SshProtocol.PrivateKey privateKey;
    private HostKeyVerification hostKeys;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private Charset charset;
    private int maxOutputLength;
    private ClientSettings client;
    private boolean warmUp;

    Values(SshProtocol p) {
      host = p.host();
      port = p.port();
      username = p.username();
      password = p.password();
      privateKey = p.privateKey();
      hostKeys = p.hostKeys();
      connectTimeout = p.connectTimeout();
      requestTimeout = p.requestTimeout();
      charset = p.charset();
      maxOutputLength = p.maxOutputLength();
      client = p.client();
      warmUp = p.warmUp();
    }

    Values host(Param<String> v) { host = v; return this; }
    Values port(Param<Integer> v) { port = v; return this; }
    Values username(Param<String> v) { username = v; return this; }
    Values password(Param<String> v) { password = v; return this; }
    Values privateKey(SshProtocol.PrivateKey v) { privateKey = v; return this; }
    Values hostKeys(HostKeyVerification v) { hostKeys = v; return this; }
    Values connectTimeout(Duration v) { connectTimeout = v; return this; }
    Values requestTimeout(Duration v) { requestTimeout = v; return this; }
    Values charset(Charset v) { charset = v; return this; }
    Values maxOutputLength(int v) { maxOutputLength = v; return this; }
    Values client(ClientSettings v) { client = v; return this; }
    Values warmUp(boolean v) { warmUp = v; return this; }

    SshProtocol build() {
      return new SshProtocol(host, port, username, password, privateKey, hostKeys, connectTimeout,
          requestTimeout, charset, maxOutputLength, client, warmUp);
    }
  }
}
