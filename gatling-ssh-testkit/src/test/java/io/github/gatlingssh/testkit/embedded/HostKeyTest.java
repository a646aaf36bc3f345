package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.junit.ClassServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's host key: its type, its fingerprint, and a client that pins it. */
class HostKeyTest {

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> SERVER =
      ClassServer.embedded(EmbeddedSshServer.builder());

  @Test
  void hostKeyIsEd25519() {
    assertThat(KeyUtils.getKeyType(SERVER.get().hostKey())).isEqualTo("ssh-ed25519");
    assertThat(SERVER.get().hostKeyFingerprint()).startsWith("SHA256:").doesNotEndWith("=");
    assertThat(SERVER.get().knownHostsLine())
        .matches("\\[127\\.0\\.0\\.1]:" + SERVER.get().port() + " ssh-ed25519 AAAA\\S+");
  }

  @Test
  void fingerprintMatchesSshKeygen(@TempDir Path tmp) throws Exception {
    Path pub =
        Files.writeString(
            tmp.resolve("host.pub"), SERVER.get().knownHostsLine().split(" ", 2)[1] + "\n");
    String out =
        OpenSshTools.run(tmp, "ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).stdout();
    assertThat(out.split(" ")[1]).isEqualTo(SERVER.get().hostKeyFingerprint());
  }

  @Test
  void knownHostsLineVerifiesTheServerStrictly() throws IOException {
    Path knownHosts = SERVER.get().knownHostsFile();
    KnownHostsServerKeyVerifier verifier =
        new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
    try (TestClient client = new TestClient(SERVER.get(), verifier)) {
      assertThat(client.run("echo verified").out()).isEqualTo("verified\n");
    }
    assertThat(Files.readAllLines(knownHosts)).containsExactly(SERVER.get().knownHostsLine());
  }

  @Test
  void anotherServersKeyIsRejected(@TempDir Path tmp) throws IOException {
    try (EmbeddedSshServer other = EmbeddedSshServer.builder().build().start()) {
      // the other server's key, filed under this server's address
      String line =
          SERVER.get().knownHostsLine().split(" ", 2)[0]
              + " "
              + other.knownHostsLine().split(" ", 2)[1];
      Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), line + "\n");
      KnownHostsServerKeyVerifier verifier =
          new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
      try (TestClient client = new TestClient(SERVER.get(), verifier)) {
        assertThatThrownBy(() -> client.run("true")).isInstanceOf(SshException.class);
      }
    }
  }
}
