package io.github.gatlingssh.client.hostkey;

import io.github.gatlingssh.client.SshFailure;
import java.security.PublicKey;

/**
 * Decides whether a server's host key is trusted. Implementations are immutable and thread-safe:
 * they run on MINA's I/O threads during key exchange and must not block (no file I/O).
 */
public interface HostKeyPolicy {

  /**
   * @return {@code null} when the key is trusted, else why not (step {@link
   *     SshFailure.Step#HOST_KEY})
   */
  SshFailure verify(String host, int port, PublicKey serverKey);

  /**
   * The host key types this policy already knows for the host (e.g. "ssh-ed25519"), which the
   * client then proposes first, as OpenSSH does; empty when it has no preference.
   */
  default java.util.List<String> knownKeyTypes(String host, int port) {
    return java.util.List.of();
  }

  /** Accepts any host key: the explicit opt-out of verification. */
  HostKeyPolicy ACCEPT_ANY = (host, port, key) -> null;
}
