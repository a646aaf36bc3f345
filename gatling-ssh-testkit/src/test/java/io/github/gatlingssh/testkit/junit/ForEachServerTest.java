package io.github.gatlingssh.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.KeyLoginClient;
import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link ForEachServer} with its default servers and with servers a test chooses. */
class ForEachServerTest {

  /** The server each kind got, per test method: the class shares one server per kind. */
  private static final Map<String, TestServer> FIRST_SEEN = new ConcurrentHashMap<>();

  @Test
  void defaultIsTheEmbeddedServerAndOpenSsh() throws Exception {
    assertThat(
            TestServers.kinds(
                getClass().getDeclaredMethod("runsAgainstDefaults", TestServer.class)))
        .containsExactly(ServerKind.EMBEDDED, ServerKind.OPENSSH);
    assertThat(TestServers.kinds(getClass().getDeclaredMethod("catsTheSeedFile", TestServer.class)))
        .containsExactly(
            ServerKind.EMBEDDED, ServerKind.OPENSSH, ServerKind.DROPBEAR, ServerKind.TINYSSH);
  }

  @ForEachServer
  void runsAgainstDefaults(TestServer server) {
    assertThat(server.kind()).isIn("embedded", "openssh");
    assertThat(FIRST_SEEN.computeIfAbsent(server.kind(), k -> server)).isSameAs(server);
  }

  @ForEachServer({ServerKind.EMBEDDED, ServerKind.OPENSSH, ServerKind.DROPBEAR, ServerKind.TINYSSH})
  void catsTheSeedFile(TestServer server) throws Exception {
    try (KeyLoginClient client = new KeyLoginClient(server);
        ClientSession session = client.login()) {
      KeyLoginClient.Result cat = KeyLoginClient.exec(session, "cat " + server.seedFile());

      assertThat(cat.stdout()).hasSize(26_640).isEqualTo(SeedFile.content());
      assertThat(cat.exitStatus()).isZero();
      assertThat(client.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
      assertThat(Files.readString(server.knownHostsFile()))
          .contains("[127.0.0.1]:" + server.port() + " ssh-ed25519 ");
    }
    assertThat(FIRST_SEEN.computeIfAbsent(server.kind(), k -> server)).isSameAs(server);
  }

  @ForEachServer({ServerKind.TINYSSH, ServerKind.DROPBEAR})
  void runsInTheOrderGiven(TestServer server) {
    assertThat(server.kind()).isIn("tinyssh", "dropbear");
    assertThat(FIRST_SEEN.computeIfAbsent(server.kind(), k -> server)).isSameAs(server);
  }

  @AfterAll
  static void everyKindRan() {
    assertThat(FIRST_SEEN.keySet()).isNotEmpty();
    FIRST_SEEN.clear();
  }
}
