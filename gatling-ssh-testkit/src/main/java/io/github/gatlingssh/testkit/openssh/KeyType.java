package io.github.gatlingssh.testkit.openssh;

import java.util.List;
import java.util.Locale;

/** SSH key types that {@link PrivateSshd} can generate, for host keys and user keys. */
public enum KeyType {
  /** Ed25519, the default for user keys. */
  ED25519("ssh-ed25519"),
  /** ECDSA on NIST P-256 (ssh-keygen's default size). */
  ECDSA("ecdsa-sha2-nistp256"),
  /** RSA with ssh-keygen's default size (3072 bits); signs with rsa-sha2-512/256. */
  RSA("ssh-rsa", "rsa-sha2-512", "rsa-sha2-256");

  /** The key type name first, then the other signature algorithms of the key type. */
  private final List<String> algorithmNames;

  KeyType(String... algorithmNames) {
    this.algorithmNames = List.of(algorithmNames);
  }

  /** The {@code ssh-keygen -t} argument, e.g. {@code ed25519}: the constant's name. */
  public String keygenName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The key type name used in public key files and known_hosts, e.g. {@code ssh-ed25519}. */
  public String sshName() {
    return algorithmNames.get(0);
  }

  /**
   * Finds a key type by its ssh-keygen name ({@code rsa}), its key type name ({@code ssh-rsa}), a
   * signature algorithm name ({@code rsa-sha2-512}) or the enum name, ignoring case.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static KeyType of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (KeyType type : values()) {
      if (type.keygenName().equals(n) || type.algorithmNames.contains(n)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown key type '" + name + "'; expected ed25519, ecdsa or rsa");
  }
}
