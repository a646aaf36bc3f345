package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPort;
import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPositive;
import static io.github.gatlingssh.javaapi.ProtocolChecks.requireText;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.protocol.Auth;
import io.github.gatlingssh.protocol.HostKeyVerification;
import io.github.gatlingssh.protocol.Metrics;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
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

  private SshProtocolBuilder with(UnaryOperator<SshProtocol> change) {
    return new SshProtocolBuilder(change.apply(protocol));
  }

  // --- target and credentials ---

  /** The server's host name or address (EL): {@code ssh.host("#{host}")}. */
  public SshProtocolBuilder host(String host) {
    Param<String> p = Param.el(requireText(host, "host"));
    return with(s -> s.withTarget(s.target().withHost(p)));
  }

  /** The server's host name or address per user: {@code ssh.host(session -> session.getString("host"))}. */
  public SshProtocolBuilder host(Function<Session, String> host) {
    return with(s -> s.withTarget(s.target().withHost(Param.fn(host))));
  }

  /** The server's port, 22 by default: {@code ssh.port(2222)}. */
  public SshProtocolBuilder port(int port) {
    Param<Integer> p = Param.of(checkPort(port));
    return with(s -> s.withTarget(s.target().withPort(p)));
  }

  /** The server's port as Gatling EL: {@code ssh.port("#{port}")}. */
  public SshProtocolBuilder port(String port) {
    Param<Integer> p = Param.intEl(requireText(port, "port"));
    p.staticValue().ifPresent(ProtocolChecks::checkPort);
    return with(s -> s.withTarget(s.target().withPort(p)));
  }

  /** The server's port per user: {@code ssh.port(session -> session.getInt("port"))}. */
  public SshProtocolBuilder port(Function<Session, Integer> port) {
    return with(s -> s.withTarget(s.target().withPort(Param.fn(port))));
  }

  /** The user to log in as (EL): {@code ssh.username("bench")}. */
  public SshProtocolBuilder username(String username) {
    Param<String> p = Param.el(requireText(username, "username"));
    return with(s -> s.withTarget(s.target().withUsername(p)));
  }

  /** The user to log in as, per virtual user: {@code ssh.username(session -> session.getString("user"))}. */
  public SshProtocolBuilder username(Function<Session, String> username) {
    return with(s -> s.withTarget(s.target().withUsername(Param.fn(username))));
  }

  /**
   * Password authentication (also answers keyboard-interactive password prompts), EL: {@code
   * ssh.password("#{password}")}.
   */
  public SshProtocolBuilder password(String password) {
    Param<String> p = Param.el(Objects.requireNonNull(password, "password must not be null"));
    return with(s -> s.withAuth(s.auth().withPassword(p)));
  }

  /** Password authentication per user: {@code ssh.password(session -> session.getString("pwd"))}. */
  public SshProtocolBuilder password(Function<Session, String> password) {
    return with(s -> s.withAuth(s.auth().withPassword(Param.fn(password))));
  }

  /**
   * Public key authentication with an unencrypted private key file (OpenSSH or PEM format; ed25519,
   * ECDSA or RSA), EL. The key is loaded once per run, not once per user: {@code
   * ssh.privateKey("/home/me/.ssh/id_ed25519")}.
   */
  public SshProtocolBuilder privateKey(String path) {
    return privateKey(new Auth.PrivateKey(Param.el(requireText(path, "privateKey path")), null));
  }

  /**
   * Public key authentication with a passphrase-protected private key file (both EL): {@code
   * ssh.privateKey("/keys/id_ed25519", "#{passphrase}")}.
   */
  public SshProtocolBuilder privateKey(String path, String passphrase) {
    Param<String> p = Param.el(requireText(path, "privateKey path"));
    Objects.requireNonNull(passphrase, "passphrase must not be null");
    return privateKey(new Auth.PrivateKey(p, Param.el(passphrase)));
  }

  /** An unencrypted private key file per user: {@code ssh.privateKey(session -> session.getString("key"))}. */
  public SshProtocolBuilder privateKey(Function<Session, String> path) {
    return privateKey(new Auth.PrivateKey(Param.fn(path), null));
  }

  /**
   * A passphrase-protected private key file per user: {@code ssh.privateKey(session ->
   * session.getString("key"), session -> session.getString("passphrase"))}.
   */
  public SshProtocolBuilder privateKey(Function<Session, String> path, Function<Session, String> passphrase) {
    return privateKey(new Auth.PrivateKey(Param.fn(path), Param.fn(passphrase)));
  }

  private SshProtocolBuilder privateKey(Auth.PrivateKey key) {
    return with(s -> s.withAuth(s.auth().withPrivateKey(key)));
  }

  /** The private key's OpenSSH certificate (default: {@code <privateKey>-cert.pub} if it exists, as OpenSSH). */
  public SshProtocolBuilder certificate(String path) {
    String file = requireText(path, "certificate");
    return with(s -> s.withAuth(s.auth().withCertificate(file)));
  }

  /**
   * Answers keyboard-interactive prompts that {@code promptRegex} finds with {@code answer} (EL, e.g.
   * a code from a feeder); repeatable. A prompt no regex finds fails authentication.
   */
  public SshProtocolBuilder keyboardInteractive(String promptRegex, String answer) {
    Auth.Prompt prompt = new Auth.Prompt(Prompts.compile(promptRegex), Param.el(requireText(answer, "answer")));
    return with(s -> s.withAuth(s.auth().withPrompt(prompt)));
  }

  // --- host key verification ---

  /**
   * Verifies host keys against this known_hosts file (default {@code ~/.ssh/known_hosts}): an
   * unknown host or a changed key is a KO. Plain, hashed and {@code [host]:port} entries work:
   * {@code ssh.knownHosts("/home/me/.ssh/known_hosts")}.
   */
  public SshProtocolBuilder knownHosts(String path) {
    HostKeyVerification v = HostKeyVerification.knownHosts(Path.of(requireText(path, "knownHosts path")));
    return with(s -> s.withHostKeys(v));
  }

  /**
   * Trusts only host keys with one of these fingerprints, as {@code ssh-keygen -lf} prints them:
   * {@code ssh.hostKeyFingerprint("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s")}.
   */
  public SshProtocolBuilder hostKeyFingerprint(String... fingerprints) {
    if (fingerprints.length == 0) {
      throw new IllegalArgumentException("hostKeyFingerprint(..) needs at least one fingerprint, e.g. \"SHA256:...\"");
    }
    return with(s -> s.withHostKeys(HostKeyVerification.fingerprints(List.of(fingerprints))));
  }

  /**
   * Disables host key verification: any server is trusted. An explicit opt-out, logged once per
   * run: {@code ssh.acceptAnyHostKey()}.
   */
  public SshProtocolBuilder acceptAnyHostKey() {
    return with(s -> s.withHostKeys(HostKeyVerification.acceptAny()));
  }

  // --- timeouts and output ---

  /**
   * Bounds TCP connect + key exchange + authentication (default 10 s): {@code
   * ssh.connectTimeout(Duration.ofSeconds(5))}.
   */
  public SshProtocolBuilder connectTimeout(Duration timeout) {
    checkPositive(timeout, "connectTimeout");
    return with(s -> s.withClient(s.client().withConnectTimeout(timeout)));
  }

  /**
   * Default timeout of exec, start, awaitExit and disconnect (default 60 s); a request's own
   * timeout(..) wins: {@code ssh.requestTimeout(Duration.ofSeconds(30))}.
   */
  public SshProtocolBuilder requestTimeout(Duration timeout) {
    checkPositive(timeout, "requestTimeout");
    return with(s -> s.withClient(s.client().withRequestTimeout(timeout)));
  }

  /**
   * How stdout and stderr are decoded (default UTF-8; invalid input becomes U+FFFD): {@code
   * ssh.charset("ISO-8859-1")}.
   */
  public SshProtocolBuilder charset(String charset) {
    return charset(Charset.forName(charset));
  }

  /** How stdout and stderr are decoded: {@code ssh.charset(StandardCharsets.ISO_8859_1)}. */
  public SshProtocolBuilder charset(Charset charset) {
    Objects.requireNonNull(charset, "charset must not be null");
    return with(s -> s.withOutput(s.output().withCharset(charset)));
  }

  /**
   * How many characters of stdout (and of stderr) a request keeps for its checks (default
   * 1,048,576). Output beyond it is read and counted ({@code bodyLength()} sees every byte) but
   * not kept, so a huge output cannot exhaust memory: {@code ssh.maxOutputLength(64 * 1024)}.
   */
  public SshProtocolBuilder maxOutputLength(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("maxOutputLength must be >= 0, was " + chars);
    }
    return with(s -> s.withOutput(s.output().withMaxOutputLength(chars)));
  }

  // --- client tuning ---

  /**
   * Key exchange algorithms, in preference order (default: curve25519-sha256 first, no
   * post-quantum hybrids): {@code ssh.kexAlgorithms("curve25519-sha256", "ecdh-sha2-nistp256")}.
   */
  public SshProtocolBuilder kexAlgorithms(String... names) {
    return withMinaClient(s -> s.withAlgorithms(s.algorithms().withKexAlgorithms(List.of(names))));
  }

  /**
   * Ciphers, in preference order (default: aes128-gcm, aes256-gcm, chacha20-poly1305, aes-ctr:
   * AES-GCM first, the cheapest for client and server on CPUs with AES-NI): {@code
   * ssh.ciphers("chacha20-poly1305@openssh.com")}.
   */
  public SshProtocolBuilder ciphers(String... names) {
    return withMinaClient(s -> s.withAlgorithms(s.algorithms().withCiphers(List.of(names))));
  }

  /** MACs, in preference order (default: MINA's list): {@code ssh.macs("hmac-sha2-256-etm@openssh.com")}. */
  public SshProtocolBuilder macs(String... names) {
    return withMinaClient(s -> s.withAlgorithms(s.algorithms().withMacs(List.of(names))));
  }

  /** MINA I/O threads shared by all connections (default: cores + 1): {@code ssh.ioThreads(4)}. */
  public SshProtocolBuilder ioThreads(int threads) {
    return withMinaClient(s -> s.withClient(s.client().withIoThreads(threads)));
  }

  /** The channel window offered to the server, in bytes (default: MINA's 2 MiB): {@code ssh.windowSize(8 << 20)}. */
  public SshProtocolBuilder windowSize(long bytes) {
    return withMinaClient(s -> s.withClient(s.client().withWindowSize(bytes)));
  }

  /**
   * Protocol keepalives, as OpenSSH's ServerAliveInterval: one every {@code interval} on each
   * authenticated connection; after {@code maxUnanswered} unanswered in a row (default 3) the
   * connection is lost: the request in flight is KO "connection lost: no keepalive answer ...".
   */
  public SshProtocolBuilder keepAlive(Duration interval, int maxUnanswered) {
    return with(s -> s.withClient(s.client().withKeepAlive(interval, maxUnanswered)));
  }

  /** {@link #keepAlive(Duration, int)} with 3 unanswered at most, as OpenSSH's ServerAliveCountMax. */
  public SshProtocolBuilder keepAlive(Duration interval) {
    return keepAlive(interval, 3);
  }

  /**
   * Skips the JIT warm-up: {@code ssh.disableWarmUp()}. By default, when a run starts (once per
   * JVM, after the simulation is built and before its first user), gatling-ssh runs a few hundred
   * SSH sessions for up to 2.5 s against a temporary server inside the JVM on 127.0.0.1 (never
   * against your server), so that the run's first seconds do not measure an interpreted,
   * still-compiling client.
   */
  public SshProtocolBuilder disableWarmUp() {
    return with(s -> s.withClient(s.client().withWarmUp(false)));
  }

  // --- live metrics (off unless asked; the injector page is written at the end of every run) ---

  /**
   * Serves the run's metrics in Prometheus' format on {@code http://127.0.0.1:<port>/metrics}
   * while the run lasts (this machine only; see {@link #prometheusEndpoint(String, int)}): {@code
   * ssh.prometheusEndpoint(9464)}. A port in use is a warning, never a failed run. Scrape config:
   * {@code - job_name: gatling-ssh, scrape_interval: 5s, static_configs: [{targets:
   * ["127.0.0.1:9464"]}]}.
   */
  public SshProtocolBuilder prometheusEndpoint(int port) {
    return prometheusEndpoint(Metrics.DEFAULT_BIND, port);
  }

  /**
   * Serves the run's metrics on this address, e.g. every interface for a Prometheus on another
   * machine: {@code ssh.prometheusEndpoint("0.0.0.0", 9464)}.
   */
  public SshProtocolBuilder prometheusEndpoint(String bindAddress, int port) {
    return with(s -> s.withMetrics(MetricsSettings.prometheus(s.metrics(), bindAddress, port)));
  }

  /**
   * Pushes the run's metrics every step to an InfluxDB 1.x database (created if missing): {@code
   * ssh.influxDb("http://127.0.0.1:8086", "gatling")}. Pushes run on their own thread: an
   * unreachable server is one warning, never a slower or failed run. The URL carries no
   * credentials (InfluxDB authentication is not supported yet).
   */
  public SshProtocolBuilder influxDb(String url, String database) {
    return with(s -> s.withMetrics(MetricsSettings.influxDb(s.metrics(), url, database)));
  }

  /**
   * Pushes the run's metrics every step to Graphite's Carbon (plaintext protocol): {@code
   * ssh.graphite("127.0.0.1", 2003)}.
   */
  public SshProtocolBuilder graphite(String host, int port) {
    return with(s -> s.withMetrics(MetricsSettings.graphite(s.metrics(), host, port)));
  }

  /**
   * How often metrics are pushed and the injector sampled (default 5 s, at least 1 s): {@code
   * ssh.metricsStep(Duration.ofSeconds(10))}.
   */
  public SshProtocolBuilder metricsStep(Duration step) {
    return with(s -> s.withMetrics(MetricsSettings.step(s.metrics(), step)));
  }

  /** A change of what the MINA client is made of: fails now on a bad or unknown value. */
  private SshProtocolBuilder withMinaClient(UnaryOperator<SshProtocol> change) {
    SshProtocol changed = change.apply(protocol);
    SshConnector.validate(changed.clientSettings());
    return new SshProtocolBuilder(changed);
  }

  /**
   * Validates and returns the protocol; Gatling calls it when the simulation is built: {@code
   * setUp(scn.injectOpen(atOnceUsers(1))).protocols(ssh.host("h").username("u").password("p"))}.
   * The JIT warm-up ({@link #disableWarmUp()}) runs later, when the run starts.
   */
  @Override
  public SshProtocol protocol() {
    return protocol.validate();
  }
}
