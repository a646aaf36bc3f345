package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.protocol.HostKeyVerification;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How {@link SshProtocolBuilder} trusts the server's host key, checked when the simulation is
 * built.
 */
final class HostKeys {
  private HostKeys() {}

  static UnaryOperator<SshProtocol> knownHosts(String path) {
    HostKeyVerification v =
        HostKeyVerification.knownHosts(
            Path.of(ProtocolChecks.requireText(path, "knownHosts path")));
    return s -> s.withHostKeys(v);
  }

  static UnaryOperator<SshProtocol> fingerprints(String... fingerprints) {
    if (fingerprints.length == 0) {
      throw new IllegalArgumentException(
          "hostKeyFingerprint(..) needs at least one fingerprint, e.g. \"SHA256:...\"");
    }
    HostKeyVerification v = HostKeyVerification.fingerprints(List.of(fingerprints));
    return s -> s.withHostKeys(v);
  }

  static UnaryOperator<SshProtocol> acceptAny() {
    return s -> s.withHostKeys(HostKeyVerification.acceptAny());
  }
}
