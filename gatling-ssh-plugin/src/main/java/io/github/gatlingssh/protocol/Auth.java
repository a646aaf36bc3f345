package io.github.gatlingssh.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the virtual user authenticates: a password, a private key, or both (either may be EL). The
 * only group that holds secrets: its {@link #toString()} masks them, and so does every string built
 * from it.
 *
 * @param password null when not set
 * @param privateKey null when not set
 */
public record Auth(Param<String> password, PrivateKey privateKey) {
  /** No credential yet. */
  public static final Auth NONE = new Auth(null, null);

  /** A private key file and its optional passphrase (either may be EL). */
  public record PrivateKey(Param<String> path, Param<String> passphrase) {
    @Override
    public String toString() {
      return "PrivateKey[" + path + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
  }

  /** A copy with this password. */
  public Auth withPassword(Param<String> value) {
    return new Auth(value, privateKey);
  }

  /** A copy with this private key. */
  public Auth withPrivateKey(PrivateKey value) {
    return new Auth(password, value);
  }

  /**
   * Fails, saying what to set, without a credential or when a key file named by a plain path is
   * missing; a path in EL is checked per user, when the key is loaded.
   */
  void validate() {
    if (password == null && privateKey == null) {
      throw SshProtocol.invalid("no credential: set .privateKey(\"/path/to/id_ed25519\") or .password(\"...\")");
    }
    if (privateKey != null) {
      privateKey.path().staticValue().ifPresent(p -> {
        Path path = Path.of(p);
        if (!Files.isRegularFile(path)) {
          throw SshProtocol.invalid("private key file " + path.toAbsolutePath() + " does not exist: fix .privateKey(..)");
        }
        if (!Files.isReadable(path)) {
          throw SshProtocol.invalid("private key file " + path.toAbsolutePath() + " is not readable by this user");
        }
      });
    }
  }

  @Override
  public String toString() {
    return "Auth[password=" + (password == null ? "none" : "***") + ", privateKey=" + privateKey + "]";
  }
}
