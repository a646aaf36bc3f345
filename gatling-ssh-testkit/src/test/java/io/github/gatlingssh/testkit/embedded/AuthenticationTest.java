package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String PASSWORD = "s3cret-pw";

  private static KeyPair extraKey;
  private static EmbeddedSshServer server;
  private static TestClient client;

  @BeforeAll
  static void start() throws IOException, GeneralSecurityException {
    extraKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    server =
        EmbeddedSshServer.builder()
            .username("loadtester")
            .password(PASSWORD)
            .authorizedKey(extraKey.getPublic())
            .build()
            .start();
    client = new TestClient(server);
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
  }

  private boolean authenticate(String user, String password, KeyPair key) throws IOException {
    try (ClientSession session =
        client
            .client
            .connect(user, server.host(), server.port())
            .verify(TestClient.TIMEOUT)
            .getClientSession()) {
      if (password != null) {
        session.addPasswordIdentity(password);
      }
      if (key != null) {
        session.addPublicKeyIdentity(key);
      }
      try {
        return session.auth().verify(TestClient.TIMEOUT).isSuccess();
      } catch (SshException e) {
        return false;
      }
    }
  }

  @Test
  void passwordOfTheConfiguredUserIsAccepted() throws IOException {
    assertThat(authenticate("loadtester", PASSWORD, null)).isTrue();
  }

  @Test
  void wrongPasswordOrUserIsRefused() throws IOException {
    assertThat(authenticate("loadtester", "wrong", null)).isFalse();
    assertThat(authenticate("loadtester", PASSWORD + " ", null)).isFalse();
    assertThat(authenticate("root", PASSWORD, null)).isFalse();
  }

  @Test
  void generatedClientKeyIsAccepted() throws IOException {
    assertThat(authenticate("loadtester", null, server.userKeyPair())).isTrue();
    assertThat(authenticate("root", null, server.userKeyPair())).isFalse();
  }

  @Test
  void clientKeyFileCanBeReadBackByMina() throws IOException, GeneralSecurityException {
    Path file = server.userKey();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    KeyPair loaded;
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), in, FilePasswordProvider.EMPTY);
      loaded = pairs.iterator().next();
    }
    assertThat(KeyUtils.getKeyType(loaded)).isEqualTo("ssh-ed25519");
    // the public halves must be equal; the private half is proven by logging in with it below
    // (KeyUtils.compareKeyPairs answers false for Ed25519 pairs since the switch to BouncyCastle:
    // it compares the private keys' objects, not what they sign)
    assertThat(KeyUtils.compareKeys(loaded.getPublic(), server.userKeyPair().getPublic())).isTrue();
    assertThat(loaded.getPrivate().getAlgorithm()).isIn("EdDSA", "Ed25519");
    assertThat(authenticate("loadtester", null, loaded)).isTrue();
    assertThat(Files.readString(Path.of(file + ".pub")))
        .startsWith(PublicKeyEntry.toString(server.userKeyPair().getPublic()) + " ");
  }

  @Test
  void builderAuthorizedKeyIsAcceptedAndUnknownKeyRefused()
      throws IOException, GeneralSecurityException {
    assertThat(authenticate("loadtester", null, extraKey)).isTrue();
    KeyPair stranger = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    assertThat(authenticate("loadtester", null, stranger)).isFalse();
    KeyPair rsa = KeyUtils.generateKeyPair("ssh-rsa", 2048);
    assertThat(authenticate("loadtester", null, rsa)).isFalse();
  }

  @Test
  void passwordAuthenticationIsOffWithoutPassword() throws IOException {
    try (EmbeddedSshServer keyOnly = EmbeddedSshServer.builder().build().start();
        TestClient keyClient = new TestClient(keyOnly)) {
      assertThat(keyOnly.password()).isEmpty();
      try (ClientSession session = keyClient.connect()) {
        session.addPasswordIdentity("anything");
        assertThatThrownBy(() -> session.auth().verify(TestClient.TIMEOUT))
            .isInstanceOf(SshException.class);
      }
      assertThat(keyClient.run("echo key").out()).isEqualTo("key\n");
    }
  }
}
