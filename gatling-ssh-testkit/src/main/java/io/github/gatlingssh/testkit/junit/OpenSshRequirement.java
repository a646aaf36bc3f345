package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a JUnit test does when OpenSSH is not installed: it is skipped, or it fails when the
 * environment variable {@code CI} is {@code true}, because CI must run the OpenSSH tests.
 */
public final class OpenSshRequirement {

  private OpenSshRequirement() {}

  /**
   * Skips the calling test if OpenSSH's sshd or ssh-keygen is not installed, or fails it when
   * {@code CI=true}.
   */
  public static void assumeAvailable() {
    Optional<String> missing = PrivateSshd.unavailableReason();
    if (missing.isEmpty()) {
      return;
    }
    if (required()) {
      Assertions.fail(missing.get() + " (required when CI=true)");
    }
    Assumptions.assumeTrue(false, missing.get());
  }

  /**
   * @return whether a missing OpenSSH fails tests rather than skipping them ({@code CI=true})
   */
  static boolean required() {
    return "true".equals(System.getenv("CI"));
  }
}
