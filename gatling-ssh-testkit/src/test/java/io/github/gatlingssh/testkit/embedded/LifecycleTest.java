package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LifecycleTest {

  private static final Logger LOG = LoggerFactory.getLogger(LifecycleTest.class);

  @Test
  void startsQuicklyOnAnEphemeralLoopbackPort() throws IOException {
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start()) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Embedded SSH server start #{} took {} ms", i + 1, took.toMillis());
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
      }
    }
  }

  @Test
  void bindsAGivenPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().port(port).build().start();
        TestClient client = new TestClient(server)) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(server.knownHostsLine()).startsWith("[127.0.0.1]:" + port + " ");
      assertThat(client.run("echo up").out()).isEqualTo("up\n");
    }
  }

  /** MINA threads other than the JVM-wide {@code sshd-kex-flusher} pool. */
  private static Set<String> minaThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("sshd-") && !n.startsWith("sshd-kex-flusher"))
        .collect(Collectors.toSet());
  }

  @Test
  void closeReleasesEverythingAndIsIdempotent() throws Exception {
    Set<String> before = minaThreads();
    EmbeddedSshServer server = EmbeddedSshServer.builder().password("pw").build().start();
    Path dir = server.dataDir();
    int port = server.port();
    try (TestClient client = new TestClient(server)) {
      assertThat(client.run("cat " + server.seedFile()).stdout()).hasSize(SeedFile.SIZE);
      // leave commands running: a pending timer, a hanging command and an open connection
      ClientSession session = client.login();
      ChannelExec sleeping = session.createExecChannel("sleep 3600");
      sleeping.open().verify(TestClient.TIMEOUT);
      ChannelExec hanging = session.createExecChannel("hang");
      hanging.open().verify(TestClient.TIMEOUT);
      assertThat(ServerThreads.names(server)).isNotEmpty();
      assertThat(server.activeSessionCount()).isEqualTo(1);

      long start = System.nanoTime();
      server.close();
      LOG.info(
          "Embedded SSH server close took {} ms",
          Duration.ofNanos(System.nanoTime() - start).toMillis());
      server.close();

      assertThat(ServerThreads.names(server)).isEmpty();
      assertThat(dir).doesNotExist();
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
              })
          .isInstanceOf(IOException.class);
      assertThatThrownBy(server::port)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("closed");
      assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }
    // with the test's client stopped too, no MINA thread is left over (the client's end a bit
    // later)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!before.containsAll(minaThreads()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(minaThreads()).isSubsetOf(before);
  }

  @Test
  void dataFilesLiveInThePrivateDirectory() throws IOException {
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start()) {
      Path file = server.createDataFile("data.bin", new byte[] {1, 2, 3});
      assertThat(file)
          .isAbsolute()
          .hasParentRaw(server.dataDir())
          .hasBinaryContent(new byte[] {1, 2, 3});
      assertThat(server.seedFile()).hasParentRaw(server.dataDir());
      assertThat(Files.size(server.seedFile())).isEqualTo(SeedFile.SIZE);
      assertThat(Files.getPosixFilePermissions(server.dataDir()))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
              java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
      assertThatThrownBy(() -> server.createDataFile("../escape", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> server.createDataFile("sub/x", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void notStartedServerRefusesAccessors() {
    EmbeddedSshServer server = EmbeddedSshServer.builder().build();
    assertThatThrownBy(server::port)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not started");
    server.close();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }
}
