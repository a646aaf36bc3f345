package io.github.gatlingssh.testkit.openssh;

/** Private key file formats that {@link PrivateSshd#generateUserKey} can write. */
public enum KeyFormat {
  /** {@code -----BEGIN OPENSSH PRIVATE KEY-----}, ssh-keygen's default. */
  OPENSSH,
  /**
   * Legacy PEM ({@code ssh-keygen -m PEM}): {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC
   * PRIVATE KEY}. Not available for Ed25519: OpenSSH then silently writes its own format, so
   * generation fails instead.
   */
  PEM
}
