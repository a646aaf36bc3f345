package io.github.gatlingssh.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How host keys are checked, as configured: against a known_hosts file (default {@code
 * ~/.ssh/known_hosts}), against pinned fingerprints, or not at all (explicit opt-out).
 *
 * @param knownHosts null for the default file (only with {@link Mode#KNOWN_HOSTS})
 */
public record HostKeyVerification(Mode mode, Path knownHosts, List<String> fingerprints) {
  /** What host keys are checked against. */
  public enum Mode {
    KNOWN_HOSTS,
    FINGERPRINTS,
    ACCEPT_ANY
  }

  /** The default known_hosts file. */
  public static final HostKeyVerification DEFAULT =
      new HostKeyVerification(Mode.KNOWN_HOSTS, null, List.of());

  /** Copies the fingerprints. */
  public HostKeyVerification {
    fingerprints = List.copyOf(fingerprints);
  }

  /** Against this known_hosts file. */
  public static HostKeyVerification knownHosts(Path file) {
    return new HostKeyVerification(Mode.KNOWN_HOSTS, file, List.of());
  }

  /** Against these fingerprints ({@code SHA256:...}). */
  public static HostKeyVerification fingerprints(List<String> fingerprints) {
    return new HostKeyVerification(Mode.FINGERPRINTS, null, fingerprints);
  }

  /** No verification. */
  public static HostKeyVerification acceptAny() {
    return new HostKeyVerification(Mode.ACCEPT_ANY, null, List.of());
  }

  /** {@code ~/.ssh/known_hosts} of the user running the JVM. */
  public static Path defaultKnownHosts() {
    return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
  }

  /** Fails, saying how to fix it, when a known_hosts file that was named does not exist. */
  void validate() {
    if (mode == Mode.KNOWN_HOSTS && knownHosts != null && !Files.isRegularFile(knownHosts)) {
      throw SshProtocol.invalid(
          "known_hosts file "
              + knownHosts.toAbsolutePath()
              + " does not exist: create it"
              + " (ssh-keyscan -p PORT HOST > FILE), or use hostKeyFingerprint(\"SHA256:...\") or acceptAnyHostKey()");
    }
  }
}
