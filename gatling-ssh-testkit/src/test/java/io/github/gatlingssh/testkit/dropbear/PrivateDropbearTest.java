package io.github.gatlingssh.testkit.dropbear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.KeyLoginClient;
import io.github.gatlingssh.testkit.junit.ServerKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@link PrivateDropbear} runs with: key logins only, and Dropbear's unauth limit. */
class PrivateDropbearTest {

  private static PrivateDropbear server;

  @BeforeAll
  static void start() {
    ServerKind.DROPBEAR.assumeAvailable();
    server = PrivateDropbear.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keyLoginIsLoggedAndPasswordLoginsAreOff() throws Exception {
    try (KeyLoginClient client = new KeyLoginClient(server);
        ClientSession session = client.login()) {
      assertThat(KeyLoginClient.exec(session, "true").exitStatus()).isZero();
    }
    assertThat(server.password()).isEmpty();
    assertThat(server.log()).contains("Pubkey auth succeeded for '" + server.username() + "'");

    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(
            RejectAllServerKeyVerifier.INSTANCE, server.knownHostsFile()));
    client.start();
    try (ClientSession session =
        client
            .connect(server.username(), server.host(), server.port())
            .verify(KeyLoginClient.TIMEOUT)
            .getClientSession()) {
      session.addPasswordIdentity("anything");
      assertThatThrownBy(() -> session.auth().verify(KeyLoginClient.TIMEOUT))
          .hasMessageContaining("No more authentication methods available");
    } finally {
      client.stop();
    }
  }

  /**
   * MAX_UNAUTH_PER_IP (5): with five connections from 127.0.0.1 that have not authenticated, a
   * sixth is closed before Dropbear sends its banner.
   */
  @Test
  void sixthUnauthenticatedConnectionIsClosedBeforeTheBanner() throws IOException {
    List<Socket> waiting = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        Socket socket = connect();
        waiting.add(socket);
        assertThat(readLine(socket)).startsWith("SSH-2.0-dropbear");
      }
      try (Socket sixth = connect()) {
        assertThat(readLine(sixth)).as(server.log()).isEmpty();
      }
    } finally {
      for (Socket socket : waiting) {
        socket.close();
      }
      awaitNoConnections(); // so that the other tests' logins are not over the limit
    }
  }

  private static void awaitNoConnections() {
    long deadline = System.nanoTime() + KeyLoginClient.TIMEOUT.toNanos();
    ProcessHandle listener = ProcessHandle.of(server.pid()).orElseThrow();
    while (listener.children().findAny().isPresent() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
    socket.setSoTimeout((int) KeyLoginClient.TIMEOUT.toMillis());
    return socket;
  }

  /** The first line the server sends, "" if it closes first. */
  private static String readLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().strip();
  }
}
