package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.JvmResources;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a run, whether it went well or badly, no MINA client thread, client socket or server
 * session is left. (A run cut short by maxDuration: FaultMatrixTest.)
 */
class ResourceHygieneTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private EmbeddedSshServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = EmbeddedSshServer.builder().password("right").build().start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private SshProtocolBuilder protocol() {
    return TestProtocols.forServer(server);
  }

  @Test
  void aRunThatWentWellLeavesNothingOpen() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("fine")
                    .exec(ssh("cat").exec("cat " + server.seedFile()))
                    .exec(ssh("disconnect").disconnect()),
            20,
            protocol());

    assertThat(r.ok("cat")).as(r.summary()).isEqualTo(20);
    assertNothingLeft();
  }

  @Test
  void aRunThatWentBadlyLeavesNothingOpen() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    int refusedPort = closedPort;
    GatlingResult r =
        Runs.together(
            new Runs.Group(
                () -> scenario("wrong password").exec(ssh("bad auth").connect()),
                5,
                ssh.host(server.host())
                    .port(server.port())
                    .username(server.username())
                    .password("wrong")
                    .hostKeyFingerprint(server.hostKeyFingerprint())),
            new Runs.Group(
                () -> scenario("refused").exec(ssh("refused").connect()),
                5,
                ssh.host("127.0.0.1")
                    .port(refusedPort)
                    .username("u")
                    .password("p")
                    .acceptAnyHostKey()),
            new Runs.Group(
                () ->
                    Scenarios.connected("abandoned")
                        .exec(ssh("hang").exec("hang").timeout(Duration.ofMillis(200)))
                        .exec(ssh("started").start("hang")),
                5,
                protocol()));

    assertThat(r.ko("bad auth")).as(r.summary()).isEqualTo(5);
    assertThat(r.ko("refused")).isEqualTo(5);
    assertThat(r.ko("hang")).isEqualTo(5);
    assertThat(r.ok("started")).isEqualTo(5);
    assertNothingLeft();
  }

  private void assertNothingLeft() {
    assertThat(Polling.until(DEADLINE, () -> JvmResources.clientMinaThreads().isEmpty()))
        .as("MINA client threads left: %s", JvmResources.clientMinaThreads())
        .isTrue();
    assertThat(Polling.until(DEADLINE, () -> JvmResources.clientSocketsTo(server.port()).isEmpty()))
        .as("client sockets left: %s", JvmResources.clientSocketsTo(server.port()))
        .isTrue();
    assertThat(Polling.until(DEADLINE, () -> server.activeSessionCount() == 0))
        .as("server sessions left: %d", server.activeSessionCount())
        .isTrue();
  }
}
