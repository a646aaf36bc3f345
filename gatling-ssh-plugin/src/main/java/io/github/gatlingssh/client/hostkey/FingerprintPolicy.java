package io.github.gatlingssh.client.hostkey;

import io.github.gatlingssh.client.SshFailure;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Trusts exactly the host keys whose fingerprints were pinned ({@code SHA256:...} as OpenSSH prints
 * them, or {@code MD5:xx:xx:...}), whatever the host.
 */
public final class FingerprintPolicy implements HostKeyPolicy {
  private final List<String> fingerprints;

  /**
   * @param fingerprints one or more, as {@code ssh-keygen -lf} prints them
   * @throws IllegalArgumentException when empty or not in OpenSSH's format, saying which format
   */
  public FingerprintPolicy(List<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("at least one host key fingerprint is needed");
    }
    for (String f : fingerprints) {
      String lower = f.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("sha256:")
          && !lower.startsWith("md5:")
          && !lower.startsWith("sha512:")) {
        throw new IllegalArgumentException(
            "host key fingerprint '"
                + f
                + "' must look like OpenSSH's: SHA256:... (ssh-keygen -lf <key.pub>) or MD5:xx:xx:...");
      }
    }
    this.fingerprints = List.copyOf(fingerprints);
  }

  @Override
  public SshFailure verify(String host, int port, PublicKey serverKey) {
    for (String expected : fingerprints) {
      if (KeyUtils.checkFingerPrint(expected, serverKey).getKey()) {
        return null;
      }
    }
    String hostName = port == 22 ? host : "[" + host + "]:" + port;
    return new SshFailure(
        SshFailure.Step.HOST_KEY,
        "host key of "
            + hostName
            + ", "
            + KeyUtils.getKeyType(serverKey)
            + " "
            + KeyUtils.getFingerPrint(serverKey)
            + ", matches no pinned hostKeyFingerprint(..)");
  }

  @Override
  public String toString() {
    return "FingerprintPolicy" + fingerprints;
  }
}
