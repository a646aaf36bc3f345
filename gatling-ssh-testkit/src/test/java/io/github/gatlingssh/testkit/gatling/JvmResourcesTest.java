package io.github.gatlingssh.testkit.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.apache.sshd.client.SshClient;
import org.junit.jupiter.api.Test;

/** The leak detectors detect: an open client socket, a running MINA client. */
class JvmResourcesTest {

  @Test
  void seesAnOpenClientSocketAndNotAClosedOne() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = listener.getLocalPort();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
          Socket accepted = listener.accept()) {
        assertThat(JvmResources.clientSocketsTo(port)).hasSize(1);
      }
      assertThat(JvmResources.clientSocketsTo(port)).isEmpty();
    }
  }

  @Test
  void seesTheThreadsOfARunningMinaClient() {
    SshClient client = SshClient.setUpDefaultClient();
    client.start();
    try {
      client.connect("u", "127.0.0.1", 1); // starts the client's I/O threads
    } catch (Exception ignored) {
      // refused: irrelevant here
    }
    assertThat(JvmResources.clientMinaThreads()).isNotEmpty();
    client.stop();
  }
}
