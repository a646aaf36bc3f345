package io.github.gatlingssh.protocol;

import java.nio.file.Path;
import java.util.List;

/**
 * How host keys are checked, as configured: against a known_hosts file (default
 * {@code ~/.ssh/known_hosts}), against pinned fingerprints, or not at all (explicit opt-out).
 */
public record HostKeyVerification(Mode mode, Path knownHosts, List<String> fingerprints) {
  public enum Mode { KNOWN_HOSTS, FINGERPRINTS, ACCEPT_ANY }

  public static final HostKeyVerification DEFAULT = new HostKeyVerification(Mode.KNOWN_HOSTS, null, List.of());

  public HostKeyVerification {
    fingerprints = List.copyOf(fingerprints);
  }

  public static Path defaultKnownHosts() {
    return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
  }
}
