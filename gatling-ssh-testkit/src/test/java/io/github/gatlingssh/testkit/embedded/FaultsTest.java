package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded server's fault hooks, seen from a plain MINA client and from raw sockets. */
class FaultsTest {

  private static final Duration SHORT = Duration.ofSeconds(1);
  private static final Duration DELAY = Duration.ofMillis(700);

  /** What the client saw of one connection attempt. */
  private record Attempt(
      boolean keyEstablished, boolean authenticated, boolean open, List<String> disconnects) {}

  private static EmbeddedSshServer start(Faults faults) throws IOException {
    return EmbeddedSshServer.builder().customize(faults.injector()).build().start();
  }

  /** Connects and tries to log in within {@code wait}, recording what happened. */
  private static Attempt attempt(EmbeddedSshServer server, Duration wait) throws IOException {
    List<SessionListener.Event> events = new CopyOnWriteArrayList<>();
    try (TestClient tc = new TestClient(server)) {
      List<String> disconnects = disconnects(tc, true);
      tc.client.addSessionListener(
          new SessionListener() {
            @Override
            public void sessionEvent(Session s, Event event) {
              events.add(event);
            }
          });
      ClientSession session = tc.connect();
      session.addPublicKeyIdentity(server.userKeyPair());
      boolean authenticated;
      try {
        authenticated = session.auth().verify(wait).isSuccess();
      } catch (IOException | RuntimeException e) {
        authenticated = false;
      }
      // a connection the server dropped closes on the client's side soon after the failure
      boolean open =
          authenticated
              || !session
                  .waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), SHORT)
                  .contains(ClientSession.ClientSessionEvent.CLOSED);
      if (authenticated) {
        assertThat(TestClient.exec(session, "echo ok", null).out()).isEqualTo("ok\n");
      }
      return new Attempt(
          events.contains(SessionListener.Event.KeyEstablished), authenticated, open, disconnects);
    }
  }

  /**
   * Collects the messages of the SSH_MSG_DISCONNECTs the client's sessions see: only the server's
   * when {@code fromServerOnly}, else the client's own as well.
   */
  private static List<String> disconnects(TestClient tc, boolean fromServerOnly) {
    List<String> messages = new CopyOnWriteArrayList<>();
    tc.client.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionDisconnect(
              Session s, int reason, String msg, String language, boolean initiator) {
            if (!(fromServerOnly && initiator)) {
              messages.add(msg);
            }
          }
        });
    return messages;
  }

  private static Socket rawConnect(EmbeddedSshServer server) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(server.host(), server.port()), 5_000);
    return socket;
  }

  @Test
  void theBuilderValidates() {
    assertThat(Faults.none().isEmpty()).isTrue();
    assertThat(Faults.builder().build()).isSameAs(Faults.none());
    Faults faults = Faults.builder().close(Faults.Phase.KEX).stall(Faults.Phase.KEX).build();
    assertThat(faults.at(Faults.Phase.KEX))
        .contains(new Faults.Fault(Faults.Kind.STALL, Duration.ZERO));
    assertThat(faults.at(Faults.Phase.AUTH)).isEmpty();
    assertThatThrownBy(() -> Faults.builder().disconnect(Faults.Phase.BANNER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.builder().delay(Faults.Phase.AUTH, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStalledBannerKeepsTheConnectionOpenAndSilent() throws IOException {
    try (EmbeddedSshServer server = start(Faults.builder().stall(Faults.Phase.BANNER).build());
        Socket socket = rawConnect(server)) {
      socket.getOutputStream().write("SSH-2.0-probe\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout((int) SHORT.toMillis());
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(server.activeSessionCount()).isZero();
    }
  }

  @Test
  void aClosedBannerDropsTheConnectionBeforeAnyByte() throws IOException {
    try (EmbeddedSshServer server = start(Faults.builder().close(Faults.Phase.BANNER).build());
        Socket socket = rawConnect(server)) {
      socket.setSoTimeout(10_000);
      assertThat(readOrReset(socket.getInputStream())).isEqualTo(-1);
    }
  }

  @Test
  void aDelayedBannerComesLateThenEverythingWorks() throws IOException {
    try (EmbeddedSshServer server =
        start(Faults.builder().delay(Faults.Phase.BANNER, DELAY).build())) {
      try (Socket socket = rawConnect(server)) {
        socket.setSoTimeout(10_000);
        long start = System.nanoTime();
        int first = socket.getInputStream().read();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThan(DELAY.minusMillis(100));
        assertThat((char) first).isEqualTo('S');
      }
      long start = System.nanoTime();
      Attempt a = attempt(server, Duration.ofSeconds(10));
      assertThat(a.authenticated()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(DELAY.minusMillis(100));
    }
  }

  /**
   * Close at KEX drops the connection before the key exchange completes, at AUTH just after;
   * disconnect does the same but says why.
   */
  static Stream<Arguments> droppedConnections() {
    return Stream.of(Faults.Phase.KEX, Faults.Phase.AUTH)
        .flatMap(
            phase ->
                Stream.of(
                    Arguments.of(
                        Named.of("close at " + phase, Faults.builder().close(phase).build()),
                        phase,
                        List.of()),
                    Arguments.of(
                        Named.of(
                            "disconnect at " + phase, Faults.builder().disconnect(phase).build()),
                        phase,
                        List.of(Faults.DISCONNECT_MESSAGE))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("droppedConnections")
  void closeOrDisconnectDropsTheConnection(Faults faults, Faults.Phase phase, List<String> messages)
      throws IOException {
    try (EmbeddedSshServer server = start(faults)) {
      Attempt a = attempt(server, Duration.ofSeconds(10));
      assertThat(a).isEqualTo(new Attempt(phase == Faults.Phase.AUTH, false, false, messages));
    }
  }

  @Test
  void aStalledKexNeverCompletes() throws Exception {
    try (EmbeddedSshServer server = start(Faults.builder().stall(Faults.Phase.KEX).build())) {
      Attempt a = attempt(server, SHORT);
      assertThat(a).isEqualTo(new Attempt(false, false, true, List.of()));
      // the stalled session still notices that the client went away
      long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
      while (server.activeSessionCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.activeSessionCount()).isZero();
    }
  }

  @Test
  void aDelayedKexCompletesLate() throws IOException {
    try (EmbeddedSshServer server =
        start(Faults.builder().delay(Faults.Phase.KEX, DELAY).build())) {
      long start = System.nanoTime();
      Attempt a = attempt(server, Duration.ofSeconds(10));
      assertThat(a.authenticated()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(DELAY.minusMillis(100));
    }
  }

  @Test
  void aStalledAuthNeverAnswers() throws IOException {
    try (EmbeddedSshServer server = start(Faults.builder().stall(Faults.Phase.AUTH).build())) {
      Attempt a = attempt(server, SHORT);
      assertThat(a).isEqualTo(new Attempt(true, false, true, List.of()));
    }
  }

  @Test
  void aDelayedAuthSucceedsLate() throws IOException {
    try (EmbeddedSshServer server =
        start(
            Faults.builder()
                .delay(Faults.Phase.AUTH, DELAY)
                .delay(Faults.Phase.BANNER, DELAY)
                .build())) {
      long start = System.nanoTime();
      Attempt a = attempt(server, Duration.ofSeconds(10));
      assertThat(a.authenticated()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThan(DELAY.multipliedBy(2).minusMillis(100));
    }
  }

  @Test
  void killDropsEveryConnectionWithoutAWordAndRefusesNewOnes() throws IOException {
    EmbeddedSshServer server = EmbeddedSshServer.builder().build().start();
    int port = server.port();
    try (TestClient tc = new TestClient(server)) {
      List<String> disconnects = disconnects(tc, false);
      ClientSession session = tc.login();
      ChannelExec hanging = session.createExecChannel("hang");
      hanging.open().verify(TestClient.TIMEOUT);
      server.kill();

      assertThat(hanging.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.TIMEOUT))
          .contains(ClientChannelEvent.CLOSED);
      assertThat(hanging.getExitStatus()).isNull();
      assertThat(hanging.getExitSignal()).isNull();
      session.waitFor(
          EnumSet.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
          TestClient.TIMEOUT);
      assertThat(session.isOpen()).isFalse();
      assertThat(disconnects).isEmpty();
    } finally {
      server.close();
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    server.kill(); // idempotent
  }

  @Test
  void channelsCountsTheOpenSessionChannelsOfTheConnection() throws IOException {
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start();
        TestClient tc = new TestClient(server);
        ClientSession session = tc.login()) {
      assertThat(TestClient.exec(session, "channels", null).out()).isEqualTo("1\n");
      ChannelExec first = session.createExecChannel("hang");
      first.open().verify(TestClient.TIMEOUT);
      ChannelExec second = session.createExecChannel("hang");
      second.open().verify(TestClient.TIMEOUT);
      assertThat(TestClient.exec(session, "channels", null).out()).isEqualTo("3\n");
      first.close(false).await(TestClient.TIMEOUT);
      assertThat(TestClient.exec(session, "channels", null).out()).isEqualTo("2\n");
      assertThat(TestClient.exec(session, "channels x", null).exitStatus()).isEqualTo(2);
    }
  }

  @Test
  void theScannerFindsTheEndOfTheClientsFirstPacketAcrossReads() {
    byte[] stream = new byte[] {'S', 'S', 'H', '-', '2', '\r', '\n', 0, 0, 0, 3, 20, 1, 2, 99, 98};
    int packetEnd = 14; // 7 bytes of identification, 4 of length, 3 of packet
    for (int split = 0; split <= stream.length; split++) {
      InputGate.FirstPacketScanner scanner = new InputGate.FirstPacketScanner();
      int first = scanner.feed(stream, 0, split);
      int second = scanner.feed(stream, split, stream.length - split);
      assertThat(split >= packetEnd ? first : second).as("split at %d", split).isEqualTo(packetEnd);
      assertThat(split >= packetEnd ? second : first).as("split at %d", split).isEqualTo(-1);
    }
  }

  /** A read that treats a reset like the end of the stream: both mean "closed by the server". */
  private static int readOrReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (java.net.SocketException e) {
      return -1;
    }
  }
}
