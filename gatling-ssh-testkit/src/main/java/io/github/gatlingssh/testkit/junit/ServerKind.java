package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.dropbear.PrivateDropbear;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.tinyssh.PrivateTinySshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The test servers a {@link ForEachServer} test can run against. A server whose programs are not
 * installed is skipped, or fails the test when the environment variable {@code CI} is {@code true}
 * (CI must run every server's tests): see {@link #assumeAvailable()}.
 */
public enum ServerKind {
  /** The embedded MINA SSHD server in the test's JVM: always available. */
  EMBEDDED("embedded", Optional::empty, ServerKind::startEmbedded),
  /** A private OpenSSH sshd (Debian's {@code openssh-server}). */
  OPENSSH("openssh", PrivateSshd::unavailableReason, PrivateSshd::start),
  /** A private Dropbear (Debian's {@code dropbear-bin}). */
  DROPBEAR("dropbear", PrivateDropbear::unavailableReason, PrivateDropbear::start),
  /**
   * A private tinysshd under tcpserver (Debian's {@code tinysshd} and {@code ucspi-tcp}): one
   * session channel per connection, closed when it ends.
   */
  TINYSSH("tinyssh", PrivateTinySshd::unavailableReason, PrivateTinySshd::start);

  private final String displayName;
  private final Supplier<Optional<String>> unavailableReason;
  private final Supplier<TestServer> starter;

  ServerKind(
      String displayName,
      Supplier<Optional<String>> unavailableReason,
      Supplier<TestServer> starter) {
    this.displayName = displayName;
    this.unavailableReason = unavailableReason;
    this.starter = starter;
  }

  /**
   * @return the name in test reports, also what the server's {@link TestServer#kind()} returns
   */
  public String displayName() {
    return displayName;
  }

  /**
   * @return what is missing on this machine to start the server and how to install it, or empty
   */
  public Optional<String> unavailableReason() {
    return unavailableReason.get();
  }

  /**
   * Starts a server of this kind; the caller closes it.
   *
   * @throws IllegalStateException if it is not installed or does not come up
   */
  public TestServer start() {
    return starter.get();
  }

  /**
   * Skips the calling test if the server's programs are not installed, or fails it when {@code
   * CI=true}.
   */
  public void assumeAvailable() {
    Optional<String> missing = unavailableReason();
    if (missing.isEmpty()) {
      return;
    }
    if (requiredEverywhere()) {
      Assertions.fail(missing.get() + " (required when CI=true)");
    }
    Assumptions.assumeTrue(false, missing.get());
  }

  /**
   * @return whether a missing server fails tests rather than skipping them ({@code CI=true})
   */
  static boolean requiredEverywhere() {
    return "true".equals(System.getenv("CI"));
  }

  private static TestServer startEmbedded() {
    try {
      return EmbeddedSshServer.builder().build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
