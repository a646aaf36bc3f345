package io.github.gatlingssh.testkit.dropbear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.KeyLoginClient;
import io.github.gatlingssh.testkit.junit.ClassServer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@link PrivateDropbear} runs with: key logins only, and Dropbear's unauth limit. */
class PrivateDropbearTest {

  @RegisterExtension
  static final ClassServer<PrivateDropbear> SERVER =
      ClassServer.of(ServerKind.DROPBEAR, PrivateDropbear::start);

  @Test
  void keyLoginIsLoggedAndPasswordLoginsAreOff() throws Exception {
    try (KeyLoginClient client = new KeyLoginClient(SERVER.get());
        ClientSession session = client.login()) {
      assertThat(KeyLoginClient.exec(session, "true").exitStatus()).isZero();
    }
    assertThat(SERVER.get().password()).isEmpty();
    assertThat(SERVER.get().log())
        .contains("Pubkey auth succeeded for '" + SERVER.get().username() + "'");

    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(
            RejectAllServerKeyVerifier.INSTANCE, SERVER.get().knownHostsFile()));
    client.start();
    try (ClientSession session =
        client
            .connect(SERVER.get().username(), SERVER.get().host(), SERVER.get().port())
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
        assertThat(readLine(sixth)).as(SERVER.get().log()).isEmpty();
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
    ProcessHandle listener = ProcessHandle.of(SERVER.get().pid()).orElseThrow();
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
    socket.connect(new InetSocketAddress(SERVER.get().host(), SERVER.get().port()), 10_000);
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
