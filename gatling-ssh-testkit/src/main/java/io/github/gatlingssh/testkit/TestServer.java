package io.github.gatlingssh.testkit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An SSH server started for a test: the embedded server in this JVM ({@code
 * testkit.embedded.EmbeddedSshServer}), a private OpenSSH {@code sshd} ({@code
 * testkit.openssh.PrivateSshd}), a private Dropbear ({@code testkit.dropbear.PrivateDropbear}) or a
 * private tinysshd ({@code testkit.tinyssh.PrivateTinySshd}). All name the same facts the same way,
 * so a behaviour test can run against any of them (see {@code testkit.junit.ForEachServer}).
 */
public interface TestServer extends AutoCloseable {

  /**
   * @return a short name for test reports: {@code embedded}, {@code openssh}, {@code dropbear} or
   *     {@code tinyssh}
   */
  String kind();

  /**
   * @return the address the server listens on, {@code 127.0.0.1}
   */
  String host();

  /**
   * @return the TCP port the server listens on
   */
  int port();

  /**
   * @return the account to log in as
   */
  String username();

  /**
   * @return an unencrypted OpenSSH-format private key authorized for {@link #username()}, with its
   *     public key next to it as {@code <file>.pub}
   */
  Path userKey();

  /**
   * @return the password accepted for {@link #username()}, empty if password logins are off. Do not
   *     log it
   */
  Optional<String> password();

  /**
   * @return the SHA-256 fingerprint of the server's Ed25519 host key as {@code ssh-keygen -lf}
   *     prints it, {@code SHA256:...}
   */
  String hostKeyFingerprint();

  /**
   * @return a known_hosts file with a {@code [127.0.0.1]:PORT} line for each of the server's host
   *     keys
   */
  Path knownHostsFile();

  /**
   * @return a directory the login user can read, holding the files of {@link #createDataFile}
   */
  Path dataDir();

  /**
   * Writes a file the login user can read under {@link #dataDir()}, replacing any previous one.
   *
   * @param name a relative file name
   * @param content the content
   * @return its absolute path, as {@code cat} on the server takes it
   */
  Path createDataFile(String name, byte[] content);

  /**
   * @return the absolute path of the reference workload file on the server ({@code
   *     testkit.embedded.SeedFile}: 333 lines of 80 bytes)
   */
  Path seedFile();

  /**
   * Simulates a crash of the server: drops every connection without SSH_MSG_DISCONNECT and refuses
   * new ones.
   */
  void kill();

  /** Stops the server and deletes its files. Idempotent; does not throw. */
  @Override
  void close();
}
