package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The user keys of one {@link PrivateSshd}: generated with ssh-keygen, listed in authorized_keys.
 */
final class UserKeys {

  private final Path dir;
  private final Path authorizedKeys;
  private final AtomicInteger counter = new AtomicInteger();

  /** Keys go to {@code dir}; {@code authorizedKeys} must exist (it may be empty). */
  UserKeys(Path dir, Path authorizedKeys) {
    this.dir = dir;
    this.authorizedKeys = authorizedKeys;
  }

  /** See {@link PrivateSshd#generateUserKey(KeyType, KeyFormat, String, boolean)}. */
  Path generate(KeyType type, KeyFormat format, String passphrase, boolean authorize) {
    Path key =
        dir.resolve(
            "user_key_"
                + counter.getAndIncrement()
                + "_"
                + type.keygenName()
                + (format == KeyFormat.PEM ? "_pem" : ""));
    SshKeygen.generate(type, format, passphrase, key);
    if (authorize) {
      authorize(key);
    }
    return key;
  }

  /**
   * Adds the public key next to {@code privateKey} ({@code <privateKey>.pub}) to authorized_keys.
   */
  void authorize(Path privateKey) {
    String line = SshKeygen.publicKeyLine(privateKey) + "\n";
    synchronized (authorizedKeys) {
      try {
        Files.writeString(
            authorizedKeys, line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
