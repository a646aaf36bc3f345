package io.github.gatlingssh.simulations;

import static io.github.gatlingssh.javaapi.SshDsl.ssh;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The server a simulation targets.
 *
 * <ul>
 *   <li>With no {@code -Dssh.host}: an embedded SSH server (MINA, in this JVM, on a free loopback
 *       port) with in-JVM commands and the seed data file; it is stopped when the run ends. Host
 *       key verification stays on: the protocol pins the embedded server's generated host key.
 *   <li>With {@code -Dssh.host=.. -Dssh.port=.. -Dssh.username=..} and {@code -Dssh.privateKey=..}
 *       (optionally {@code -Dssh.passphrase=..}) or {@code -Dssh.password=..}: that server. Host
 *       keys are checked against {@code ~/.ssh/known_hosts}, or {@code -Dssh.knownHosts=..}, or
 *       {@code -Dssh.hostKeyFingerprint=SHA256:..}; {@code -Dssh.acceptAnyHostKey=true} opts out.
 *       The data file is {@code -Dssh.file=..}; on a loopback server it defaults to a generated
 *       copy of the seed file. {@code -Dssh.connectTimeout=30} (seconds) overrides the protocol's
 *       connect timeout (10 s).
 * </ul>
 *
 * @param protocol the protocol that reaches the server
 * @param dataFile the seed data file's path on the server
 * @param server the embedded server this JVM started and stops, or null for a server of its own
 */
record Target(SshProtocolBuilder protocol, String dataFile, EmbeddedSshServer server)
    implements AutoCloseable {
  /** The seed workload's file: 333 lines of 80 bytes. */
  static final int SEED_LINES = SeedFile.LINE_COUNT;

  static final int SEED_BYTES = SeedFile.SIZE;

  static Target fromSystemProperties() {
    return System.getProperty("ssh.host") == null ? embedded() : real();
  }

  private static Target embedded() {
    try {
      EmbeddedSshServer server = EmbeddedSshServer.builder().build().start();
      SshProtocolBuilder p =
          ssh.host(server.host())
              .port(server.port())
              .username(server.username())
              .privateKey(server.userKey().toString())
              .hostKeyFingerprint(server.hostKeyFingerprint());
      System.out.println(
          "gatling-ssh: no -Dssh.host given, targeting an embedded SSH server on "
              + server.host()
              + ":"
              + server.port());
      return new Target(p, server.seedFile().toString(), server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded SSH server", e);
    }
  }

  private static Target real() {
    String host = System.getProperty("ssh.host");
    SshProtocolBuilder p =
        ssh.host(host).port(Integer.getInteger("ssh.port", 22)).username(required("ssh.username"));
    String key = System.getProperty("ssh.privateKey");
    if (key != null) {
      String passphrase = System.getProperty("ssh.passphrase");
      p = passphrase == null ? p.privateKey(key) : p.privateKey(key, passphrase);
    }
    if (System.getProperty("ssh.password") != null) {
      p = p.password(System.getProperty("ssh.password"));
    }
    if (Boolean.getBoolean("ssh.acceptAnyHostKey")) {
      p = p.acceptAnyHostKey();
    } else if (System.getProperty("ssh.hostKeyFingerprint") != null) {
      p = p.hostKeyFingerprint(System.getProperty("ssh.hostKeyFingerprint"));
    } else if (System.getProperty("ssh.knownHosts") != null) {
      p = p.knownHosts(System.getProperty("ssh.knownHosts"));
    }
    Integer connectTimeout = Integer.getInteger("ssh.connectTimeout");
    if (connectTimeout != null) {
      p = p.connectTimeout(Duration.ofSeconds(connectTimeout));
    }
    String file = System.getProperty("ssh.file");
    if (file == null) {
      if (!isLoopback(host)) {
        throw new IllegalArgumentException(
            "set -Dssh.file=<path on the server> to a "
                + SEED_BYTES
                + "-byte file of "
                + SEED_LINES
                + " lines, e.g. made with: yes \"$(printf 'L%078d' 0)\" | head -n 333 > FILE");
      }
      file = localSeedFile().toString();
    }
    return new Target(p, file, null);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("-Dssh.host is set: set -D" + property + " too");
    }
    return value;
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** The seed file in the shared temp dir, world-readable, for a server on this machine. */
  private static Path localSeedFile() {
    try {
      Path file =
          Path.of(System.getProperty("java.io.tmpdir"), "gatling-ssh-seed-" + SEED_BYTES + ".txt");
      if (!Files.exists(file) || Files.size(file) != SEED_BYTES) {
        Files.write(file, SeedFile.content());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
