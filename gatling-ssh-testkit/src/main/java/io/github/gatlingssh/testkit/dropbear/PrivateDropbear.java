package io.github.gatlingssh.testkit.dropbear;

import io.github.gatlingssh.testkit.openssh.ProcessServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A private Dropbear server ({@code /usr/sbin/dropbear}, Debian's {@code dropbear-bin}) for
 * integration tests: in the foreground ({@code -F -E}, its log in {@code dropbear.log} of its
 * directory) on a free 127.0.0.1 port, with its own Ed25519 host key made by {@code dropbearkey},
 * public key logins only ({@code -s}), no root logins ({@code -w}), host keys never created on
 * demand (no {@code -R}) and its pid file in its directory ({@code -P}).
 *
 * <pre>{@code
 * try (PrivateDropbear dropbear = PrivateDropbear.start()) {
 *   connect(dropbear.host(), dropbear.port(), dropbear.username(), dropbear.userKey(), ...);
 * }
 * }</pre>
 *
 * <p>Dropbear reads the login user's own {@code ~/.ssh/authorized_keys}: see {@link ProcessServer}
 * for the line added there while the server runs.
 *
 * <p>Dropbear limits connections that have not yet authenticated, with compiled-in defaults (no
 * command-line option): {@code MAX_UNAUTH_PER_IP} 5 per client address and {@code
 * MAX_UNAUTH_CLIENTS} 30 in all. Beyond them it closes new connections before sending its banner,
 * so a load test that opens more than 5 connections at once from 127.0.0.1 sees some closed: as
 * OpenSSH does with {@code MaxStartups}, but with a far smaller number.
 */
public final class PrivateDropbear extends ProcessServer {

  private Path hostKey;

  private PrivateDropbear() {
    super("dropbear");
  }

  /** Starts a server and returns once it answers with its SSH banner. */
  public static PrivateDropbear start() {
    return start(ProcessServer::freePort, START_TIMEOUT);
  }

  /**
   * Starts a server taking candidate ports from {@code ports}.
   *
   * @throws IllegalStateException if Dropbear is missing or does not come up within {@code
   *     timeout}; the message includes its log
   */
  public static PrivateDropbear start(IntSupplier ports, Duration timeout) {
    return launched(unavailableReason(), PrivateDropbear::new, ports, timeout);
  }

  /**
   * Why a private Dropbear cannot start on this machine.
   *
   * @return what is missing and how to install it, or empty if Dropbear and ssh-keygen are there
   */
  public static Optional<String> unavailableReason() {
    boolean absent = program("dropbear").isEmpty() || program("dropbearkey").isEmpty();
    return unavailable(
        absent ? List.of("Dropbear not found: apt-get install -y dropbear-bin") : List.of());
  }

  @Override
  protected String createHostKey(Path dir) {
    hostKey = dir.resolve("dropbear_ed25519_host_key");
    String output =
        run(
            "dropbearkey -t ed25519",
            List.of(
                program("dropbearkey").orElseThrow().toString(),
                "-t",
                "ed25519",
                "-f",
                hostKey.toString()));
    // "Public key portion is:\nssh-ed25519 AAAA... user@host\nFingerprint: ..."
    return output
        .lines()
        .filter(l -> l.startsWith("ssh-ed25519 "))
        .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 2)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no public key from dropbearkey: " + output));
  }

  @Override
  protected List<String> command(int port) {
    return List.of(
        program("dropbear").orElseThrow().toString(),
        "-F",
        "-E",
        "-s",
        "-w",
        "-r",
        hostKey.toString(),
        "-p",
        HOST + ":" + port,
        "-P",
        dir().resolve("dropbear.pid").toString());
  }
}
