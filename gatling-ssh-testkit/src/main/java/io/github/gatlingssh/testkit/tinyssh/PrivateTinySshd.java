package io.github.gatlingssh.testkit.tinyssh;

import io.github.gatlingssh.testkit.openssh.ProcessServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A private tinysshd ({@code /usr/sbin/tinysshd}, Debian's {@code tinysshd}) for integration tests,
 * run per connection by {@code tcpserver} (Debian's {@code ucspi-tcp}) on a free 127.0.0.1 port:
 * {@code tcpserver -HRDl0 -c 400 -b 256 127.0.0.1 PORT tinysshd -v KEYDIR}, with its own key
 * directory made by {@code tinysshd-makekey}. tcpserver's and tinysshd's messages go to {@code
 * tinyssh.log} in its directory (its first connection, "unable to receive hello-string", is the
 * readiness probe that only reads the banner).
 *
 * <p>tinysshd does things differently from OpenSSH, on purpose:
 *
 * <ul>
 *   <li>only Ed25519 host and user keys, curve25519-sha256 or sntrup761x25519-sha512 key exchange
 *       and chacha20-poly1305 (no MAC); no password logins, no port forwarding;
 *   <li>one session channel per connection: when it ends, tinysshd closes the connection;
 *   <li>it reads the login user's own {@code ~/.ssh/authorized_keys} (see {@link ProcessServer}).
 * </ul>
 *
 * <p>tcpserver's defaults allow 40 connections at once and a listen backlog of 20; this server
 * raises them to 400 ({@code -c}) and 256 ({@code -b}) so that a few hundred virtual users can
 * connect. tcpserver needs its port chosen up front: a port taken meanwhile is retried.
 */
public final class PrivateTinySshd extends ProcessServer {

  /** Connections tcpserver runs at once ({@code -c}); tcpserver's default is 40. */
  public static final int MAX_CONNECTIONS = 400;

  private static final int BACKLOG = 256;

  private Path keyDir;

  private PrivateTinySshd() {
    super("tinyssh");
  }

  /** Starts a server and returns once it answers with its SSH banner. */
  public static PrivateTinySshd start() {
    return start(ProcessServer::freePort, START_TIMEOUT);
  }

  /**
   * Starts a server taking candidate ports from {@code ports}.
   *
   * @throws IllegalStateException if tinysshd or tcpserver is missing or the server does not come
   *     up within {@code timeout}; the message includes the log
   */
  public static PrivateTinySshd start(IntSupplier ports, Duration timeout) {
    return launched(unavailableReason(), PrivateTinySshd::new, ports, timeout);
  }

  /**
   * Why a private tinysshd cannot start on this machine.
   *
   * @return what is missing and how to install it, or empty if tinysshd, tcpserver and ssh-keygen
   *     are there
   */
  public static Optional<String> unavailableReason() {
    List<String> missing = new ArrayList<>();
    if (program("tinysshd").isEmpty() || program("tinysshd-makekey").isEmpty()) {
      missing.add("tinysshd not found: apt-get install -y tinysshd");
    }
    if (program("tcpserver").isEmpty()) {
      missing.add("tcpserver not found: apt-get install -y ucspi-tcp");
    }
    return unavailable(missing);
  }

  /** Makes the key directory; its public key is the raw 32 bytes of {@code ed25519.pk}. */
  @Override
  protected String createHostKey(Path dir) {
    keyDir = dir.resolve("keydir");
    run(
        "tinysshd-makekey",
        List.of(program("tinysshd-makekey").orElseThrow().toString(), "-q", keyDir.toString()));
    try {
      byte[] key = Files.readAllBytes(keyDir.resolve("ed25519.pk"));
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(blob);
      byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
      out.writeInt(type.length);
      out.write(type);
      out.writeInt(key.length);
      out.write(key);
      return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected List<String> command(int port) {
    return List.of(
        program("tcpserver").orElseThrow().toString(),
        "-HRDl0",
        "-c",
        Integer.toString(MAX_CONNECTIONS),
        "-b",
        Integer.toString(BACKLOG),
        HOST,
        Integer.toString(port),
        program("tinysshd").orElseThrow().toString(),
        "-v",
        keyDir.toString());
  }
}
