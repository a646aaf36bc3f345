package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ProtocolBuilder;
import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.protocol.Metrics;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.charset.Charset;
import java.time.Duration;
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
    return with(TargetSettings.host(host));
  }

  /** The server's host name or address per user: {@code ssh.host(s -> s.getString("host"))}. */
  public SshProtocolBuilder host(Function<Session, String> host) {
    return with(TargetSettings.host(host));
  }

  /** The server's port, 22 by default: {@code ssh.port(2222)}. */
  public SshProtocolBuilder port(int port) {
    return with(TargetSettings.port(port));
  }

  /** The server's port as Gatling EL: {@code ssh.port("#{port}")}. */
  public SshProtocolBuilder port(String port) {
    return with(TargetSettings.port(port));
  }

  /** The server's port per user: {@code ssh.port(s -> s.getInt("port"))}. */
  public SshProtocolBuilder port(Function<Session, Integer> port) {
    return with(TargetSettings.port(port));
  }

  /** The user to log in as (EL): {@code ssh.username("bench")}. */
  public SshProtocolBuilder username(String username) {
    return with(TargetSettings.username(username));
  }

  /** The user to log in as, per virtual user: {@code ssh.username(s -> s.getString("user"))}. */
  public SshProtocolBuilder username(Function<Session, String> username) {
    return with(TargetSettings.username(username));
  }

  /** Password auth, also for keyboard-interactive prompts: {@code ssh.password("#{pwd}")}. */
  public SshProtocolBuilder password(String password) {
    return with(Credentials.password(password));
  }

  /** Password authentication per user: {@code ssh.password(s -> s.getString("pwd"))}. */
  public SshProtocolBuilder password(Function<Session, String> password) {
    return with(Credentials.password(password));
  }

  /** Auth with a plain OpenSSH/PEM key file, loaded once: {@code ssh.privateKey("/k/id")}. */
  public SshProtocolBuilder privateKey(String path) {
    return with(Credentials.privateKey(path, null));
  }

  /** A passphrase-protected key file (both EL): {@code ssh.privateKey("/k/id", "#{pass}")}. */
  public SshProtocolBuilder privateKey(String path, String passphrase) {
    Objects.requireNonNull(passphrase, "passphrase must not be null");
    return with(Credentials.privateKey(path, passphrase));
  }

  /** An unencrypted private key file per user: {@code ssh.privateKey(s -> s.getString("key"))}. */
  public SshProtocolBuilder privateKey(Function<Session, String> path) {
    return with(Credentials.privateKey(path, null));
  }

  /** A protected key per user: {@code privateKey(s -> s.getString("k"), s -> s.getString("p"))}. */
  public SshProtocolBuilder privateKey(
      Function<Session, String> path, Function<Session, String> passphrase) {
    return with(Credentials.privateKey(path, passphrase));
  }

  /** The key's certificate (default {@code <key>-cert.pub}): {@code certificate("/k/c.pub")}. */
  public SshProtocolBuilder certificate(String path) {
    return with(Credentials.certificate(path));
  }

  /**
   * Answers keyboard-interactive prompts that {@code promptRegex} finds with {@code answer} (EL);
   * repeatable; a prompt no regex finds fails: {@code keyboardInteractive("(?i)code", "#{otp}")}.
   */
  public SshProtocolBuilder keyboardInteractive(String promptRegex, String answer) {
    return with(Credentials.prompt(promptRegex, answer));
  }

  // --- host key verification ---

  /**
   * Verifies host keys against this known_hosts file (default {@code ~/.ssh/known_hosts}; plain,
   * hashed, {@code [host]:port}); unknown or changed is a KO: {@code knownHosts("known_hosts")}.
   */
  public SshProtocolBuilder knownHosts(String path) {
    return with(HostKeys.knownHosts(path));
  }

  /** Trusts only these ({@code ssh-keygen -lf}): {@code hostKeyFingerprint("SHA256:uNiV..")}. */
  public SshProtocolBuilder hostKeyFingerprint(String... fingerprints) {
    return with(HostKeys.fingerprints(fingerprints));
  }

  /** Trusts any server: an opt-out, logged once per run: {@code ssh.acceptAnyHostKey()}. */
  public SshProtocolBuilder acceptAnyHostKey() {
    return with(HostKeys.acceptAny());
  }

  // --- timeouts and output ---

  /** Bounds connect + kex + auth (default 10 s): {@code ssh.connectTimeout(ofSeconds(5))}. */
  public SshProtocolBuilder connectTimeout(Duration timeout) {
    return with(ClientTuning.connectTimeout(timeout));
  }

  /** Requests' timeout unless set on one (default 60 s): {@code requestTimeout(ofSeconds(30))}. */
  public SshProtocolBuilder requestTimeout(Duration timeout) {
    return with(ClientTuning.requestTimeout(timeout));
  }

  /** How stdout/stderr are decoded (default UTF-8, bad input U+FFFD): {@code charset("UTF-16")}. */
  public SshProtocolBuilder charset(String charset) {
    return charset(Charset.forName(charset));
  }

  /** How stdout and stderr are decoded: {@code ssh.charset(StandardCharsets.ISO_8859_1)}. */
  public SshProtocolBuilder charset(Charset charset) {
    return with(ClientTuning.charset(charset));
  }

  /**
   * Characters of stdout (and of stderr) kept for checks (default 1,048,576); the rest is read and
   * counted by {@code bodyLength()}, not kept: {@code ssh.maxOutputLength(64 * 1024)}.
   */
  public SshProtocolBuilder maxOutputLength(int chars) {
    return with(ClientTuning.maxOutputLength(chars));
  }

  // --- client tuning ---

  /** Kex by preference (default: curve25519 first): {@code kexAlgorithms("ecdh-sha2-nistp256")}. */
  public SshProtocolBuilder kexAlgorithms(String... names) {
    return with(ClientTuning.kexAlgorithms(names));
  }

  /** Ciphers by preference (default: AES-GCM first, for AES-NI): {@code ciphers("aes256-ctr")}. */
  public SshProtocolBuilder ciphers(String... names) {
    return with(ClientTuning.ciphers(names));
  }

  /** MACs by preference (default: MINA's list): {@code macs("hmac-sha2-256-etm@openssh.com")}. */
  public SshProtocolBuilder macs(String... names) {
    return with(ClientTuning.macs(names));
  }

  /** MINA I/O threads shared by all connections (default: cores + 1): {@code ssh.ioThreads(4)}. */
  public SshProtocolBuilder ioThreads(int threads) {
    return with(ClientTuning.ioThreads(threads));
  }

  /** The channel window offered, bytes (default: MINA's 2 MiB): {@code ssh.windowSize(8 << 20)}. */
  public SshProtocolBuilder windowSize(long bytes) {
    return with(ClientTuning.windowSize(bytes));
  }

  /**
   * Bytes asked for by one SFTP READ, or sent by one WRITE (default 32 KiB, as OpenSSH's {@code
   * sftp -B}; at most 255 KiB): {@code ssh.sftpChunkSize(64 * 1024)}.
   */
  public SshProtocolBuilder sftpChunkSize(int bytes) {
    return with(ClientTuning.sftpChunkSize(bytes));
  }

  /**
   * SFTP READ or WRITE requests in flight per transfer (default 64, as OpenSSH's {@code sftp -R}; 1
   * to 1024): {@code ssh.sftpMaxRequests(16)}.
   */
  public SshProtocolBuilder sftpMaxRequests(int requests) {
    return with(ClientTuning.sftpMaxRequests(requests));
  }

  /**
   * Keepalives as OpenSSH's ServerAliveInterval; after {@code maxUnanswered} unanswered in a row
   * the connection is lost (KO "no keepalive answer"): {@code ssh.keepAlive(ofSeconds(15), 3)}.
   */
  public SshProtocolBuilder keepAlive(Duration interval, int maxUnanswered) {
    return with(s -> s.withClient(s.client().withKeepAlive(interval, maxUnanswered)));
  }

  /** {@link #keepAlive(Duration, int)} with 3, as OpenSSH: {@code ssh.keepAlive(ofSeconds(15))}. */
  public SshProtocolBuilder keepAlive(Duration interval) {
    return keepAlive(interval, 3);
  }

  /**
   * Skips the JIT warm-up (by default, once per JVM before the first user, up to 2.5 s of SSH
   * sessions against an in-JVM server on 127.0.0.1, never yours): {@code ssh.disableWarmUp()}.
   */
  public SshProtocolBuilder disableWarmUp() {
    return with(s -> s.withClient(s.client().withWarmUp(false)));
  }

  // --- live metrics (off unless asked; the injector page is written at the end of every run) ---

  /**
   * Serves metrics for Prometheus on {@code http://127.0.0.1:<port>/metrics} while the run lasts; a
   * port in use is a warning, never a failed run: {@code ssh.prometheusEndpoint(9464)}.
   */
  public SshProtocolBuilder prometheusEndpoint(int port) {
    return prometheusEndpoint(Metrics.DEFAULT_BIND, port);
  }

  /** Serves metrics on this address, e.g. all: {@code ssh.prometheusEndpoint("0.0.0.0", 9464)}. */
  public SshProtocolBuilder prometheusEndpoint(String bindAddress, int port) {
    return with(s -> s.withMetrics(MetricsSettings.prometheus(s.metrics(), bindAddress, port)));
  }

  /**
   * Pushes metrics every step to InfluxDB 1.x (database created if missing; no authentication yet;
   * unreachable is one warning): {@code ssh.influxDb("http://127.0.0.1:8086", "gatling")}.
   */
  public SshProtocolBuilder influxDb(String url, String database) {
    return with(s -> s.withMetrics(MetricsSettings.influxDb(s.metrics(), url, database)));
  }

  /** Pushes metrics every step to Graphite's Carbon: {@code ssh.graphite("127.0.0.1", 2003)}. */
  public SshProtocolBuilder graphite(String host, int port) {
    return with(s -> s.withMetrics(MetricsSettings.graphite(s.metrics(), host, port)));
  }

  /** Metrics push and sampling period (default 5 s, >= 1 s): {@code metricsStep(ofSeconds(10))}. */
  public SshProtocolBuilder metricsStep(Duration step) {
    return with(s -> s.withMetrics(MetricsSettings.step(s.metrics(), step)));
  }

  /** Validates and returns the protocol at build time: {@code setUp(..).protocols(ssh)}. */
  @Override
  public SshProtocol protocol() {
    return protocol.validate();
  }
}
