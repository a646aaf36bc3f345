package io.github.gatlingssh.testkit.junit;

/**
 * What a JUnit test does when OpenSSH is not installed: it is skipped, or it fails when the
 * environment variable {@code CI} is {@code true}, because CI must run the OpenSSH tests. The same
 * for any server: {@link ServerKind#assumeAvailable()}.
 */
public final class OpenSshRequirement {

  private OpenSshRequirement() {}

  /**
   * Skips the calling test if OpenSSH's sshd or ssh-keygen is not installed, or fails it when
   * {@code CI=true}.
   */
  public static void assumeAvailable() {
    ServerKind.OPENSSH.assumeAvailable();
  }
}
