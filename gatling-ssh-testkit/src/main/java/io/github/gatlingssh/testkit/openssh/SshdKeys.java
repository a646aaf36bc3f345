package io.github.gatlingssh.testkit.openssh;

import java.nio.file.Path;
import java.util.List;

/**
 * The keys of one {@link PrivateSshd}: its host keys with the known_hosts file that lists them, and
 * the user keys with the authorized_keys file sshd reads, starting with one authorized Ed25519 key.
 */
final class SshdKeys {

  private final List<HostKeys.HostKey> hostKeys;
  private final Path authorizedKeys;
  private final Path knownHosts;
  private final UserKeys userKeys;
  private final Path userKey;

  /**
   * Installs the host keys in {@code dir}, an empty authorized_keys and the default user key.
   *
   * @param freshHostKeys whether the server gets host keys of its own instead of the JVM's shared
   */
  SshdKeys(Path dir, boolean freshHostKeys) {
    this.hostKeys = HostKeys.install(dir, freshHostKeys);
    this.authorizedKeys = dir.resolve("authorized_keys");
    this.knownHosts = dir.resolve("known_hosts");
    ServerDirectory.writeReadable(authorizedKeys, new byte[0]);
    this.userKeys = new UserKeys(dir, authorizedKeys);
    this.userKey = userKeys.generate(KeyType.ED25519, KeyFormat.OPENSSH, null, true);
  }

  List<HostKeys.HostKey> hostKeys() {
    return hostKeys;
  }

  Path authorizedKeys() {
    return authorizedKeys;
  }

  Path knownHosts() {
    return knownHosts;
  }

  /** The default user key: unencrypted Ed25519, OpenSSH format, authorized. */
  Path userKey() {
    return userKey;
  }

  /** Generates (and authorizes) further user keys. */
  UserKeys userKeys() {
    return userKeys;
  }

  /** (Re)writes known_hosts with one {@code [host]:port} line per host key. */
  void writeKnownHosts(String host, int port) {
    HostKeys.writeKnownHosts(knownHosts, host, port, hostKeys);
  }

  /** The public host key of {@code type} as {@code <type> <base64>}. */
  String hostPublicKey(KeyType type) {
    return hostKeys.stream()
        .filter(k -> k.type() == type)
        .findFirst()
        .orElseThrow()
        .publicKeyLine();
  }
}
